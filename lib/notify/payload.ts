/** The message every channel formats its own way: webhook as JSON, Slack as blocks, email as text. */
export interface NotificationPayload {
  /** "firing", "escalated", "resolved", "reminder", or "test" for a channel's test message. */
  kind: string;
  title: string;
  text: string;
  severity: "ok" | "warning" | "critical";
  /** Absolute link back to the chart or page that explains the alert. */
  link: string;
  pipeline: { id: number; name: string } | null;
  rule: { id: number; signal: string; feature: string | null; metric: string | null } | null;
  value: number | null;
  alertEventId: number | null;
  runId: number | null;
  batchId: number | null;
  /** ISO 8601 time of the evaluation (or of the test). */
  at: string;
}
