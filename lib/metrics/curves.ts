/**
 * ROC and precision–recall curves, one point per distinct score (sklearn's `roc_curve` with
 * drop_intermediate=False, and `precision_recall_curve`), highest threshold first.
 */
import { oneClassReason } from "./auc";
import { checkInputs } from "./input";
import { scoreGroups, type ScoreGroups } from "./ranking";
import { defined, REASONS, undefinedBecause, type Labels, type Metric, type Scores } from "./types";

/**
 * A curve point at a threshold: rows with score ≥ threshold are predicted positive. The first point
 * has threshold null — "above every score", nothing predicted positive. (sklearn 1.2 uses max + 1 and
 * later versions +Infinity there; null survives JSON and never passes for a real score.)
 */
export interface RocPoint {
  threshold: number | null;
  fpr: number;
  tpr: number;
}

export interface PrPoint {
  threshold: number | null;
  precision: number;
  recall: number;
}

export function rocCurve(y: Labels, p: Scores): Metric<RocPoint[]> {
  const { y: labels, p: scores } = checkInputs(y, p, { probabilities: false });
  return rocCurveOfGroups(scoreGroups(labels, scores));
}

export function prCurve(y: Labels, p: Scores): Metric<PrPoint[]> {
  const { y: labels, p: scores } = checkInputs(y, p, { probabilities: false });
  return prCurveOfGroups(scoreGroups(labels, scores));
}

export function rocCurveOfGroups({ scores, pos, neg, positives, negatives }: ScoreGroups): Metric<RocPoint[]> {
  const missing = oneClassReason(positives, negatives);
  if (missing !== null) return undefinedBecause(missing);
  const points: RocPoint[] = [{ threshold: null, fpr: 0, tpr: 0 }];
  let tp = 0;
  let fp = 0;
  for (let g = 0; g < scores.length; g++) {
    tp += pos[g];
    fp += neg[g];
    points.push({ threshold: scores[g], fpr: fp / negatives, tpr: tp / positives });
  }
  return defined(points);
}

/** Undefined without positives: recall would be 0/0 everywhere (sklearn then fakes recall = 1). */
export function prCurveOfGroups({ scores, pos, neg, positives, negatives }: ScoreGroups): Metric<PrPoint[]> {
  if (positives + negatives === 0) return undefinedBecause(REASONS.noRows);
  if (positives === 0) return undefinedBecause(REASONS.noPositives);
  // The (recall 0, precision 1) anchor is the point sklearn appends; it closes the step integral.
  const points: PrPoint[] = [{ threshold: null, precision: 1, recall: 0 }];
  let tp = 0;
  let fp = 0;
  for (let g = 0; g < scores.length; g++) {
    tp += pos[g];
    fp += neg[g];
    points.push({ threshold: scores[g], precision: tp / (tp + fp), recall: tp / positives });
  }
  return defined(points);
}
