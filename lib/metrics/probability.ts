/**
 * Metrics that read scores as probabilities: log loss, Brier, and calibration (reliability curve, ECE).
 *
 * Calibration bins are 10 equal-width bins [0, 0.1), …, [0.9, 1.0], with 1.0 in the last bin. Edges are
 * the doubles k/10, so a score written 0.3 lands in [0.3, 0.4). sklearn's `calibration_curve` closes its
 * bins on the right instead ((0.2, 0.3] holds 0.3): the two differ exactly when scores sit on an edge,
 * and Driftline follows its left-closed contract.
 */
import { checkInputs, type Checked } from "./input";
import { defined, REASONS, undefinedBecause, type Labels, type Metric, type Scores } from "./types";

/** Clipping keeps a confident mistake (p = 1 for a negative) at ln(1e15) ≈ 34.5 instead of Infinity. */
export const LOG_LOSS_EPSILON = 1e-15;
export const CALIBRATION_BINS = 10;

export interface CalibrationBin {
  lower: number;
  upper: number;
  count: number;
  /** Mean score and observed positive rate in the bin; null when the bin is empty (count 0). */
  meanPredicted: number | null;
  observedRate: number | null;
}

/** Mean negative log-likelihood, natural log, probabilities clipped to [1e-15, 1 − 1e-15]. */
export function logLoss(y: Labels, p: Scores): Metric {
  return logLossOf(checkInputs(y, p, { probabilities: true }));
}

/** Mean squared difference between probability and label. */
export function brier(y: Labels, p: Scores): Metric {
  return brierOf(checkInputs(y, p, { probabilities: true }));
}

export function reliabilityCurve(y: Labels, p: Scores): Metric<CalibrationBin[]> {
  return reliabilityOf(checkInputs(y, p, { probabilities: true }));
}

/** Expected calibration error: Σ (nᵦ / n)·|mean(p)ᵦ − mean(y)ᵦ| over non-empty bins. */
export function ece(y: Labels, p: Scores): Metric {
  return eceOf(checkInputs(y, p, { probabilities: true }));
}

export function logLossOf({ y, p, n }: Checked): Metric {
  if (n === 0) return undefinedBecause(REASONS.noRows);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    // Clip the probability given to the observed class. Clipping p and then taking 1 − p would leave
    // 1 − (1 − 1e-15) ≈ 9.99e-16 in floating point, below the floor (sklearn 1.2 does that).
    const observed = y[i] === 1 ? p[i] : 1 - p[i];
    sum -= Math.log(Math.min(Math.max(observed, LOG_LOSS_EPSILON), 1 - LOG_LOSS_EPSILON));
  }
  return defined(sum / n);
}

export function brierOf({ y, p, n }: Checked): Metric {
  if (n === 0) return undefinedBecause(REASONS.noRows);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (p[i] - y[i]) ** 2;
  return defined(sum / n);
}

export function reliabilityOf(checked: Checked): Metric<CalibrationBin[]> {
  if (checked.n === 0) return undefinedBecause(REASONS.noRows);
  const { count, scoreSum, positives } = binSums(checked);
  return defined(
    Array.from({ length: CALIBRATION_BINS }, (_, b) => ({
      lower: edge(b),
      upper: edge(b + 1),
      count: count[b],
      meanPredicted: count[b] === 0 ? null : scoreSum[b] / count[b],
      observedRate: count[b] === 0 ? null : positives[b] / count[b],
    })),
  );
}

export function eceOf(checked: Checked): Metric {
  if (checked.n === 0) return undefinedBecause(REASONS.noRows);
  const { count, scoreSum, positives } = binSums(checked);
  let sum = 0;
  for (let b = 0; b < CALIBRATION_BINS; b++) {
    if (count[b] > 0) sum += count[b] * Math.abs(scoreSum[b] / count[b] - positives[b] / count[b]);
  }
  return defined(sum / checked.n);
}

/** Index of the calibration bin holding a probability in [0, 1]. */
export function calibrationBin(probability: number): number {
  let bin = Math.min(Math.floor(probability * CALIBRATION_BINS), CALIBRATION_BINS - 1);
  // p·10 can round across an edge; compare against the edge doubles themselves to settle it.
  if (bin < CALIBRATION_BINS - 1 && probability >= edge(bin + 1)) bin++;
  else if (bin > 0 && probability < edge(bin)) bin--;
  return bin;
}

function edge(k: number): number {
  return k / CALIBRATION_BINS;
}

function binSums({ y, p, n }: Checked) {
  const count = new Float64Array(CALIBRATION_BINS);
  const scoreSum = new Float64Array(CALIBRATION_BINS);
  const positives = new Float64Array(CALIBRATION_BINS);
  for (let i = 0; i < n; i++) {
    const b = calibrationBin(p[i]);
    count[b]++;
    scoreSum[b] += p[i];
    positives[b] += y[i];
  }
  return { count, scoreSum, positives };
}
