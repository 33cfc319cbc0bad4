import { describe, expect, it } from "vitest";
import { nextRunAfter, scheduleError } from "./schedule";

describe("schedules", () => {
  it("evaluates in UTC, so a daily 03:00 job runs once on the day European clocks change", () => {
    expect(nextRunAfter("0 3 * * *", new Date("2026-03-29T00:30:00Z"))?.toISOString()).toBe("2026-03-29T03:00:00.000Z");
    expect(nextRunAfter("0 3 * * *", new Date("2026-03-29T03:00:00Z"))?.toISOString()).toBe("2026-03-30T03:00:00.000Z");
    expect(nextRunAfter("0 6 1 * *", new Date("2026-12-03T00:00:00Z"))?.toISOString()).toBe("2027-01-01T06:00:00.000Z");
  });

  it("explains an invalid expression", () => {
    expect(scheduleError("0 3 * * *")).toBeNull();
    expect(scheduleError("61 * * * *")).toMatch(/minute/);
    expect(scheduleError("every day")).not.toBeNull();
  });
});
