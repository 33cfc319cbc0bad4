/** The contract's worked examples, the shape the CLI prints, and how bad input and empty input behave. */
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { averagePrecision, rocAuc } from "./auc";
import { constantBaseline, evaluate, SCALAR_METRICS } from "./evaluate";
import { calibrationBin, logLoss, reliabilityCurve } from "./probability";
import { thresholdMetrics } from "./threshold";
import { REASONS } from "./types";

describe("worked examples from the metrics contract", () => {
  it("one class only: AUC and AP null, the rest defined", () => {
    const result = evaluate([0, 0, 0, 0, 0], [0.1, 0.2, 0.3, 0.4, 0.9]);
    expect(result.rocAuc).toBeNull();
    expect(result.prAuc).toBeNull();
    expect(result.undefined.rocAuc).toContain("only one class present");
    expect(result.undefined.prAuc).toContain("only one class present");
    expect(result.accuracy).toBe(0.8);
    expect(result.brier).toBeCloseTo(0.222, 12);
    expect(result.logLoss!.toFixed(5)).toBe("0.69972");
    // The one positive prediction is wrong: precision 0 is a value; recall is 0/0.
    expect([result.precision, result.recall, result.f1]).toEqual([0, null, 0]);
    expect(Object.keys(result.undefined).sort()).toEqual(["prAuc", "recall", "rocAuc"]);
  });

  it("nothing predicted positive: precision null, recall and F1 0", () => {
    const result = evaluate([1, 0, 1, 0], [0.1, 0.2, 0.3, 0.4]);
    expect(result.precision).toBeNull();
    expect(result.undefined.precision).toBe(REASONS.noPredictedPositives);
    expect([result.recall, result.f1, result.accuracy]).toEqual([0, 0, 0.5]);
    expect(result.confusion).toEqual({ tp: 0, fp: 0, fn: 2, tn: 2 });
  });

  it("confident mistakes are clipped, never Infinity", () => {
    const value = logLoss([1, 0, 0, 0], [1, 1, 0, 0]).value!;
    expect(value.toFixed(4)).toBe("8.6347");
    expect(Number.isFinite(value)).toBe(true);
  });
});

describe("evaluate", () => {
  it("returns exactly the shape the CLI prints, and survives JSON", () => {
    const result = evaluate(Uint8Array.of(1, 0, 1, 0, 1), Float64Array.of(0.9, 0.1, 0.6, 0.7, 0.5), { threshold: 0.6 });
    expect(Object.keys(result)).toEqual(["n", "positives", ...SCALAR_METRICS, "confusion", "threshold", "undefined"]);
    expect(result).toMatchObject({ n: 5, positives: 3, threshold: 0.6, undefined: {} });
    expect(result.confusion).toEqual({ tp: 2, fp: 1, fn: 1, tn: 1 });
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it("predicts positive when the score equals the threshold", () => {
    expect(thresholdMetrics([1, 0], [0.5, 0.49999], 0.5).confusion).toEqual({ tp: 1, fp: 0, fn: 0, tn: 1 });
  });

  it("gives every metric null with a reason on empty input", () => {
    const result = evaluate([], []);
    expect(result).toMatchObject({ n: 0, positives: 0, confusion: { tp: 0, fp: 0, fn: 0, tn: 0 } });
    for (const name of SCALAR_METRICS) {
      expect(result[name]).toBeNull();
      expect(result.undefined[name]).toEqual(expect.any(String));
    }
  });

  it("F1 is null only when there is nothing to count (2TP + FP + FN = 0)", () => {
    const result = evaluate([0, 0], [0.1, 0.2]);
    expect(result.f1).toBeNull();
    expect(result.undefined.f1).toBe(REASONS.noF1Support);
  });

  it("all positives: AUC null (no negatives), AP defined as 1", () => {
    expect(rocAuc([1, 1], [0.2, 0.8])).toEqual({ value: null, reason: REASONS.noNegatives });
    expect(averagePrecision([1, 1], [0.2, 0.8])).toEqual({ value: 1 });
  });
});

describe("constantBaseline", () => {
  it("scores every row with the base rate", () => {
    const y = [1, 0, 0, 0, 1, 0, 0, 0, 0, 0];
    const result = constantBaseline(y);
    expect(result.rocAuc).toBe(0.5);
    expect(result.prAuc).toBeCloseTo(0.2, 15);
    expect(result.brier).toBeCloseTo(0.2 * 0.8, 15);
    expect(result.ece).toBeCloseTo(0, 15);
    // 0.2 < 0.5: nothing predicted positive, so precision is 0/0.
    expect(result.precision).toBeNull();
    expect(constantBaseline(y, { threshold: 0.2 }).recall).toBe(1);
  });
});

describe("calibration bins", () => {
  it("are left-closed at the doubles k/10, with 1.0 in the last bin", () => {
    const cases = [0, 0.0999999, 0.1, 0.29999999999999993, 0.3, 0.1 + 0.2, 0.7, 0.9, 1];
    expect(cases.map(calibrationBin)).toEqual([0, 0, 1, 2, 3, 3, 7, 9, 9]);
  });

  it("report empty bins with count 0 and null means", () => {
    const curve = reliabilityCurve([1, 0], [0.95, 0.05]).value!;
    expect(curve[0]).toEqual({ lower: 0, upper: 0.1, count: 1, meanPredicted: 0.05, observedRate: 0 });
    expect(curve[5]).toEqual({ lower: 0.5, upper: 0.6, count: 0, meanPredicted: null, observedRate: null });
  });
});

describe("bad input throws a coded AppError naming the row", () => {
  const cases: [string, () => unknown, string, number | undefined][] = [
    ["label 2", () => rocAuc([0, 1, 2], [0.1, 0.2, 0.3]), "metric_bad_label", 3],
    ["label 0.5", () => evaluate([0.5], [0.1]), "metric_bad_label", 1],
    ["NaN score", () => rocAuc([0, 1], [0.1, NaN]), "metric_bad_score", 2],
    ["probability above 1", () => evaluate([0, 1], [0.1, 1.2]), "metric_bad_score", 2],
    ["length mismatch", () => evaluate([0, 1], [0.1]), "metric_length_mismatch", undefined],
    ["NaN threshold", () => evaluate([0, 1], [0.1, 0.2], { threshold: NaN }), "metric_bad_threshold", undefined],
  ];
  it.each(cases)("%s", (_, call, code, row) => {
    const error = (() => {
      try {
        call();
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code, location: row === undefined ? {} : { row } });
  });

  it("accepts raw (non-probability) scores for the rank-only metrics", () => {
    expect(rocAuc([0, 1, 1], [-3, 12, 7]).value).toBe(1);
  });
});
