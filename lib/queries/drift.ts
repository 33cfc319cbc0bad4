/**
 * Reads of the monitor step's drift results. A batch can be monitored more than once (every "Run now"
 * re-scores the latest batch), so each batch is shown as its latest run measured it.
 */
import "server-only";
import { and, asc, desc, eq, gte, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { batches, driftResults, pipelines } from "@/db/schema";
import type { FeatureDrift, Severity } from "@/lib/drift/types";
import { PREDICTION_FEATURE } from "@/lib/pipeline/monitor-step";

export interface DriftCell { psi: number | null; severity: Severity | null }
export interface DriftBatch { id: number; asOf: Date; runId: number | null; driftShare: number | null }
export interface DriftHistory {
  batches: DriftBatch[];
  /** Input features in the order the monitor step stored them; the prediction is kept apart. */
  features: string[];
  /** Per feature (and PREDICTION_FEATURE), one cell per entry of `batches`; null where not measured. */
  cells: Map<string, (DriftCell | null)[]>;
}

/** Pipelines that have at least one drift result, by name. */
export function listDriftPipelines() {
  return getDb().select({ id: pipelines.id, name: pipelines.name }).from(pipelines)
    .where(sql`exists (select 1 from ${driftResults} where ${driftResults.pipelineId} = ${pipelines.id})`)
    .orderBy(asc(pipelines.name)).all();
}

/** PSI and severity per feature and batch, batches by as-of time; only the small columns are read. */
export function getDriftHistory(pipelineId: number, since: Date | null = null): DriftHistory {
  const rows = getDb()
    .select({
      batchId: driftResults.batchId, runId: driftResults.runId, asOf: batches.asOf, feature: driftResults.feature,
      psi: driftResults.psi, severity: driftResults.severity,
      // Only the batch's own row (feature null) holds the drift share: the feature rows' JSON is not parsed.
      driftShare: sql<number | null>`CASE WHEN ${driftResults.feature} IS NULL THEN json_extract(${driftResults.metrics}, '$.driftShare') END`,
    })
    .from(driftResults).innerJoin(batches, eq(batches.id, driftResults.batchId))
    .where(and(eq(driftResults.pipelineId, pipelineId), since ? gte(batches.asOf, since) : undefined))
    .orderBy(asc(batches.asOf), asc(driftResults.batchId), asc(driftResults.runId), asc(driftResults.id)).all();
  const latestRun = new Map<number, number | null>();
  for (const row of rows) latestRun.set(row.batchId, row.runId);
  const history: DriftHistory = { batches: [], features: [], cells: new Map() };
  const index = new Map<number, number>();
  for (const row of rows) {
    if (row.runId !== latestRun.get(row.batchId)) continue;
    if (!index.has(row.batchId)) {
      index.set(row.batchId, history.batches.length);
      history.batches.push({ id: row.batchId, asOf: row.asOf, runId: row.runId, driftShare: null });
    }
    const at = index.get(row.batchId)!;
    if (row.feature === null) {
      history.batches[at].driftShare = row.driftShare;
      continue;
    }
    if (!history.cells.has(row.feature)) {
      history.cells.set(row.feature, []);
      if (row.feature !== PREDICTION_FEATURE) history.features.push(row.feature);
    }
    history.cells.get(row.feature)![at] = { psi: row.psi, severity: row.severity };
  }
  for (const cells of history.cells.values()) for (let i = 0; i < history.batches.length; i++) cells[i] ??= null;
  return history;
}

/** The history cut to its latest `max` batches (every feature's cells with them), and how many were left out. */
export function latestBatches(history: DriftHistory, max: number): { history: DriftHistory; hidden: number } {
  const hidden = Math.max(0, history.batches.length - max);
  const cells = new Map([...history.cells].map(([feature, row]) => [feature, row.slice(hidden)]));
  return { history: { batches: history.batches.slice(hidden), features: history.features, cells }, hidden };
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
      .innerJoin(batches, eq(batches.id, driftResults.batchId)).where(eq(driftResults.pipelineId, pipeline.id))
      .orderBy(desc(batches.asOf), desc(driftResults.batchId)).limit(1).get()!;
    const drift = getBatchDrift(pipeline.id, latest.batchId)!;
    const drifted = drift.features.filter((f) => f.severity === "warning" || f.severity === "critical");
    return { pipeline, batchId: latest.batchId, drifted: drifted.map((f) => ({ name: f.name, psi: f.psi, severity: f.severity! })) };
  });
}
