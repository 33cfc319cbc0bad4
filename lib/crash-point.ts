/**
 * A test hook for crash safety: with DRIFTLINE_CRASH_AT=<point> the process kills itself with SIGKILL when
 * it reaches that point, exactly as `kill -9` would, so a test can prove that a run or an import killed
 * there leaves the database consistent. Points are step names
 * (the step has started, nothing written yet), `<step>:write` inside a step's write transaction before it
 * commits, `ingest:write` before an import commits, and `notify` as a finished run's alerts are evaluated.
 * Unset in production: one environment read per point.
 */
export function crashPoint(point: string): void {
  if (process.env.DRIFTLINE_CRASH_AT === point) process.kill(process.pid, "SIGKILL");
}
