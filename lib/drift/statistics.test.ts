import { describe, expect, it } from "vitest";
import chi2 from "./fixtures/chi2.json";
import wasserstein from "./fixtures/wasserstein.json";
import { materialize, type Sample } from "./fixtures/seeded";
import { chiSquareHomogeneity } from "./chi-square";
import { chiSquareSurvival, logGamma } from "./gamma";
import { jsDistance, psi } from "./psi";
import { wassersteinDistance } from "./wasserstein";

describe("PSI", () => {
  it("sums (cur − ref)·ln(cur/ref) with zero proportions floored at 1e-4, not renormalised", () => {
    expect(psi([0.5, 0.5], [0.5, 0.5])).toBe(0);
    expect(psi([0.5, 0.5, 0], [0.5, 0.25, 0.25])).toBeCloseTo(-0.25 * Math.log(0.5) + (0.25 - 1e-4) * Math.log(2500), 14);
    expect(psi([0.4, 0.6], [0, 1])).toBeCloseTo((1e-4 - 0.4) * Math.log(1e-4 / 0.4) + 0.4 * Math.log(1 / 0.6), 14);
  });

  it("refuses bins that do not line up", () => {
    expect(() => psi([1], [0.5, 0.5])).toThrow(RangeError);
  });
});

describe("Jensen–Shannon distance", () => {
  it("is 0.48626 for P = (.3, .3, .4) vs Q = (.5, .5, 0) in base 2, not NaN", () => {
    expect(jsDistance([0.3, 0.3, 0.4], [0.5, 0.5, 0])).toBeCloseTo(0.48626, 5);
  });

  it("is 0 for identical and 1 for disjoint distributions", () => {
    expect(jsDistance([0.2, 0.8], [0.2, 0.8])).toBe(0);
    expect(jsDistance([1, 0], [0, 1])).toBeCloseTo(1, 15);
  });
});

describe("chi-square homogeneity matches scipy chi2_contingency(correction=False)", () => {
  it.each(chi2.contingency)("$reference vs $current", ({ reference, current, statistic, pvalue, dof }) => {
    const r = chiSquareHomogeneity(reference, current)!;
    expect(r.dof).toBe(dof);
    expect(r.statistic).toBeCloseTo(statistic, 9);
    expect(Math.abs(r.pValue - pvalue)).toBeLessThan(1e-10);
  });

  it("is undefined when a window is empty and trivial with a single category", () => {
    expect(chiSquareHomogeneity([0, 0], [1, 2])).toBeNull();
    expect(chiSquareHomogeneity([4, 0], [7, 0])).toEqual({ statistic: 0, pValue: 1, dof: 0 });
  });
});

describe("chi-square survival function", () => {
  it.each(chi2.survival)("x = $x, dof = $dof", ({ x, dof, sf }) => {
    const got = chiSquareSurvival(x, dof);
    expect(Math.abs(got - sf)).toBeLessThan(1e-10);
    if (sf > 1e-300) expect(Math.abs(got - sf) / sf).toBeLessThan(1e-9);
  });

  it("logGamma hits known values", () => {
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 13);
  });
});

describe("Wasserstein-1 matches scipy.stats.wasserstein_distance", () => {
  it.each(wasserstein.cases)("case %#", ({ a, b, distance }) => {
    expect(wassersteinDistance(materialize(a as Sample), materialize(b as Sample)) / distance).toBeCloseTo(1, 11);
  });
});
