/**
 * The one-call summary the CLI prints and reports store: every scalar metric at a threshold, numbers
 * or null, with the reason for each null gathered in `undefined`.
 */
import { averagePrecisionOfGroups, rocAucOfGroups } from "./auc";
import { checkInputs, checkThreshold } from "./input";
import { brierOf, eceOf, logLossOf } from "./probability";
import { scoreGroups } from "./ranking";
import { thresholdMetricsOf, type Confusion } from "./threshold";
import { DEFAULT_THRESHOLD, type Labels, type Metric, type Scores } from "./types";

export const SCALAR_METRICS = [
  "rocAuc",
  "prAuc",
  "logLoss",
  "brier",
  "ece",
  "accuracy",
  "precision",
  "recall",
  "f1",
] as const;
export type ScalarMetric = (typeof SCALAR_METRICS)[number];

/** Printed by the CLI as {n, positives, rocAuc, …, f1, confusion, threshold, undefined}. */
export interface Evaluation extends Record<ScalarMetric, number | null> {
  n: number;
  positives: number;
  confusion: Confusion;
  threshold: number;
  /** Why each null metric is undefined; metrics with a value are absent. */
  undefined: Partial<Record<ScalarMetric, string>>;
}

/** Scores must be probabilities in [0, 1]: log loss, Brier and ECE read them as such. */
export function evaluate(y: Labels, p: Scores, options: { threshold?: number } = {}): Evaluation {
  const { threshold = DEFAULT_THRESHOLD } = options;
  const checked = checkInputs(y, p, { probabilities: true });
  checkThreshold(threshold);
  const groups = scoreGroups(checked.y, checked.p);
  const atThreshold = thresholdMetricsOf(checked, threshold);
  const metrics: Record<ScalarMetric, Metric> = {
    rocAuc: rocAucOfGroups(groups),
    prAuc: averagePrecisionOfGroups(groups),
    logLoss: logLossOf(checked),
    brier: brierOf(checked),
    ece: eceOf(checked),
    accuracy: atThreshold.accuracy,
    precision: atThreshold.precision,
    recall: atThreshold.recall,
    f1: atThreshold.f1,
  };
  const values = {} as Record<ScalarMetric, number | null>;
  const reasons: Partial<Record<ScalarMetric, string>> = {};
  for (const name of SCALAR_METRICS) {
    values[name] = metrics[name].value;
    if (metrics[name].reason !== undefined) reasons[name] = metrics[name].reason;
  }
  return {
    n: checked.n,
    positives: checked.positives,
    ...values,
    confusion: atThreshold.confusion,
    threshold,
    undefined: reasons,
  };
}

/**
 * The constant baseline: every row scored with the base rate. ROC AUC is then 0.5 (all ties), average
 * precision equals the base rate, and the Brier score is base rate × (1 − base rate): the floor a
 * model has to beat. With no rows there is no base rate, and every metric is null.
 */
export function constantBaseline(y: Labels, options: { threshold?: number } = {}): Evaluation {
  // Labels are checked before the base rate is taken, so a bad label is reported as a bad label.
  const { n, positives } = checkInputs(y, new Float64Array(y.length), { probabilities: true });
  return evaluate(y, new Float64Array(n).fill(n === 0 ? 0 : positives / n), options);
}
