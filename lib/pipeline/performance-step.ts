/**
 * The performance half of the monitor step. The run's own scores get an estimate straight away; every
 * earlier scoring run old enough (its scores at least `labelLagDays` before this batch's as-of) is
 * judged against the outcomes this batch carries, for the customers it shares with that run.
 */
import { getSqlite } from "@/db/client";
import type { Batch, ModelVersion, Pipeline } from "@/db/schema";
import { targetMapping } from "@/lib/data/target";
import { evaluate } from "@/lib/metrics";
import { calibrationMap, estimatePerformance } from "@/lib/monitoring/estimate";
import type { CellColumns } from "@/lib/training/predict-columns";
import { now } from "@/lib/clock";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Stores every result in one transaction and returns the log lines; `served` are this run's scores. */
export function measurePerformance(pipeline: Pipeline, runId: number, champion: ModelVersion, batch: Batch, columns: CellColumns, served: Float64Array): string[] {
  const sqlite = getSqlite();
  return sqlite.transaction(() => measure(pipeline, runId, champion, batch, columns, served))();
}

function measure(pipeline: Pipeline, runId: number, champion: ModelVersion, batch: Batch, columns: CellColumns, served: Float64Array): string[] {
  const sqlite = getSqlite();
  const computedAt = now().getTime();
  const insert = sqlite.prepare(
    `INSERT INTO performance_results (pipeline_id, model_version_id, scoring_run_id, label_batch_id, kind, n, metrics, computed_at)
     SELECT ?, ?, ?, ?, ?, ?, ?, ?
     WHERE NOT EXISTS (SELECT 1 FROM performance_results WHERE scoring_run_id = ? AND kind = ? AND label_batch_id IS ?)`,
  );
  const store = (modelVersionId: number, scoringRunId: number, labelBatchId: number | null, kind: "estimated" | "realised", n: number, metrics: object) =>
    insert.run(pipeline.id, modelVersionId, scoringRunId, labelBatchId, kind, n, JSON.stringify(metrics), computedAt, scoringRunId, kind, labelBatchId);

  const messages: string[] = [];
  const estimate = estimatePerformance(served, pipeline.decisionThreshold, calibrationMap(champion.report.curves.calibration.points));
  store(champion.id, runId, null, "estimated", estimate.n, estimate);
  messages.push(`Estimated ROC AUC ${format(estimate.rocAuc)} from the model's own probabilities${estimate.calibrated ? " (calibrated on the reference data)" : ""}.`);

  const labels = batchLabels(pipeline, columns);
  if (!labels) return messages;
  const cutoff = batch.asOf.getTime() - pipeline.labelLagDays * DAY_MS;
  // One score row per run answers "when, and by which version": a scan of every stored score would grow
  // with the pipeline's whole history. Runs this batch has already judged are not read again.
  const earlier = sqlite
    .prepare(`SELECT r.id AS runId, s.model_version_id AS modelVersionId FROM runs r
              JOIN scores s ON s.id = (SELECT id FROM scores WHERE run_id = r.id LIMIT 1)
              WHERE r.pipeline_id = ? AND r.id <> ? AND s.scored_at <= ?
                AND NOT EXISTS (SELECT 1 FROM performance_results WHERE scoring_run_id = r.id AND kind = 'realised' AND label_batch_id = ?)
              ORDER BY r.id`)
    .all(pipeline.id, runId, cutoff, batch.id) as { runId: number; modelVersionId: number }[];
  const scoresOf = sqlite.prepare("SELECT entity_id AS entityId, probability FROM scores WHERE run_id = ?");
  for (const run of earlier) {
    const y: number[] = [];
    const p: number[] = [];
    for (const row of scoresOf.iterate(run.runId) as IterableIterator<{ entityId: string; probability: number }>) {
      const label = labels.get(row.entityId);
      if (label === undefined) continue;
      y.push(label);
      p.push(row.probability);
    }
    if (y.length === 0) continue;
    const realised = evaluate(y, p, { threshold: pipeline.decisionThreshold });
    store(run.modelVersionId, run.runId, batch.id, "realised", realised.n, realised);
    messages.push(`Realised ROC AUC ${format(realised.rocAuc)} for run #${run.runId}'s scores: ${realised.n} customers labelled in batch #${batch.id}.`);
  }
  return messages;
}

/**
 * Customer id → 0/1 outcome from the batch's target column; null when the batch carries no outcomes or
 * no customer ids (scores are then keyed by row number, which says nothing about a later batch).
 * Blank or unrecognised targets are left out rather than guessed.
 */
function batchLabels(pipeline: Pipeline, columns: CellColumns): Map<string, 0 | 1> | null {
  const target = columns[pipeline.targetColumn];
  const ids = pipeline.idColumn === null ? undefined : columns[pipeline.idColumn];
  if (!target || !ids) return null;
  const values = [...new Set(target.filter((v): v is string => v !== null))];
  const mapping = targetMapping(values, pipeline.positiveValue, pipeline.targetColumn);
  const labels = new Map<string, 0 | 1>();
  for (let i = 0; i < target.length; i++) {
    const label = target[i] === null ? null : mapping.label(target[i]!);
    if (label !== null && ids[i] !== null) labels.set(ids[i]!, label);
  }
  return labels;
}

const format = (value: number | null) => (value === null ? "—" : value.toFixed(3));
