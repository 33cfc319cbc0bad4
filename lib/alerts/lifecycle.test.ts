import { describe, expect, it } from "vitest";
import { nextState, reminderDue, severityOf, type AlertState, type Severity } from "./lifecycle";

function replay(values: (number | null)[], m = 1, n = 1, warning: number | null = 0.1) {
  let state: { state: AlertState; severity: Severity } = { state: "ok", severity: "ok" };
  const history: Severity[] = [];
  return values.map((value) => {
    history.push(severityOf(value, { operator: ">=", warning, critical: 0.25 }));
    const next = nextState(state, history.slice(-n), m);
    state = next;
    return next;
  });
}

describe("the alert lifecycle", () => {
  it("PSI 0.30, 0.35, 0.40, 0.10, 0.32 against 0.25 notifies exactly three times: firing, resolved, firing", () => {
    const steps = replay([0.3, 0.35, 0.4, 0.1, 0.32], 1, 1, null);
    expect(steps.map((s) => s.state)).toEqual(["firing", "firing", "firing", "resolved", "firing"]);
    expect(steps.map((s) => s.notification).filter(Boolean)).toEqual(["firing", "resolved", "firing"]);
  });

  it("0.10 is a warning, not ok, so with a warning level the fourth value keeps the alert firing as a warning", () => {
    const steps = replay([0.3, 0.1]);
    expect(steps[1]).toEqual({ state: "firing", severity: "warning", notification: null });
  });

  it("escalates from warning to critical with a message, and de-escalates silently", () => {
    expect(replay([0.12, 0.3, 0.12]).map((s) => [s.severity, s.notification])).toEqual([["warning", "firing"], ["critical", "escalated"], ["warning", null]]);
  });

  it("fires on 2 of the last 3 evaluations and resolves when fewer than 2 breach", () => {
    const steps = replay([0.3, 0.01, 0.3, 0.3, 0.01, 0.01], 2, 3);
    expect(steps.map((s) => s.state)).toEqual(["ok", "ok", "firing", "firing", "firing", "resolved"]);
    // The fifth value is fine, but 2 of the last 3 still breach: the alert stays critical, without a message.
    expect(steps[4]).toEqual({ state: "firing", severity: "critical", notification: null });
  });

  it("compares with each operator, inclusive or not, and never breaches on an undefined value", () => {
    expect(severityOf(0.25, { operator: ">", warning: null, critical: 0.25 })).toBe("ok");
    expect(severityOf(0.25, { operator: ">=", warning: null, critical: 0.25 })).toBe("critical");
    expect(severityOf(0.7, { operator: "<", warning: 0.78, critical: 0.75 })).toBe("critical");
    expect(severityOf(0.76, { operator: "<", warning: 0.78, critical: 0.75 })).toBe("warning");
    expect(severityOf(0.75, { operator: "<=", warning: null, critical: 0.75 })).toBe("critical");
    expect(severityOf(null, { operator: "<", warning: 0.78, critical: 0.75 })).toBe("ok");
  });

  it("reminds a firing, unacknowledged alert only after the re-notify interval", () => {
    const rule = { state: "firing" as const, lastNotifiedAt: new Date("2026-12-01T00:00:00Z"), acknowledgedAt: null, renotifySeconds: 86_400 };
    expect(reminderDue(rule, new Date("2026-12-01T23:59:59Z"))).toBe(false);
    expect(reminderDue(rule, new Date("2026-12-02T00:00:00Z"))).toBe(true);
    expect(reminderDue({ ...rule, acknowledgedAt: new Date("2026-12-01T01:00:00Z") }, new Date("2026-12-03T00:00:00Z"))).toBe(false);
    expect(reminderDue({ ...rule, state: "resolved" }, new Date("2026-12-03T00:00:00Z"))).toBe(false);
  });
});
