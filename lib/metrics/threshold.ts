/** Metrics of the hard decisions at a threshold: confusion matrix, accuracy, precision, recall, F1. */
import { checkInputs, checkThreshold, type Checked } from "./input";
import { DEFAULT_THRESHOLD, ratio, REASONS, type Labels, type Metric, type Scores } from "./types";

export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface ThresholdMetrics {
  confusion: Confusion;
  accuracy: Metric;
  precision: Metric;
  recall: Metric;
  f1: Metric;
}

/** Scores may be any finite numbers here: only the comparison with the threshold matters. */
export function thresholdMetrics(y: Labels, p: Scores, threshold = DEFAULT_THRESHOLD): ThresholdMetrics {
  return thresholdMetricsOf(checkInputs(y, p, { probabilities: false }), checkThreshold(threshold));
}

export function confusionOf({ y, p, n }: Checked, threshold: number): Confusion {
  const counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (let i = 0; i < n; i++) {
    const predicted = p[i] >= threshold;
    if (y[i] === 1) {
      if (predicted) counts.tp++;
      else counts.fn++;
    } else if (predicted) counts.fp++;
    else counts.tn++;
  }
  return counts;
}

export function thresholdMetricsOf(checked: Checked, threshold: number): ThresholdMetrics {
  const confusion = confusionOf(checked, threshold);
  const { tp, fp, fn, tn } = confusion;
  return {
    confusion,
    accuracy: ratio(tp + tn, checked.n, REASONS.noRows),
    precision: ratio(tp, tp + fp, REASONS.noPredictedPositives),
    recall: ratio(tp, tp + fn, REASONS.noActualPositives),
    // 2TP/(2TP+FP+FN) rather than the harmonic mean: it stays defined (0) when only precision is 0/0.
    f1: ratio(2 * tp, 2 * tp + fp + fn, REASONS.noF1Support),
  };
}
