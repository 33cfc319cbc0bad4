/** How a rule and its evaluations read in the UI and in notifications, and the chart that explains each. */
import type { AlertRule } from "@/db/schema";
import { PREDICTION_FEATURE } from "@/lib/pipeline/monitor-step";
import type { Thresholds } from "./lifecycle";

const METRIC_LABEL = { rocAuc: "ROC AUC", precision: "precision", recall: "recall", brier: "Brier score" } as const;

type RuleFacts = Pick<AlertRule, "signal" | "feature" | "metric">;

export function signalLabel(rule: RuleFacts): string {
  switch (rule.signal) {
    case "feature_psi": return `PSI of ${rule.feature}`;
    case "missing_rate": return `missing rate of ${rule.feature}`;
    case "drift_share": return "dataset drift share";
    case "prediction_psi": return "PSI of the score distribution";
    case "realised_metric": return `realised ${METRIC_LABEL[rule.metric ?? "rocAuc"]}`;
    case "estimated_metric": return `estimated ${METRIC_LABEL[rule.metric ?? "rocAuc"]}`;
    case "run_failed": return "failed run";
    case "data_quality": return "data-quality findings";
  }
}

export function formatValue(rule: RuleFacts, value: number | null): string {
  if (value === null) return "undefined";
  if (rule.signal === "run_failed") return value >= 1 ? "failed" : "succeeded";
  if (rule.signal === "data_quality") return String(value);
  if (rule.signal === "drift_share" || rule.signal === "missing_rate") return `${(value * 100).toFixed(1)}%`;
  return value.toFixed(3);
}

export function thresholdsLabel(rule: RuleFacts, t: Thresholds): string {
  if (rule.signal === "run_failed") return "any failed run";
  const parts = [t.warning !== null && `warning ${t.operator} ${t.warning}`, t.critical !== null && `critical ${t.operator} ${t.critical}`].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : "no thresholds";
}

/** The page that explains an evaluation: the drift chart of the feature and batch, performance, or the run. */
export function explainHref(pipelineId: number, rule: RuleFacts, at: { runId: number | null; batchId: number | null }): string {
  const params = new URLSearchParams({ pipeline: String(pipelineId) });
  if (rule.signal === "run_failed") return at.runId ? `/pipelines/${pipelineId}/runs/${at.runId}` : `/pipelines/${pipelineId}`;
  if (rule.signal === "feature_psi" || rule.signal === "missing_rate") params.set("feature", rule.feature ?? "");
  if (rule.signal === "prediction_psi") params.set("feature", PREDICTION_FEATURE);
  const isDrift = rule.signal !== "realised_metric" && rule.signal !== "estimated_metric";
  if (isDrift && at.batchId) params.set("batch", String(at.batchId));
  return `/drift?${params.toString()}`;
}
