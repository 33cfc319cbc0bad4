/**
 * Where a run started by scheduled work (a due schedule, a scheduled extraction's monitoring, an alert's
 * retraining) executes. The CLI, tests and the demo's replay run it here, to its end, at the tick's `now`;
 * the web server (the cron route, the built-in scheduler) hands it to a process of its own, as "Run now"
 * does, so training a million rows never holds up the requests the server answers meanwhile.
 */
import { launchRun, type RunKind } from "./launch-run";

export type RunExecutor = (runId: number, kind: RunKind, now: Date) => Promise<void>;

export const executeHere: RunExecutor = async (runId, kind, now) => {
  // Imported when called: a run's end evaluates alerts, whose retraining comes back here.
  if (kind === "pipeline") await (await import("./run-pipeline")).executeRun(runId, { now });
  else await (await import("./run-monitoring")).executeMonitoringRun(runId, { now });
};

/** Starts the run in a child process and returns at once; the run records its own outcome. */
export const executeInChild: RunExecutor = async (runId, kind) => {
  launchRun(runId, kind);
};
