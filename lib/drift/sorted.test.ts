import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/random";
import { cleanNumeric, distinctUpTo, quantileSorted, sketchOf } from "./sorted";

describe("cleanNumeric's radix sort", () => {
  const next = mulberry32(9);
  const cases: Record<string, Float64Array> = {
    "mixed signs and magnitudes": Float64Array.from({ length: 50_000 }, () => (next() - 0.5) * 10 ** Math.floor(next() * 20 - 10)),
    "small integers (passes skipped)": Float64Array.from({ length: 20_000 }, () => Math.floor(next() * 7)),
    "signed zeros and subnormals": Float64Array.from({ length: 5_000 }, (_, i) => [-0, 0, 5e-324, -5e-324, 1e-310, -1e-310][i % 6]),
    "below the radix threshold": Float64Array.from({ length: 100 }, () => next() - 0.5),
    "mostly missing": Float64Array.from({ length: 5_000 }, () => (next() < 0.9 ? NaN : next() - 0.5)),
    "with missing and infinite values": Float64Array.from({ length: 5_000 }, (_, i) => [NaN, Infinity, -Infinity, next()][i % 4]),
  };
  for (const [name, values] of Object.entries(cases)) {
    it(`orders ${name} exactly as TypedArray#sort`, () => {
      const expected = values.filter(Number.isFinite).sort();
      const got = cleanNumeric(values).sorted;
      expect(got.every((v, i) => Object.is(v, expected[i]))).toBe(true);
    });
  }
});

describe("sorted helpers", () => {
  it("cleanNumeric drops NaN and ±Infinity and sorts", () => {
    const { sorted, missing } = cleanNumeric([3, NaN, -1, Infinity, 2]);
    expect(Array.from(sorted)).toEqual([-1, 2, 3]);
    expect(missing).toBe(2);
  });

  it("quantileSorted interpolates as numpy does, from the upper neighbour past one half", () => {
    const sorted = Float64Array.of(0, 1, 10);
    expect(quantileSorted(sorted, 0.1)).toBeCloseTo(0.2, 15);
    expect(quantileSorted(sorted, 0.9)).toBeCloseTo(8.2, 14);
    expect([quantileSorted(sorted, 0), quantileSorted(sorted, 1)]).toEqual([0, 10]);
  });

  it("sketchOf keeps both extremes and evenly spaced order statistics", () => {
    const sorted = Float64Array.from({ length: 101 }, (_, i) => i);
    expect(sketchOf(sorted, 5)).toEqual([0, 25, 50, 75, 100]);
    expect(sketchOf(sorted, 200)).toHaveLength(101);
  });

  it("distinctUpTo stops past the limit", () => {
    expect(distinctUpTo(Float64Array.of(1, 1, 2, 3, 3), 3)).toEqual([1, 2, 3]);
    expect(distinctUpTo(Float64Array.of(1, 2, 3, 4), 3)).toBeNull();
  });
});
