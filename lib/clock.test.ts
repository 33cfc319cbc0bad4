import { describe, expect, it } from "vitest";
import { atSimulatedTime, now } from "./clock";

describe("clock", () => {
  it("is the wall clock outside a simulated scope", () => {
    const before = Date.now();
    const at = now().getTime();
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
  });

  it("starts at the simulated time and keeps it across awaits, advancing with real time", async () => {
    const start = new Date("2026-03-01T00:00:00Z");
    const seen = await atSimulatedTime(start, async () => {
      const first = now().getTime();
      await new Promise((resolve) => setTimeout(resolve, 20));
      return [first, now().getTime()];
    });
    expect(seen[0] - start.getTime()).toBeLessThan(1000);
    expect(seen[1] - seen[0]).toBeGreaterThanOrEqual(15);
    expect(seen[1] - start.getTime()).toBeLessThan(5000);
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
  });
});
