import { describe, expect, it } from "vitest";
import { compareRaw, datasetDrift, featureDrift } from "./feature-drift";
import { buildCategoricalProfile, buildNumericProfile } from "./profile";
import type { FeatureDrift } from "./types";

const rep = (value: string, times: number) => new Array<string>(times).fill(value);

/** Every number anywhere in a result is finite: the JSON/UI contract. */
function expectAllFinite(value: unknown): void {
  if (typeof value === "number") expect(Number.isFinite(value)).toBe(true);
  else if (value && typeof value === "object") Object.values(value).forEach(expectAllFinite);
}

describe("categorical drift", () => {
  it("Contract a5 b5 c5 → a8 b3: χ² = 5.7121, dof 2, p = 0.05749", () => {
    const profile = buildCategoricalProfile("Contract", [...rep("a", 5), ...rep("b", 5), ...rep("c", 5)]);
    const drift = featureDrift(profile, [...rep("a", 8), ...rep("b", 3)]);
    expect(drift.chiSquare).toBeCloseTo(5.7121, 4);
    expect(drift.chiSquareDof).toBe(2);
    expect(drift.chiSquarePValue).toBeCloseTo(0.05749, 5);
    expect(drift).toMatchObject({ kind: "categorical", ksStatistic: null, wasserstein: null, unseenCategories: [] });
  });

  it("a5 b5 → a8 b3 c5: χ² = 5.0781, p = 0.07894, c unseen (5 rows, 31%) with its own bin", () => {
    const profile = buildCategoricalProfile("Contract", [...rep("a", 5), ...rep("b", 5)]);
    const drift = featureDrift(profile, [...rep("a", 8), ...rep("b", 3), ...rep("c", 5)]);
    expect(drift.chiSquare).toBeCloseTo(5.0781, 4);
    expect(drift.chiSquarePValue).toBeCloseTo(0.07894, 5);
    expect(drift.unseenCategories).toEqual([{ value: "c", count: 5, share: 5 / 16 }]);
    expect(drift.bins).toEqual([
      { label: "a", reference: 0.5, current: 0.5 },
      { label: "b", reference: 0.5, current: 3 / 16 },
      { label: "(unseen)", reference: 0, current: 5 / 16 },
    ]);
    const expectedPsi = (3 / 16 - 0.5) * Math.log(3 / 16 / 0.5) + (5 / 16 - 1e-4) * Math.log(5 / 16 / 1e-4);
    expect(drift.psi).toBeCloseTo(expectedPsi, 12);
    expect(drift.jsDistance).toBeGreaterThan(0);
    expect(drift.severity).toBe("critical");
  });
});

describe("missing values", () => {
  const reference = { TotalCharges: [29.85, 1889.5, 108.15, 1840.75, 151.65], Contract: ["a", "b", "a", "b", "a"] };

  it("an all-blank TotalCharges batch gets nulls and a data-quality flag; other features still computed", () => {
    const profiles = {
      TotalCharges: buildNumericProfile("TotalCharges", reference.TotalCharges),
      Contract: buildCategoricalProfile("Contract", reference.Contract),
    };
    const totalCharges = featureDrift(profiles.TotalCharges, [NaN, NaN, NaN, NaN]);
    const contract = featureDrift(profiles.Contract, ["a", "a", "b", "a"]);
    expect(totalCharges).toMatchObject({
      psi: null, jsDistance: null, ksStatistic: null, ksPValue: null, wasserstein: null,
      wassersteinNormalized: null, severity: null, bins: null,
      reason: "no non-missing values in current", missingRateReference: 0, missingRateCurrent: 1,
    });
    expect(totalCharges.dataQuality).toEqual(["missing share 100% in current (reference 0.0%)"]);
    expect(contract.psi).not.toBeNull();
    const dataset = datasetDrift([totalCharges, contract]);
    expect(dataset.driftShare).toBe(contract.severity === "ok" ? 0 : 1);
    expectAllFinite(dataset);
  });

  it("an empty reference is reported as such", () => {
    const drift = featureDrift(buildCategoricalProfile("x", [null, null]), ["a"]);
    expect(drift).toMatchObject({ psi: null, chiSquare: null, reason: "no non-missing values in reference", missingRateReference: 1 });
    expect(drift.dataQuality).toEqual(["missing share 100% in reference"]);
  });

  it("flags a missing-rate change past the threshold", () => {
    const profile = buildCategoricalProfile("x", ["a", "b", "a", "b"]);
    expect(featureDrift(profile, ["a", null, "b", null]).dataQuality).toEqual(["missing rate rose from 0.0% to 50.0%"]);
    expect(featureDrift(profile, ["a", null, "b", null], { missingRateChange: 0.6 }).dataQuality).toEqual([]);
  });
});

describe("numeric drift", () => {
  const reference = Float64Array.from({ length: 2000 }, (_, i) => (i * 7919) % 1000);
  const shifted = Float64Array.from(reference, (v) => v + 150);

  it("computes every numeric statistic and leaves chi-square null", () => {
    const drift = featureDrift(buildNumericProfile("x", reference), shifted);
    expect(drift.psi).toBeGreaterThan(0.25);
    expect(drift.ksStatistic).toBeCloseTo(0.15, 12);
    expect(drift.wasserstein).toBeCloseTo(150, 9);
    expect(drift.wassersteinNormalized).toBeCloseTo(150 / buildNumericProfile("x", reference).std!, 9);
    expect(drift).toMatchObject({ chiSquare: null, chiSquarePValue: null, severity: "critical", reason: null });
    expect(drift.bins).toHaveLength(10);
    expectAllFinite(drift);
  });

  it("against a sketch: equal to raw-vs-raw up to 10,000 reference values, close beyond", () => {
    const exact = compareRaw(reference, shifted, "numeric", { name: "x" });
    expect(featureDrift(buildNumericProfile("x", reference), shifted)).toEqual(exact);
    const big = Float64Array.from({ length: 50_000 }, (_, i) => ((i * 7919) % 50_000) / 50);
    const cur = Float64Array.from({ length: 30_000 }, (_, i) => ((i * 104729) % 30_000) / 29 + 3);
    const viaSketch = featureDrift(buildNumericProfile("x", big), cur);
    const raw = compareRaw(big, cur, "numeric");
    expect(Math.abs(viaSketch.ksStatistic! - raw.ksStatistic!)).toBeLessThan(2e-4);
    expect(Math.abs(viaSketch.wasserstein! - raw.wasserstein!)).toBeLessThan(raw.wasserstein! * 1e-3);
    expect(viaSketch.psi).toBe(raw.psi);
  });

  it("gives a constant column its own bins, catches it moving, and explains the null normalised W1", () => {
    const drift = compareRaw([0, 0, 0, 0], [0, 1, 1, 2], "numeric");
    expect(drift.bins!.map((b) => b.label)).toEqual(["0", "(unseen)"]);
    expect(drift.unseenCategories).toEqual([
      { value: "1", count: 2, share: 0.5 },
      { value: "2", count: 1, share: 0.25 },
    ]);
    expect(drift).toMatchObject({ wassersteinNormalized: null, severity: "critical" });
    expect(drift.reason).toMatch(/standard deviation is 0/);
    expectAllFinite(drift);
  });

  it("uses per-feature thresholds, inclusive", () => {
    const profile = buildCategoricalProfile("x", [...rep("a", 50), ...rep("b", 50)]);
    const current = [...rep("a", 60), ...rep("b", 40)];
    const value = featureDrift(profile, current).psi!;
    expect(featureDrift(profile, current).severity).toBe("ok");
    expect(featureDrift(profile, current, { warning: value }).severity).toBe("warning");
    expect(featureDrift(profile, current, { warning: value / 2, critical: value }).severity).toBe("critical");
  });
});

describe("datasetDrift", () => {
  const result = (psi: number | null, severity: FeatureDrift["severity"]) => ({ psi, severity }) as FeatureDrift;

  it("is the share of features at warning or worse among those with a PSI", () => {
    const features = [result(0.3, "critical"), result(0.12, "warning"), result(0.01, "ok"), result(null, null)];
    expect(datasetDrift(features).driftShare).toBeCloseTo(2 / 3, 15);
    expect(datasetDrift([result(null, null)]).driftShare).toBeNull();
  });
});
