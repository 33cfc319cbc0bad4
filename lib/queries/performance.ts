/**
 * Performance over time: per scoring run, the estimate stored when it was monitored and, once a later
 * batch labelled its customers, the realised metrics from the latest such batch.
 */
import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { performanceResults, pipelines, runs } from "@/db/schema";

export const PERFORMANCE_METRICS = ["rocAuc", "precision", "recall", "brier"] as const;
export type PerformanceMetric = (typeof PERFORMANCE_METRICS)[number];
export type PerformanceValues = Record<PerformanceMetric, number | null> & { n: number };

export interface PerformancePoint {
  runId: number;
  scoredAt: Date | null;
  estimated: PerformanceValues | null;
  realised: (PerformanceValues & { labelBatchId: number }) | null;
}

export interface PerformanceHistory {
  points: PerformancePoint[];
  /** The pipeline's absolute ROC AUC gate, drawn on the chart; null without one. */
  rocAucFloor: number | null;
}

export function getPerformanceHistory(pipelineId: number): PerformanceHistory {
  const db = getDb();
  const gates = db.select({ gates: pipelines.gates }).from(pipelines).where(eq(pipelines.id, pipelineId)).get()?.gates ?? [];
  const floor = gates.find((g) => g.kind === "floor" && g.metric === "rocAuc");
  const rows = db
    .select({ runId: performanceResults.scoringRunId, scoredAt: runs.startedAt, kind: performanceResults.kind, labelBatchId: performanceResults.labelBatchId, n: performanceResults.n, metrics: performanceResults.metrics })
    .from(performanceResults).innerJoin(runs, eq(runs.id, performanceResults.scoringRunId))
    .where(eq(performanceResults.pipelineId, pipelineId))
    .orderBy(asc(performanceResults.scoringRunId), asc(performanceResults.id)).all();
  const byRun = new Map<number, PerformancePoint>();
  for (const row of rows) {
    const point = byRun.get(row.runId) ?? { runId: row.runId, scoredAt: row.scoredAt, estimated: null, realised: null };
    byRun.set(row.runId, point);
    const values = { n: row.n, ...pick(row.metrics) };
    // Rows come in insertion order, so a later label batch replaces an earlier one's realised values.
    if (row.kind === "estimated") point.estimated = values;
    else point.realised = { ...values, labelBatchId: row.labelBatchId! };
  }
  return { points: [...byRun.values()], rocAucFloor: floor?.kind === "floor" ? floor.min : null };
}

function pick(metrics: Record<string, unknown>): Record<PerformanceMetric, number | null> {
  return Object.fromEntries(PERFORMANCE_METRICS.map((m) => [m, typeof metrics[m] === "number" ? metrics[m] : null])) as Record<PerformanceMetric, number | null>;
}
