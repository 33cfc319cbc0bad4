/**
 * Entry point of the process a run executes in: `tsx lib/pipeline/run-process.ts pipeline|monitoring RUN_ID`.
 * The run already exists (started by the server); this process only executes its steps, which record
 * their progress in the runs table, where the run page polls it.
 */
import { setPriority } from "node:os";
import { closeDb } from "@/db/client";
import { executeRun } from "./run-pipeline";
import { executeMonitoringRun } from "./run-monitoring";

/** The run's niceness; higher is lower priority (Unix nice values, 0 by default). */
const RUN_PRIORITY = 10;

const [kind, id] = process.argv.slice(2);
const runId = Number(id);
if (!Number.isInteger(runId) || (kind !== "pipeline" && kind !== "monitoring")) {
  console.error("Usage: run-process.ts pipeline|monitoring RUN_ID");
  process.exit(2);
}
// Below the web server's priority (nice 10): on a busy machine the people using the app go first, and a
// run only takes longer while they are active.
setPriority(RUN_PRIORITY);
await (kind === "pipeline" ? executeRun(runId) : executeMonitoringRun(runId));
closeDb();
