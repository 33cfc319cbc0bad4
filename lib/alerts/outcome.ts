/**
 * What a retraining run decided, for "drift in MonthlyCharges → retrained → v7 passed gates → promoted":
 * the run, the version it registered, its gates, and whether the run itself moved the champion alias.
 */
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { aliasHistory, modelVersions, runs } from "@/db/schema";

export interface RetrainOutcome {
  runId: number;
  status: string;
  error: string | null;
  version: number | null;
  gatesPassed: boolean | null;
  promoted: boolean;
}

export function retrainOutcome(runId: number): RetrainOutcome | null {
  const db = getDb();
  const run = db.select().from(runs).where(eq(runs.id, runId)).get();
  if (!run) return null;
  const version = run.modelVersionId ? db.select().from(modelVersions).where(eq(modelVersions.id, run.modelVersionId)).get() : undefined;
  const promoted = version
    ? db.select({ id: aliasHistory.id }).from(aliasHistory)
        .where(and(eq(aliasHistory.modelVersionId, version.id), eq(aliasHistory.alias, "champion"), eq(aliasHistory.actor, `run #${runId}`))).get() !== undefined
    : false;
  return { runId, status: run.status, error: run.error, version: version?.version ?? null, gatesPassed: version?.gatesPassed ?? null, promoted };
}

/** One line for the UI and notifications. */
export function outcomeSentence(o: RetrainOutcome): string {
  if (o.status === "running") return `retraining run #${o.runId} is running`;
  if (o.version === null) return `retraining run #${o.runId} ${o.status}${o.error ? `: ${o.error}` : ""}`;
  const gates = o.gatesPassed ? "passed gates" : "failed a gate";
  return `retrained → v${o.version} ${gates} → ${o.promoted ? "promoted" : "not promoted"}`;
}
