/** ROC AUC, AP and the curves against definitions written independently of the tie-group code. */
import { describe, expect, it } from "vitest";
import { averagePrecision, rocAuc } from "./auc";
import { prCurve, rocCurve } from "./curves";
import { mulberry32, permutation } from "@/lib/random";
import { groupOfRows, scoreGroups } from "./ranking";
import { thresholdMetrics } from "./threshold";

/** Labels and tie-heavy scores (a few distinct values) from a seed. */
function sample(seed: number, n: number, distinct: number) {
  const random = mulberry32(seed);
  const p = Array.from({ length: n }, () => Math.floor(random() * distinct) / distinct);
  const y = p.map((score) => (random() < 0.2 + 0.6 * score ? 1 : 0));
  return { y, p };
}

/** The Mann–Whitney definition itself: every positive–negative pair, a tie worth ½. O(n²). */
function pairwiseAuc(y: number[], p: number[]): number {
  let wins = 0;
  let pairs = 0;
  y.forEach((yi, i) =>
    y.forEach((yj, j) => {
      if (yi !== 1 || yj !== 0) return;
      pairs++;
      wins += p[i] > p[j] ? 1 : p[i] === p[j] ? 0.5 : 0;
    }),
  );
  return wins / pairs;
}

describe.each([
  [1, 300, 5],
  [2, 200, 37],
  [3, 150, 1000],
])("seed %i, n = %i, %i possible scores", (seed, n, distinct) => {
  const { y, p } = sample(seed, n, distinct);

  it("ROC AUC equals the pairwise count with ties as ½", () => {
    expect(rocAuc(y, p).value).toBeCloseTo(pairwiseAuc(y, p), 14);
  });

  it("does not depend on row order, and only on the ranking of scores", () => {
    const order = Array.from(permutation(mulberry32(seed), n));
    const [ys, ps] = [order.map((i) => y[i]), order.map((i) => p[i])];
    expect(rocAuc(ys, ps)).toEqual(rocAuc(y, p));
    expect(averagePrecision(ys, ps)).toEqual(averagePrecision(y, p));
    const squashed = p.map((score) => score ** 3 - 7);
    expect(rocAuc(y, squashed)).toEqual(rocAuc(y, p));
    expect(averagePrecision(y, squashed)).toEqual(averagePrecision(y, p));
  });

  it("every curve point is the threshold metrics at its threshold (score ≥ threshold is positive)", () => {
    const roc = rocCurve(y, p).value!;
    const pr = prCurve(y, p).value!;
    for (const [k, point] of roc.entries()) {
      if (point.threshold === null) continue;
      const { confusion, precision, recall } = thresholdMetrics(y, p, point.threshold);
      expect(point.tpr).toBe(recall.value);
      expect(point.fpr).toBe(confusion.fp / (confusion.fp + confusion.tn));
      expect(pr[k]).toEqual({ threshold: point.threshold, precision: precision.value, recall: recall.value });
    }
  });

  it("maps each row to the tie group of its score", () => {
    const groups = scoreGroups(Uint8Array.from(y), Float64Array.from(p));
    const groupOf = groupOfRows(Float64Array.from(p), groups.scores);
    p.forEach((score, i) => expect(groups.scores[groupOf[i]]).toBe(score));
    expect(groups.pos.reduce((a, b) => a + b) + groups.neg.reduce((a, b) => a + b)).toBe(n);
  });
});

describe("ranking edge cases", () => {
  it("perfect, reversed and constant rankings", () => {
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9]).value).toBe(1);
    expect(rocAuc([1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9]).value).toBe(0);
    expect(rocAuc([1, 0, 0, 1], [0.4, 0.4, 0.4, 0.4]).value).toBe(0.5);
    expect(averagePrecision([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9]).value).toBe(1);
    expect(averagePrecision([1, 0, 0, 0], [0.4, 0.4, 0.4, 0.4]).value).toBe(0.25);
  });

  it("AP is step-wise, not trapezoid: sklearn's documented example gives 0.8333…", () => {
    expect(averagePrecision([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]).value).toBeCloseTo(5 / 6, 15);
  });

  it("treats −0 and 0 as one score", () => {
    expect(rocAuc([1, 0], [-0, 0]).value).toBe(0.5);
    expect(rocCurve([1, 0], [-0, 0]).value).toHaveLength(2);
  });

  it("curves are null with a reason when a class is missing", () => {
    expect(rocCurve([1, 1], [0.1, 0.2]).reason).toContain("only one class present");
    expect(prCurve([0, 0], [0.1, 0.2]).reason).toContain("no positive labels");
    expect(prCurve([1, 1], [0.1, 0.2]).value).toHaveLength(3);
  });
});
