/**
 * `driftline demo`: builds the demo workspace (a year of the Telco pipeline, see lib/demo) in the
 * database, or says it is already there. `--reset` empties the database and builds it again; a database
 * holding anything the demo did not make needs `--force` as well. `--receiver` says where the demo's
 * webhook channel points (default: `npm run receiver` on this machine).
 */
import { databasePath } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { buildDemoWorkspace, hasDemoWorkspace } from "@/lib/demo/build";
import { emptyDatabase, hasDemoDatasets, nonDemoWork } from "@/lib/demo/reset";
import { AppError } from "@/lib/errors";
import { UsageError, type CommandResult } from "./output";

export const DEMO_USAGE = "driftline demo [--reset [--force]] [--receiver URL] [--json]";
export const demoOptions = { reset: { type: "boolean" }, force: { type: "boolean" }, receiver: { type: "string" } } as const;

export async function demoCommand(_: string[], flags: { reset?: boolean; force?: boolean; receiver?: string }): Promise<CommandResult> {
  const started = Date.now();
  if (flags.receiver !== undefined && !/^https?:\/\/[^/\s]+/.test(flags.receiver)) throw new UsageError(`--receiver must be an http:// or https:// URL, got "${flags.receiver}".`);
  const database = databasePath();
  migrateDatabase();
  if (flags.reset) {
    const other = nonDemoWork();
    if (other.length > 0 && !flags.force) {
      throw new AppError(
        "not_demo_work",
        `${database} holds work that is not the demo's (${other.join("; ")}). --reset empties the whole database: every dataset, source, pipeline, run, model, score, alert, API key and user. Add --force to discard it, or set DATABASE_PATH to another file.`,
      );
    }
    emptyDatabase();
  } else if (hasDemoWorkspace()) {
    const text = `The demo workspace is already in ${database}; "driftline demo --reset" rebuilds it.`;
    return { json: { database, built: false, reset: false, message: text }, text };
  } else if (hasDemoDatasets()) {
    throw new AppError("demo_incomplete", `${database} holds part of a demo workspace whose build did not finish; "driftline demo --reset" rebuilds it.`);
  }
  const lines: string[] = [];
  const summary = await buildDemoWorkspace({ receiverUrl: flags.receiver, log: (line) => lines.push(line) });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const text = [...lines, `Built the demo workspace in ${database} in ${seconds} s: ${summary.batches} batches, ${summary.runs.length} runs.`].join("\n");
  return { json: { database, built: true, reset: flags.reset ?? false, pipelineId: summary.pipelineId, batches: summary.batches, runs: summary.runs, durationMs: Date.now() - started }, text };
}
