/**
 * Observations: what monitoring and runs produced that a rule can judge, newest last. Each observation has a
 * stable key (its source row) so a rule evaluates it once, and an id to find the ones after the last judged.
 */
import { cachedStatement } from "@/db/client";
import type { AlertRule, Pipeline } from "@/db/schema";
import { DEFAULT_THRESHOLDS } from "@/lib/drift/types";
import { PREDICTION_FEATURE } from "@/lib/pipeline/monitor-step";
import type { Thresholds } from "./lifecycle";

export interface Observation {
  key: string;
  id: number;
  value: number | null;
  /** Why the value is null, when it is. */
  reason?: string;
  runId: number | null;
  batchId: number | null;
}

type Rule = Pick<AlertRule, "signal" | "feature" | "metric">;

/**
 * Observations with an id above `afterId`; with `afterId` null (a new rule, or a rule just edited) only the
 * latest one, so a rule judges the present and does not replay the pipeline's history.
 */
export function pendingObservations(pipelineId: number, rule: Rule, afterId: number | null): Observation[] {
  return afterId === null ? query(pipelineId, rule, 0, "DESC", 1) : query(pipelineId, rule, afterId, "ASC", 1000);
}

function query(pipelineId: number, rule: Rule, afterId: number, order: "ASC" | "DESC", limit: number): Observation[] {
  switch (rule.signal) {
    case "feature_psi":
    case "missing_rate":
    case "prediction_psi":
    case "drift_share": {
      const feature = rule.signal === "prediction_psi" ? PREDICTION_FEATURE : rule.feature;
      const rows = cachedStatement(`SELECT id, run_id AS runId, batch_id AS batchId, psi, metrics FROM drift_results
                  WHERE pipeline_id = ? AND feature IS ? AND id > ? ORDER BY id ${order} LIMIT ?`)
        .all(pipelineId, rule.signal === "drift_share" ? null : feature, afterId, limit) as { id: number; runId: number | null; batchId: number; psi: number | null; metrics: string }[];
      return rows.map((row) => {
        const metrics = JSON.parse(row.metrics) as Record<string, unknown>;
        const value = rule.signal === "drift_share" ? metrics.driftShare : rule.signal === "missing_rate" ? metrics.missingRateCurrent : row.psi;
        const reason = typeof metrics.reason === "string" ? metrics.reason : "not measured in this batch";
        return { key: `drift:${row.id}`, id: row.id, runId: row.runId, batchId: row.batchId, ...numberOrReason(value, reason) };
      });
    }
    case "realised_metric":
    case "estimated_metric": {
      const kind = rule.signal === "realised_metric" ? "realised" : "estimated";
      const rows = cachedStatement(`SELECT id, scoring_run_id AS runId, label_batch_id AS batchId, metrics FROM performance_results
                  WHERE pipeline_id = ? AND kind = ? AND id > ? ORDER BY id ${order} LIMIT ?`)
        .all(pipelineId, kind, afterId, limit) as { id: number; runId: number; batchId: number | null; metrics: string }[];
      return rows.map((row) => {
        const metrics = JSON.parse(row.metrics) as Record<string, unknown> & { undefined?: Record<string, string> };
        const reason = metrics.undefined?.[rule.metric!] ?? "undefined";
        return { key: `perf:${row.id}`, id: row.id, runId: row.runId, batchId: row.batchId, ...numberOrReason(metrics[rule.metric!], reason) };
      });
    }
    case "run_failed": {
      const rows = cachedStatement(`SELECT id, batch_id AS batchId, status FROM runs
                  WHERE pipeline_id = ? AND status IN ('succeeded', 'failed') AND id > ? ORDER BY id ${order} LIMIT ?`)
        .all(pipelineId, afterId, limit) as { id: number; batchId: number | null; status: string }[];
      return rows.map((row) => ({ key: `run:${row.id}`, id: row.id, runId: row.id, batchId: row.batchId, value: row.status === "failed" ? 1 : 0 }));
    }
    case "data_quality": {
      // Findings of every feature the run measured, counted together.
      const rows = cachedStatement(`SELECT run_id AS runId, MAX(batch_id) AS batchId,
                         SUM(COALESCE(json_array_length(json_extract(metrics, '$.dataQuality')), 0)) AS findings
                  FROM drift_results WHERE pipeline_id = ? AND run_id > ? AND feature IS NOT NULL
                  GROUP BY run_id ORDER BY run_id ${order} LIMIT ?`)
        .all(pipelineId, afterId, limit) as { runId: number; batchId: number; findings: number }[];
      return rows.map((row) => ({ key: `run:${row.runId}`, id: row.runId, runId: row.runId, batchId: row.batchId, value: row.findings }));
    }
  }
}

function numberOrReason(value: unknown, reason: string): { value: number | null; reason?: string } {
  return typeof value === "number" && Number.isFinite(value) ? { value } : { value: null, reason };
}

/**
 * The thresholds in force. A feature_psi rule without its own uses the data dictionary's (DESIGN.md
 * defaults 0.1 / 0.25), and a ROC AUC rule without a critical level uses the pipeline's ROC AUC gate floor,
 * so the defaults follow those settings when an admin changes them.
 */
export function effectiveThresholds(rule: Pick<AlertRule, "signal" | "feature" | "metric" | "operator" | "warning" | "critical">, pipeline: Pick<Pipeline, "features" | "gates">): Thresholds {
  if (rule.signal === "feature_psi" && rule.warning === null && rule.critical === null) {
    const feature = pipeline.features.find((f) => f.name === rule.feature);
    return { operator: rule.operator, warning: feature?.psiWarning ?? DEFAULT_THRESHOLDS.warning, critical: feature?.psiCritical ?? DEFAULT_THRESHOLDS.critical };
  }
  if (rule.metric === "rocAuc" && rule.critical === null) {
    const floor = pipeline.gates.find((g) => g.kind === "floor" && g.metric === "rocAuc");
    return { operator: rule.operator, warning: rule.warning, critical: floor?.kind === "floor" ? floor.min : null };
  }
  return { operator: rule.operator, warning: rule.warning, critical: rule.critical };
}
