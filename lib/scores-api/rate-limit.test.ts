import { describe, expect, it } from "vitest";
import { CAPACITY, takeToken } from "./rate-limit";

const burst = (keyId: number, at: number) => {
  let allowed = 0;
  while (takeToken(keyId, at) === 0) allowed++;
  return allowed;
};

describe("per-key rate limit", () => {
  it("allows a burst of 600, then says to retry in a second, and refills at 600 a minute up to 600", () => {
    const start = 1_000_000;
    expect(burst(1, start)).toBe(CAPACITY);
    expect(takeToken(1, start)).toBe(1);
    expect(burst(1, start + 1_000)).toBe(10);
    expect(burst(1, start + 1_000 + 10 * 60_000)).toBe(CAPACITY);
  });

  it("keeps each key's bucket apart", () => {
    expect(burst(2, 0)).toBe(CAPACITY);
    expect(takeToken(3, 0)).toBe(0);
  });
});
