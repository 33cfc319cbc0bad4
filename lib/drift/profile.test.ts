import { describe, expect, it } from "vitest";
import fixture from "./fixtures/profile.json";
import { materialize, type Sample } from "./fixtures/seeded";
import { compareRaw } from "./feature-drift";
import { buildCategoricalProfile, buildNumericProfile, SKETCH_SIZE } from "./profile";

describe("numeric profile and bin statistics match numpy/scipy", () => {
  fixture.cases.forEach((c, k) => {
    it(`case ${k}: ${c.values.length ? "discrete" : `${c.bins} quantile bins`}`, () => {
      const ref = materialize(c.ref as Sample);
      const cur = materialize(c.cur as Sample);
      const profile = buildNumericProfile("x", ref, { bins: c.bins });
      expect(profile.edges).toEqual(c.edges);
      expect(profile.values).toEqual(c.values);
      expect(profile.counts).toEqual(c.refCounts);
      expect(profile.mean).toBeCloseTo(c.mean, 10);
      expect(profile.std).toBeCloseTo(c.std, 10);
      const q = profile.quantiles!;
      expect([q.min, q.p05, q.p25, q.p50, q.p75, q.p95, q.max]).toEqual(c.quantiles);

      const drift = compareRaw(ref, cur, "numeric", { bins: c.bins });
      expect(drift.bins!.map((b) => Math.round(b.current * cur.length))).toEqual(c.curCounts);
      expect(drift.psi).toBeCloseTo(c.psi, 10);
      expect(drift.jsDistance).toBeCloseTo(c.js, 10);
      expect(drift.wasserstein! / c.wasserstein).toBeCloseTo(1, 10);
    });
  });
});

describe("numeric profile", () => {
  it("survives a JSON round trip unchanged (no ±Infinity or NaN inside)", () => {
    const values = Float64Array.from({ length: 500 }, (_, i) => Math.sin(i) * 100);
    const profile = buildNumericProfile("x", values);
    expect(JSON.parse(JSON.stringify(profile))).toEqual(profile);
    expect(profile.edges).toHaveLength(9);
    expect(profile.counts).toHaveLength(10);
  });

  it("treats NaN and ±Infinity as missing", () => {
    const profile = buildNumericProfile("x", [1, NaN, 2, Infinity, 3]);
    expect(profile).toMatchObject({ count: 3, missing: 2, missingRate: 0.4, binning: "discrete", values: [1, 2, 3] });
    expect(profile.counts).toEqual([1, 1, 1, 0]);
  });

  it("keeps a bounded sketch of evenly spaced order statistics", () => {
    const values = Float64Array.from({ length: 25_000 }, (_, i) => 25_000 - i);
    const { sketch } = buildNumericProfile("x", values);
    expect(sketch).toHaveLength(SKETCH_SIZE);
    expect([sketch[0], sketch[SKETCH_SIZE - 1]]).toEqual([1, 25_000]);
    expect(sketch.every((v, i) => i === 0 || v >= sketch[i - 1])).toBe(true);
  });

  it("is empty but valid for a column with no values", () => {
    const profile = buildNumericProfile("x", [NaN, NaN]);
    expect(profile).toMatchObject({ count: 0, missingRate: 1, mean: null, std: null, quantiles: null, sketch: [] });
  });

  it("rejects a bin count below 2", () => {
    expect(() => buildNumericProfile("x", [1, 2, 3], { bins: 1 })).toThrow(RangeError);
  });
});

describe("categorical profile", () => {
  it("orders categories by count and ends with an empty (unseen) bin", () => {
    const profile = buildCategoricalProfile("Contract", ["b", "a", null, "a", "c", "b", "a"]);
    expect(profile.categories).toEqual(["a", "b", "c"]);
    expect(profile.counts).toEqual([3, 2, 1, 0]);
    expect(profile.proportions).toEqual([0.5, 2 / 6, 1 / 6, 0]);
    expect(profile.missingRate).toBeCloseTo(1 / 7, 15);
  });
});
