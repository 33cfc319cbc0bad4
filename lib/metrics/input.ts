/**
 * Input checks done once per public call. Bad input is a caller's bug or bad data, so it throws a coded
 * AppError naming the row; undefined metrics (one class, no rows) are not errors and return null instead.
 */
import { AppError } from "@/lib/errors";
import type { Labels, Scores } from "./types";

/** Labels and scores as typed arrays, so every metric loop runs over plain numbers. */
export interface Checked {
  y: Uint8Array;
  p: Float64Array;
  n: number;
  positives: number;
}

/**
 * Validates labels (0/1), scores (finite; within [0, 1] when they must be probabilities) and lengths.
 * Typed arrays are used as they are, never copied: 1M-row inputs stay cheap.
 */
export function checkInputs(y: Labels, p: Scores, { probabilities }: { probabilities: boolean }): Checked {
  if (y.length !== p.length) {
    throw new AppError("metric_length_mismatch", `Labels have ${y.length} rows but scores have ${p.length}.`);
  }
  const labels = y instanceof Uint8Array ? y : Uint8Array.from(y);
  const scores = p instanceof Float64Array ? p : Float64Array.from(p);
  let positives = 0;
  for (let i = 0; i < labels.length; i++) {
    // Uint8Array.from turns 2, 0.5 or "x" into other bytes, so the original value is checked.
    if (y[i] !== 0 && y[i] !== 1) throw badValue("metric_bad_label", "Label", i, y[i], "0 or 1");
    positives += labels[i];
    const s = scores[i];
    if (!Number.isFinite(s)) throw badValue("metric_bad_score", "Score", i, p[i], "a finite number");
    if (probabilities && (s < 0 || s > 1)) throw badValue("metric_bad_score", "Score", i, s, "within [0, 1]");
  }
  return { y: labels, p: scores, n: labels.length, positives };
}

export function checkThreshold(threshold: number): number {
  if (!Number.isFinite(threshold)) {
    throw new AppError("metric_bad_threshold", `Threshold ${threshold} is not a finite number.`);
  }
  return threshold;
}

function badValue(code: string, what: string, index: number, value: unknown, expected: string): AppError {
  return new AppError(code, `${what} in row ${index + 1} is ${String(value)}; expected ${expected}.`, {
    row: index + 1,
    value: String(value),
  });
}
