/**
 * Shapes shared by every metric. A metric that can be undefined says so with null and a reason, so a
 * report never shows NaN, Infinity or a 0 that merely hides a 0/0.
 */

/** Labels: 1 for the positive class, 0 otherwise. */
export type Labels = Uint8Array | readonly number[];
/** Scores: P(positive) per row, or any finite ranking score for the rank-only metrics. */
export type Scores = Float64Array | readonly number[];

/** A value, or null together with the reason it is undefined. */
export type Metric<T = number> = { value: T; reason?: undefined } | { value: null; reason: string };

/** A row is predicted positive when its score is at least the threshold. */
export const DEFAULT_THRESHOLD = 0.5;

/** Reasons are fixed strings so reports, tests and the UI can match on them. */
export const REASONS = {
  noRows: "no rows",
  noPositives: "only one class present (no positive labels)",
  noNegatives: "only one class present (no negative labels)",
  noPredictedPositives: "no rows predicted positive (TP + FP = 0)",
  noActualPositives: "no positive labels (TP + FN = 0)",
  noF1Support: "no positive labels and none predicted (2TP + FP + FN = 0)",
  tooFewRowsForDeciles: "fewer than 10 rows: every decile needs at least one row",
} as const;

export function defined<T>(value: T): Metric<T> {
  return { value };
}

export function undefinedBecause(reason: string): { value: null; reason: string } {
  return { value: null, reason };
}

/** num / den, or null with the reason when den is 0. */
export function ratio(num: number, den: number, reason: string): Metric {
  return den === 0 ? undefinedBecause(reason) : defined(num / den);
}
