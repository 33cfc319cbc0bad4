/**
 * Performance estimated from the model's own probabilities, for scores whose labels have not arrived
 * (confidence-based estimation, CBPE). Each score p is first calibrated to c(p) with the champion's
 * reliability curve on its validation rows; a row then counts as a positive with weight c(p) and as a
 * negative with weight 1 − c(p), so every metric is its expected value if the calibration holds.
 */
import type { CalibrationBin } from "@/lib/metrics";
import type { Confusion } from "@/lib/metrics/threshold";
import { ratio, REASONS, type Metric } from "@/lib/metrics/types";

export type Calibration = (p: number) => number;

export const ESTIMATED_METRICS = ["rocAuc", "precision", "recall", "f1", "accuracy", "brier"] as const;
export type EstimatedMetric = (typeof ESTIMATED_METRICS)[number];

export interface PerformanceEstimate extends Record<EstimatedMetric, number | null> {
  n: number;
  threshold: number;
  /** False when the identity map was used because the champion had no usable reliability curve. */
  calibrated: boolean;
  /** Σ c(p): the number of positives the batch is expected to hold. */
  expectedPositives: number;
  /** Expected counts, fractional. */
  confusion: Confusion;
  undefined: Partial<Record<EstimatedMetric, string>>;
}

export const NO_EXPECTED_PAIRS = "no expected positive–negative pairs (every calibrated score is 0 or 1)";

/**
 * Piecewise-linear through (mean predicted, observed rate) of the non-empty bins, flat beyond the outer
 * bins, clamped to [0, 1]. One point cannot say how the rate moves with the score, so fewer than two
 * non-empty bins (or no curve) leave the scores as they are.
 */
export function calibrationMap(bins: readonly CalibrationBin[] | null): { map: Calibration; calibrated: boolean } {
  const points = (bins ?? [])
    .filter((b) => b.count > 0 && b.meanPredicted !== null && b.observedRate !== null)
    .map((b) => [b.meanPredicted!, b.observedRate!] as const)
    .sort((a, b) => a[0] - b[0]);
  if (points.length < 2) return { map: (p) => p, calibrated: false };
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  const map = (p: number) => {
    if (p <= points[0][0]) return clamp(points[0][1]);
    for (let i = 1; i < points.length; i++) {
      const [x1, y1] = points[i];
      if (p <= x1) {
        const [x0, y0] = points[i - 1];
        return clamp(x1 === x0 ? y1 : y0 + ((p - x0) / (x1 - x0)) * (y1 - y0));
      }
    }
    return clamp(points[points.length - 1][1]);
  };
  return { map, calibrated: true };
}

export function estimatePerformance(p: ArrayLike<number>, threshold: number, calibration: { map: Calibration; calibrated: boolean }): PerformanceEstimate {
  const n = p.length;
  const c = new Float64Array(n);
  for (let i = 0; i < n; i++) c[i] = calibration.map(p[i]);
  const confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  let brierSum = 0;
  for (let i = 0; i < n; i++) {
    if (p[i] >= threshold) {
      confusion.tp += c[i];
      confusion.fp += 1 - c[i];
    } else {
      confusion.fn += c[i];
      confusion.tn += 1 - c[i];
    }
    brierSum += c[i] * (1 - p[i]) ** 2 + (1 - c[i]) * p[i] ** 2;
  }
  const { tp, fp, fn, tn } = confusion;
  const metrics: Record<EstimatedMetric, Metric> = {
    rocAuc: weightedAuc(p, c),
    precision: ratio(tp, tp + fp, REASONS.noPredictedPositives),
    recall: ratio(tp, tp + fn, REASONS.noActualPositives),
    f1: ratio(2 * tp, 2 * tp + fp + fn, REASONS.noF1Support),
    accuracy: ratio(tp + tn, n, REASONS.noRows),
    brier: ratio(brierSum, n, REASONS.noRows),
  };
  const values = {} as Record<EstimatedMetric, number | null>;
  const reasons: Partial<Record<EstimatedMetric, string>> = {};
  for (const name of ESTIMATED_METRICS) {
    values[name] = metrics[name].value;
    if (metrics[name].reason !== undefined) reasons[name] = metrics[name].reason;
  }
  return { n, threshold, calibrated: calibration.calibrated, expectedPositives: tp + fn, confusion, ...values, undefined: reasons };
}

/**
 * Mann–Whitney with row i a positive of weight c_i and a negative of weight 1 − c_i, ties ½. A row is
 * never paired with itself: it cannot be both the churner and the stayer of one pair. Sorted once, so
 * a batch of any size costs n log n.
 */
function weightedAuc(p: ArrayLike<number>, c: Float64Array): Metric {
  const order = Array.from({ length: p.length }, (_, i) => i).sort((a, b) => p[a] - p[b]);
  let below = 0; // negative weight of rows with a strictly lower score
  let wins = 0;
  let selfPairs = 0;
  let positives = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    let pos = 0;
    let neg = 0;
    let self = 0;
    while (end < order.length && p[order[end]] === p[order[start]]) {
      const ci = c[order[end++]];
      pos += ci;
      neg += 1 - ci;
      self += ci * (1 - ci);
    }
    wins += pos * below + 0.5 * (pos * neg - self);
    below += neg;
    positives += pos;
    selfPairs += self;
    start = end;
  }
  const pairs = positives * below - selfPairs;
  return pairs > 0 ? { value: wins / pairs } : { value: null, reason: NO_EXPECTED_PAIRS };
}
