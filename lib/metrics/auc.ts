/**
 * ROC AUC and average precision, both computed from the tie groups in one pass after the single sort:
 * O(n log n) overall, exact for ties by construction.
 */
import { checkInputs } from "./input";
import { scoreGroups, type ScoreGroups } from "./ranking";
import { defined, REASONS, undefinedBecause, type Labels, type Metric, type Scores } from "./types";

/** ROC AUC as the Mann–Whitney statistic: P(score of a positive > score of a negative), ties count ½. */
export function rocAuc(y: Labels, p: Scores): Metric {
  const { y: labels, p: scores } = checkInputs(y, p, { probabilities: false });
  return rocAucOfGroups(scoreGroups(labels, scores));
}

/** Average precision exactly as sklearn's `average_precision_score`: Σ (Rₖ − Rₖ₋₁)·Pₖ, step-wise. */
export function averagePrecision(y: Labels, p: Scores): Metric {
  const { y: labels, p: scores } = checkInputs(y, p, { probabilities: false });
  return averagePrecisionOfGroups(scoreGroups(labels, scores));
}

export function rocAucOfGroups({ pos, neg, positives, negatives }: ScoreGroups): Metric {
  const missing = oneClassReason(positives, negatives);
  if (missing !== null) return undefinedBecause(missing);
  // Twice the U statistic, so a tie adds 1 and a win 2: integer sums, exact while 2PN < 2^53 (~130M rows).
  let twiceU = 0;
  let negativesAbove = 0;
  for (let g = 0; g < pos.length; g++) {
    twiceU += pos[g] * (2 * (negatives - negativesAbove) - neg[g]);
    negativesAbove += neg[g];
  }
  return defined(twiceU / (2 * positives * negatives));
}

export function averagePrecisionOfGroups({ pos, neg, positives, negatives }: ScoreGroups): Metric {
  if (positives + negatives === 0) return undefinedBecause(REASONS.noRows);
  if (positives === 0) return undefinedBecause(REASONS.noPositives);
  // Each distinct score is one step: recall rises by pos/P, weighted by the precision at that score.
  let truePositives = 0;
  let predicted = 0;
  let sum = 0;
  for (let g = 0; g < pos.length; g++) {
    predicted += pos[g] + neg[g];
    if (pos[g] === 0) continue;
    truePositives += pos[g];
    sum += pos[g] * (truePositives / predicted);
  }
  return defined(sum / positives);
}

/** Why a metric that needs both classes is undefined, or null when both are present. */
export function oneClassReason(positives: number, negatives: number): string | null {
  if (positives + negatives === 0) return REASONS.noRows;
  if (positives === 0) return REASONS.noPositives;
  if (negatives === 0) return REASONS.noNegatives;
  return null;
}
