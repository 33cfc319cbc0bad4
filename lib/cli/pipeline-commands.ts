/**
 * Headless pipeline work: `driftline run` executes the same steps as "Run now"; `promote`, `rollback`
 * and `export-sql` act on the registry. The CLI runs on the server with direct database access, so it
 * acts as an administrator and says so in the alias history ("cli").
 */
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { modelVersions } from "@/db/schema";
import { migrateDatabase } from "@/db/migrate";
import { AppError } from "@/lib/errors";
import { promote, rollback } from "@/lib/pipeline/registry";
import { executeRun } from "@/lib/pipeline/run-pipeline";
import { getChampionVersion, getPipelineByName, getRun, listRunSteps, recoverInterruptedRuns, startRun } from "@/lib/pipeline/store";
import { modelToSql, type SqlDialect } from "@/lib/scoring/sql-export";
import { parseNumberFlag } from "./flags";
import { UsageError, type CommandResult } from "./output";

const ACTOR = "cli";

export const RUN_USAGE = "driftline run --pipeline NAME [--json]";
export const PROMOTE_USAGE = "driftline promote --pipeline NAME --version N [--reason TEXT] [--force] [--json]";
export const ROLLBACK_USAGE = "driftline rollback --pipeline NAME [--reason TEXT] [--json]";
export const EXPORT_SQL_USAGE = "driftline export-sql --pipeline NAME [--dialect sqlite|postgres] [--json]";

export const pipelineOptions = { pipeline: { type: "string" } } as const;
export const promoteOptions = { pipeline: { type: "string" }, version: { type: "string" }, reason: { type: "string" }, force: { type: "boolean" } } as const;
export const rollbackOptions = { pipeline: { type: "string" }, reason: { type: "string" } } as const;
export const exportSqlOptions = { pipeline: { type: "string" }, dialect: { type: "string" } } as const;

function pipelineNamed(name: string | undefined, usage: string) {
  if (!name) throw new UsageError(`--pipeline is required. Usage: ${usage}`);
  migrateDatabase();
  // Like the server at start-up: runs a killed process left "running" are failed and their locks released.
  recoverInterruptedRuns();
  const pipeline = getPipelineByName(name);
  if (!pipeline) throw new AppError("unknown_pipeline", `There is no pipeline named "${name}".`, {}, 404);
  return pipeline;
}

export async function runCommand(_: string[], flags: { pipeline?: string }): Promise<CommandResult & { exitCode?: number }> {
  const pipeline = pipelineNamed(flags.pipeline, RUN_USAGE);
  const runId = startRun(pipeline.id, "cli");
  await executeRun(runId);
  const run = getRun(runId)!;
  const steps = listRunSteps(runId).map((step) => ({
    name: step.name,
    status: step.status,
    durationMs: step.startedAt && step.finishedAt ? step.finishedAt.getTime() - step.startedAt.getTime() : null,
    counts: step.counts ?? {},
    messages: step.messages,
    error: step.error,
  }));
  const version = run.modelVersionId ? getDb().select().from(modelVersions).where(eq(modelVersions.id, run.modelVersionId)).get() : undefined;
  const champion = getChampionVersion(pipeline.id);
  const json = {
    runId,
    pipeline: pipeline.name,
    status: run.status,
    error: run.error,
    modelVersion: version ? { id: version.id, version: version.version, rocAuc: version.report.metrics.rocAuc, gatesPassed: version.gatesPassed } : null,
    champion: champion ? { id: champion.id, version: champion.version } : null,
    steps,
  };
  const text = [
    `Run #${runId} of ${pipeline.name}: ${run.status}${run.error ? ` (${run.error})` : ""}`,
    ...steps.map((s) => `  ${s.name.padEnd(15)} ${s.status.padEnd(9)} ${s.durationMs ?? ""}${s.durationMs !== null ? " ms" : ""}  ${[...s.messages, s.error ?? ""].filter(Boolean).join(" | ")}`),
    `champion: ${champion ? `v${champion.version}` : "none"}`,
  ].join("\n");
  return { json, text, exitCode: run.status === "succeeded" ? 0 : 1 };
}

export async function promoteCommand(_: string[], flags: { pipeline?: string; version?: string; reason?: string; force?: boolean }): Promise<CommandResult> {
  const pipeline = pipelineNamed(flags.pipeline, PROMOTE_USAGE);
  const number = parseNumberFlag(flags.version, "--version", { integer: true, min: 1 });
  if (number === undefined) throw new UsageError(`--version is required. Usage: ${PROMOTE_USAGE}`);
  const version = getDb().select().from(modelVersions).where(and(eq(modelVersions.pipelineId, pipeline.id), eq(modelVersions.version, number))).get();
  if (!version) throw new AppError("unknown_version", `${pipeline.name} has no version ${number}.`, {}, 404);
  promote(version.id, ACTOR, flags.reason ?? "promoted from the command line", flags.force ?? false);
  return { json: { pipeline: pipeline.name, champion: { id: version.id, version: version.version } }, text: `v${version.version} is now champion of ${pipeline.name}.` };
}

export async function rollbackCommand(_: string[], flags: { pipeline?: string; reason?: string }): Promise<CommandResult> {
  const pipeline = pipelineNamed(flags.pipeline, ROLLBACK_USAGE);
  const { from, to } = rollback(pipeline.id, ACTOR, flags.reason ?? "");
  const numberOf = (id: number) => getDb().select({ v: modelVersions.version }).from(modelVersions).where(eq(modelVersions.id, id)).get()!.v;
  const json = { pipeline: pipeline.name, from: { id: from, version: numberOf(from) }, to: { id: to, version: numberOf(to) } };
  return { json, text: `Rolled ${pipeline.name} back from v${json.from.version} to v${json.to.version}.` };
}

export async function exportSqlCommand(_: string[], flags: { pipeline?: string; dialect?: string }): Promise<CommandResult> {
  const dialect = (flags.dialect ?? "sqlite") as SqlDialect;
  if (dialect !== "sqlite" && dialect !== "postgres") throw new UsageError(`--dialect must be sqlite or postgres, got "${flags.dialect}".`);
  const pipeline = pipelineNamed(flags.pipeline, EXPORT_SQL_USAGE);
  const champion = getChampionVersion(pipeline.id);
  if (!champion) throw new AppError("no_champion", `${pipeline.name} has no champion to export.`, {}, 409);
  const sql = modelToSql(champion.model, dialect);
  return { json: { pipeline: pipeline.name, version: champion.version, dialect, sql }, text: sql };
}
