/** Formatting for the validation report; pure, so server tables and client charts share it. */
import type { ScalarMetric } from "@/lib/metrics";
import { formatNumber } from "@/lib/format";

export const METRIC_LABELS: Record<ScalarMetric, string> = {
  rocAuc: "ROC AUC",
  prAuc: "PR AUC",
  logLoss: "Log loss",
  brier: "Brier score",
  ece: "ECE",
  accuracy: "Accuracy",
  precision: "Precision",
  recall: "Recall",
  f1: "F1",
};

/** The probability losses; every other scalar metric is better when higher. */
export const LOWER_IS_BETTER: ReadonlySet<ScalarMetric> = new Set(["logLoss", "brier", "ece"]);

/** Fixed digits so table columns line up and small differences stay visible. */
export const formatMetric = (value: number) => value.toFixed(3);

/** Signed difference; a tiny negative rounds to "0.000", never "-0.000". */
export function formatDelta(delta: number): string {
  const text = Math.abs(delta).toFixed(3);
  if (Number(text) === 0) return "0.000";
  return `${delta > 0 ? "+" : "-"}${text}`;
}

/** Values in tooltips and table views: enough digits to read the exact number. */
export const formatExact = (value: number) => formatNumber(value, 4);

/** The first ROC/PR point has no threshold: it sits above every score, nothing predicted positive. */
export const formatCurveThreshold = (threshold: number | null) =>
  threshold === null ? "above every score" : formatExact(threshold);

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}
