/**
 * Reads of the monitor step's drift results. A batch can be monitored more than once (every "Run now"
 * re-scores the latest batch), so each batch is shown as its latest run measured it.
 */
import "server-only";
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { batches, driftResults, pipelines } from "@/db/schema";
import type { FeatureDrift, Severity } from "@/lib/drift/types";
import { PREDICTION_FEATURE } from "@/lib/pipeline/monitor-step";

export interface DriftCell { psi: number | null; severity: Severity | null }
export interface DriftBatch { id: number; asOf: Date; runId: number | null; driftShare: number | null }
export interface DriftCells {
  /** Input features in the order the monitor step stored them; the prediction is kept apart. */
  features: string[];
  /** Per feature (and PREDICTION_FEATURE), one cell per batch asked for; null where not measured. */
  cells: Map<string, (DriftCell | null)[]>;
}

/** Pipelines that have at least one drift result, by name. */
export function listDriftPipelines() {
  return getDb().select({ id: pipelines.id, name: pipelines.name }).from(pipelines)
    .where(sql`exists (select 1 from ${driftResults} where ${driftResults.pipelineId} = ${pipelines.id})`)
    .orderBy(asc(pipelines.name)).all();
}

/**
 * The pipeline's monitored batches by as-of time, each with its latest monitoring run and drift share. Read
 * from each run's own row (feature null), which every monitoring run writes beside its feature rows: one
 * row per batch and run instead of one per feature.
 */
export function listMonitoredBatches(pipelineId: number, since: Date | null = null): DriftBatch[] {
  const rows = getDb()
    .select({ id: driftResults.batchId, asOf: batches.asOf, runId: driftResults.runId, driftShare: sql<number | null>`json_extract(${driftResults.metrics}, '$.driftShare')` })
    .from(driftResults).innerJoin(batches, eq(batches.id, driftResults.batchId))
    .where(and(eq(driftResults.pipelineId, pipelineId), isNull(driftResults.feature), since ? gte(batches.asOf, since) : undefined))
    .orderBy(asc(batches.asOf), asc(driftResults.batchId), asc(driftResults.runId)).all();
  // Runs come in ascending order, so a batch's last row is its latest run.
  return rows.filter((row, i) => rows[i + 1]?.id !== row.id);
}

/**
 * PSI and severity per feature for the given batches, as each batch's latest run measured it: every feature
 * of a few batches (the heatmap, through the covering index), or a few features' series over every batch
 * (the charts). Two years of daily batches are 14,000 rows; a page needs a fifth of them.
 */
export function getDriftCells(pipelineId: number, of: DriftBatch[], only?: string[]): DriftCells {
  const position = new Map(of.map((batch, i) => [batch.id, i]));
  const rows = getDb()
    .select({ batchId: driftResults.batchId, runId: driftResults.runId, feature: driftResults.feature, psi: driftResults.psi, severity: driftResults.severity })
    .from(driftResults)
    .where(and(
      eq(driftResults.pipelineId, pipelineId),
      only ? inArray(driftResults.feature, only) : and(isNotNull(driftResults.feature), inArray(driftResults.batchId, [...position.keys()])),
    ))
    .orderBy(asc(driftResults.id)).all();
  const result: DriftCells = { features: [], cells: new Map() };
  for (const row of rows) {
    const at = position.get(row.batchId);
    if (at === undefined || row.runId !== of[at].runId) continue;
    const feature = row.feature!;
    if (!result.cells.has(feature)) {
      result.cells.set(feature, Array.from(of, () => null));
      if (feature !== PREDICTION_FEATURE) result.features.push(feature);
    }
    result.cells.get(feature)![at] = { psi: row.psi, severity: row.severity };
  }
  for (const feature of only ?? []) if (!result.cells.has(feature)) result.cells.set(feature, Array.from(of, () => null));
  return result;
}

/** Every statistic of one batch as its latest run measured it; null when the batch was never monitored. */
export function getBatchDrift(pipelineId: number, batchId: number) {
  const rows = getDb().select({ runId: driftResults.runId, feature: driftResults.feature, metrics: driftResults.metrics })
    .from(driftResults).where(and(eq(driftResults.pipelineId, pipelineId), eq(driftResults.batchId, batchId)))
    .orderBy(desc(driftResults.runId), asc(driftResults.id)).all();
  if (rows.length === 0) return null;
  const latest = rows.filter((r) => r.runId === rows[0].runId);
  const drift = (r: (typeof rows)[number]) => r.metrics as unknown as FeatureDrift;
  return {
    batchId,
    features: latest.filter((r) => r.feature !== null && r.feature !== PREDICTION_FEATURE).map(drift),
    prediction: latest.filter((r) => r.feature === PREDICTION_FEATURE).map(drift)[0] ?? null,
    driftShare: (latest.find((r) => r.feature === null)?.metrics.driftShare as number | null | undefined) ?? null,
  };
}

/** For the overview: each pipeline's most recent batch and the features that drifted in it. */
export function listLatestDrifted() {
  return listDriftPipelines().map((pipeline) => {
    const latest = getDb().select({ batchId: driftResults.batchId }).from(driftResults)
      .innerJoin(batches, eq(batches.id, driftResults.batchId))
      // Each run's own row (feature null) stands for its batch: one row per batch and run to sort, not one per feature.
      .where(and(eq(driftResults.pipelineId, pipeline.id), isNull(driftResults.feature)))
      .orderBy(desc(batches.asOf), desc(driftResults.batchId)).limit(1).get()!;
    const drift = getBatchDrift(pipeline.id, latest.batchId)!;
    const drifted = drift.features.filter((f) => f.severity === "warning" || f.severity === "critical");
    return { pipeline, batchId: latest.batchId, drifted: drifted.map((f) => ({ name: f.name, psi: f.psi, severity: f.severity! })) };
  });
}
