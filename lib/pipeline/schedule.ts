/**
 * Retraining schedules: cron expressions read by croner and always evaluated in UTC, so a daily job runs
 * once a day whatever the server's time zone or daylight-saving changes.
 */
import { Cron } from "croner";

/** null when the expression is valid, else croner's explanation. */
export function scheduleError(expression: string): string | null {
  try {
    new Cron(expression, { timezone: "UTC", paused: true });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The first time after `after` that the schedule fires, or null when it never does again. */
export function nextRunAfter(expression: string, after: Date): Date | null {
  return new Cron(expression, { timezone: "UTC", paused: true }).nextRun(after);
}

/** The latest time at or before `at` that the schedule fired, or null when it never has. */
export function latestSlot(expression: string, at: Date): Date | null {
  // previousRuns looks strictly before its reference; 1 ms later includes a fire time equal to `at`.
  return new Cron(expression, { timezone: "UTC", paused: true }).previousRuns(1, new Date(at.getTime() + 1))[0] ?? null;
}
