/**
 * Entry point of the process a run executes in: `tsx lib/pipeline/run-process.ts pipeline|monitoring RUN_ID`.
 * The run already exists (started by the server); this process only executes its steps, which record
 * their progress in the runs table, where the run page polls it.
 */
import { closeDb } from "@/db/client";
import { executeRun } from "./run-pipeline";
import { executeMonitoringRun } from "./run-monitoring";

const [kind, id] = process.argv.slice(2);
const runId = Number(id);
if (!Number.isInteger(runId) || (kind !== "pipeline" && kind !== "monitoring")) {
  console.error("Usage: run-process.ts pipeline|monitoring RUN_ID");
  process.exit(2);
}
await (kind === "pipeline" ? executeRun(runId) : executeMonitoringRun(runId));
closeDb();
