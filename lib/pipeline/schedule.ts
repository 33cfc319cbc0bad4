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
