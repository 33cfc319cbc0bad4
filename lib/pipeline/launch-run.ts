/**
 * Starts a run's work in a child process, so training and scoring a million rows never hold up the web
 * server's event loop (a request would otherwise wait for a whole synchronous step). A child process
 * rather than a worker thread: it runs the same TypeScript code path as `driftline run` through tsx
 * without depending on how the server bundle is built, and a crash in it cannot take the server down.
 * When the process dies without finishing its run, the run is failed here with the reason.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { databasePath } from "@/db/client";
import { finishRun, getRun } from "./store";

export type RunKind = "pipeline" | "monitoring";

/** Unix niceness of a run's process: higher is lower priority; the server runs at 0. */
export const RUN_NICENESS = 10;

/** Returns the child process; callers need not wait for it (the run records its own outcome). */
export function launchRun(runId: number, kind: RunKind = "pipeline"): ChildProcess {
  // turbopackIgnore: runtime paths of the project's own files, not modules for the server bundle.
  const root = process.cwd();
  const tsx = join(/*turbopackIgnore: true*/ root, "node_modules", ".bin", "tsx");
  const entry = join(/*turbopackIgnore: true*/ root, "lib", "pipeline", "run-process.ts");
  // Started under `nice`, so every thread of the run (V8's compiler and garbage collector too) runs below
  // the web server's priority: on a busy machine people's requests go first, and a run only takes longer.
  const child = spawn("nice", ["-n", String(RUN_NICENESS), tsx, entry, kind, String(runId)], {
    cwd: root,
    env: { ...process.env, DATABASE_PATH: databasePath(), TSX_TSCONFIG_PATH: join(/*turbopackIgnore: true*/ root, "tsconfig.json") },
    stdio: ["ignore", "inherit", "inherit"],
  });
  child.on("error", (error) => failIfUnfinished(runId, `The run could not start: ${error.message}`));
  child.on("exit", (code, signal) => {
    if (code !== 0) failIfUnfinished(runId, `The run's process stopped (${signal ? `signal ${signal}` : `exit code ${code}`}) before it finished.`);
  });
  return child;
}

function failIfUnfinished(runId: number, reason: string): void {
  if (getRun(runId)?.status === "running") finishRun(runId, "failed", reason);
}
