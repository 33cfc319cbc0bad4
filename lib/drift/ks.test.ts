import { describe, expect, it } from "vitest";
import ksFixture from "./fixtures/ks.json";
import kstwoFixture from "./fixtures/kstwo.json";
import { materialize, type Sample } from "./fixtures/seeded";
import { computeOuterProbInsideMethod, computeProbOutsideSquare } from "./ks-exact";
import { ks2samp, type KsAlternative } from "./ks";
import { kolmogornSurvival } from "./kolmogorov";
import { roundHalfEven } from "./numeric";

describe("ks2samp matches scipy 1.10 ks_2samp", () => {
  for (const c of ksFixture.cases) {
    const a = c.a as Sample;
    const b = c.b as Sample;
    const size = (s: Sample) => ("values" in s ? s.values.length : s.n);
    it(`${size(a)} vs ${size(b)} ${c.alternative} ${c.method} (p = ${c.pvalue.toPrecision(4)})`, () => {
      const r = ks2samp(materialize(a), materialize(b), {
        alternative: c.alternative as KsAlternative,
        method: c.method as "auto" | "exact" | "asymp",
      });
      expect(r.statistic).toBeCloseTo(c.statistic, 12);
      expect(Math.abs(r.pValue - c.pvalue)).toBeLessThan(1e-6);
      // Relative agreement too, so tiny p-values are checked and not just "both ≈ 0".
      if (c.pvalue > 1e-300) expect(Math.abs(r.pValue - c.pvalue) / c.pvalue).toBeLessThan(1e-6);
    });
  }
});

describe("kolmogornSurvival matches scipy kstwo.sf in every branch", () => {
  it.each(kstwoFixture.cases)("n = $n, x = $x", ({ n, x, sf }) => {
    const got = kolmogornSurvival(n, x);
    expect(Math.abs(got - sf)).toBeLessThan(1e-10);
    if (sf > 1e-280) expect(Math.abs(got - sf) / sf).toBeLessThan(1e-8);
  });
});

describe("ks2samp edge cases", () => {
  it("drops NaN and refuses an empty sample", () => {
    expect(ks2samp([1, NaN, 2], [1, 2]).statistic).toBe(0);
    expect(() => ks2samp([NaN], [1])).toThrow(RangeError);
  });

  it("gives D = 1 and the exact p-value for disjoint samples", () => {
    const r = ks2samp([1, 2, 3], [4, 5, 6]);
    expect(r).toMatchObject({ statistic: 1, method: "exact" });
    expect(r.pValue).toBeCloseTo(0.1, 12);
  });

  it("uses the asymptotic distribution above 10,000 values", () => {
    const a = Float64Array.from({ length: 10_001 }, (_, i) => i);
    expect(ks2samp(a, a).method).toBe("asymp");
    expect(ks2samp(a.subarray(0, 10_000), a.subarray(0, 10_000)).method).toBe("exact");
  });
});

describe("exact helpers", () => {
  it("agree with each other for equal sizes", () => {
    for (const [n, h] of [[10, 3], [50, 7], [400, 31]]) {
      expect(computeOuterProbInsideMethod(n, n, n, h)).toBeCloseTo(computeProbOutsideSquare(n, h), 12);
    }
  });

  it("roundHalfEven rounds halves to even like np.round", () => {
    expect([0.5, 1.5, 2.5, -2.5, 2.4, 5000.5].map(roundHalfEven)).toEqual([0, 2, 2, -2, 2, 5000]);
  });
});
