/**
 * The alert lifecycle as pure functions: a value becomes a severity through the rule's operator and
 * thresholds; "M of the last N" severities decide whether the rule fires; a notification goes out only on a
 * transition (firing, escalated to critical, resolved), and again while firing only after the re-notify
 * interval. Example: PSI 0.30, 0.35, 0.40, 0.10, 0.32 against a critical 0.25 notifies three times:
 * firing, resolved, firing.
 */
import type { ALERT_OPERATORS, ALERT_STATES, SEVERITIES } from "@/db/schema";

export type Operator = (typeof ALERT_OPERATORS)[number];
export type AlertState = (typeof ALERT_STATES)[number];
export type Severity = (typeof SEVERITIES)[number];
export type NotificationKind = "firing" | "escalated" | "resolved" | "reminder";

export interface Thresholds {
  operator: Operator;
  warning: number | null;
  critical: number | null;
}

const RANK: Record<Severity, number> = { ok: 0, warning: 1, critical: 2 };

export function breaches(value: number, operator: Operator, threshold: number): boolean {
  switch (operator) {
    case ">": return value > threshold;
    case ">=": return value >= threshold;
    case "<": return value < threshold;
    case "<=": return value <= threshold;
  }
}

/** An undefined value (null) breaches nothing: the evaluation is stored, with its reason, as ok. */
export function severityOf(value: number | null, { operator, warning, critical }: Thresholds): Severity {
  if (value === null) return "ok";
  if (critical !== null && breaches(value, operator, critical)) return "critical";
  if (warning !== null && breaches(value, operator, warning)) return "warning";
  return "ok";
}

export interface Transition {
  state: AlertState;
  severity: Severity;
  /** What to tell people; null when nothing changed that is worth a message. */
  notification: Exclude<NotificationKind, "reminder"> | null;
}

/**
 * The rule's next state. `window` holds the severities of the last N evaluations, newest last (this one
 * included); the rule fires while at least `m` of them breach.
 */
export function nextState(previous: { state: AlertState; severity: Severity }, window: Severity[], m: number): Transition {
  const current = window[window.length - 1];
  const breaching = window.filter((s) => s !== "ok");
  if (breaching.length >= m) {
    // Still firing on an evaluation that itself is fine (M < N): keep the severity the alert has.
    const severity = current !== "ok" ? current : previous.state === "firing" ? previous.severity : worst(breaching);
    if (previous.state !== "firing") return { state: "firing", severity, notification: "firing" };
    return { state: "firing", severity, notification: RANK[severity] > RANK[previous.severity] ? "escalated" : null };
  }
  if (previous.state === "firing") return { state: "resolved", severity: "ok", notification: "resolved" };
  return { state: previous.state, severity: "ok", notification: null };
}

function worst(severities: Severity[]): Severity {
  return severities.reduce((a, b) => (RANK[b] > RANK[a] ? b : a), "ok" as Severity);
}

/** A firing alert nobody acknowledged is notified again once `renotifySeconds` have passed since the last message. */
export function reminderDue(
  rule: { state: AlertState; lastNotifiedAt: Date | null; acknowledgedAt: Date | null; renotifySeconds: number },
  now: Date,
): boolean {
  if (rule.state !== "firing" || rule.acknowledgedAt !== null || rule.lastNotifiedAt === null) return false;
  return now.getTime() - rule.lastNotifiedAt.getTime() >= rule.renotifySeconds * 1000;
}

export function isMuted(mutedUntil: Date | null, now: Date): boolean {
  return mutedUntil !== null && mutedUntil.getTime() > now.getTime();
}
