import { describe, expect, it } from "vitest";
import type { CalibrationBin } from "@/lib/metrics";
import { REASONS } from "@/lib/metrics/types";
import { calibrationMap, estimatePerformance, NO_EXPECTED_PAIRS } from "./estimate";

const identity = calibrationMap(null);
const bin = (meanPredicted: number | null, observedRate: number | null, count: number): CalibrationBin => ({ lower: 0, upper: 1, count, meanPredicted, observedRate });

describe("calibrationMap", () => {
  it("interpolates observed rate against mean predicted over the non-empty bins, flat beyond them", () => {
    const { map, calibrated } = calibrationMap([bin(0.05, 0.1, 10), bin(null, null, 0), bin(0.9, 1, 5), bin(0.5, 0.3, 5)]);
    expect(calibrated).toBe(true);
    expect(map(0.01)).toBeCloseTo(0.1, 12);
    expect(map(0.275)).toBeCloseTo(0.2, 12);
    expect(map(0.7)).toBeCloseTo(0.65, 12);
    expect(map(0.95)).toBe(1);
  });

  it("is the identity without a curve or with a single non-empty bin", () => {
    for (const bins of [null, [], [bin(0.4, 0.9, 3), bin(null, null, 0)]]) {
      const { map, calibrated } = calibrationMap(bins);
      expect(calibrated).toBe(false);
      expect(map(0.37)).toBe(0.37);
    }
  });
});

describe("estimatePerformance", () => {
  it("matches the hand-computed expectations for three rows", () => {
    const e = estimatePerformance([0.2, 0.6, 0.9], 0.5, identity);
    // Expected TP = .6 + .9, FP = .4 + .1, FN = .2, TN = .8.
    expect(e.confusion.tp).toBeCloseTo(1.5, 12);
    expect(e.confusion.fp).toBeCloseTo(0.5, 12);
    expect(e.confusion.fn).toBeCloseTo(0.2, 12);
    expect(e.confusion.tn).toBeCloseTo(0.8, 12);
    expect(e.precision).toBeCloseTo(0.75, 12);
    expect(e.recall).toBeCloseTo(1.5 / 1.7, 12);
    expect(e.f1).toBeCloseTo(3 / 3.7, 12);
    expect(e.accuracy).toBeCloseTo(2.3 / 3, 12);
    expect(e.brier).toBeCloseTo((0.16 + 0.24 + 0.09) / 3, 12);
    // Pairs (positive i, negative j ≠ i) weighted c_i(1 − c_j): wins .48 + .72 + .36 out of 1.72.
    expect(e.rocAuc).toBeCloseTo(1.56 / 1.72, 12);
    expect(e.expectedPositives).toBeCloseTo(1.7, 12);
    expect(e.undefined).toEqual({});
  });

  it("counts ties as one half and never pairs a row with itself", () => {
    expect(estimatePerformance([0.5, 0.5], 0.5, identity).rocAuc).toBeCloseTo(0.5, 12);
    expect(estimatePerformance([1, 0], 0.5, identity).rocAuc).toBe(1);
  });

  it("calibrates the scores before counting", () => {
    const calibration = calibrationMap([bin(0.05, 0.1, 10), bin(0.5, 0.3, 5), bin(0.9, 1, 5)]);
    const e = estimatePerformance([0.275, 0.7], 0.5, calibration);
    expect(e.calibrated).toBe(true);
    expect(e.confusion.tp).toBeCloseTo(0.65, 12);
    expect(e.confusion.fn).toBeCloseTo(0.2, 12);
    expect(e.precision).toBeCloseTo(0.65, 12);
    expect(e.recall).toBeCloseTo(0.65 / 0.85, 12);
  });

  it("gives null and the reason for 0/0 instead of NaN", () => {
    const e = estimatePerformance([0, 0], 0.5, identity);
    expect(e).toMatchObject({ rocAuc: null, precision: null, recall: null, accuracy: 1, brier: 0 });
    expect(e.undefined).toEqual({ rocAuc: NO_EXPECTED_PAIRS, precision: REASONS.noPredictedPositives, recall: REASONS.noActualPositives, f1: REASONS.noF1Support });
    expect(estimatePerformance([], 0.5, identity).undefined.accuracy).toBe(REASONS.noRows);
  });
});
