/**
 * The monitor step: the batch just scored is compared with the champion's reference profile, and one
 * drift result per feature, one for the predictions and one for the whole batch are stored together.
 * Then performance: estimated for this run's scores, realised for earlier scores this batch labels.
 */
import { getDb, getSqlite } from "@/db/client";
import { driftResults, type Batch, type ModelVersion, type Pipeline } from "@/db/schema";
import { now } from "@/lib/clock";
import { crashPoint } from "@/lib/crash-point";
import { monitorBatch, type BatchMonitoring } from "@/lib/monitoring/monitor-batch";
import type { CellColumns } from "@/lib/training/predict-columns";
import { measurePerformance } from "./performance-step";
import { endStep, getChampionVersion, latestBatchId, loadBatchColumns, type StepOutcome } from "./store";

/** The PSI thresholds set on the pipeline's features (its current settings, not the version's). */
export function featureThresholds(pipeline: Pipeline) {
  return Object.fromEntries(
    pipeline.features.map((f) => [f.name, { ...(f.psiWarning !== undefined && { warning: f.psiWarning }), ...(f.psiCritical !== undefined && { critical: f.psiCritical }) }]),
  );
}

/** The feature name under which the prediction drift is stored. */
export const PREDICTION_FEATURE = "(prediction)";

export function monitorLatestBatch(pipeline: Pipeline, runId: number): StepOutcome {
  const champion = getChampionVersion(pipeline.id);
  if (!champion?.referenceProfile) return { status: "skipped", messages: ["No champion with a reference profile to monitor against."] };
  const batchId = latestBatchId(pipeline.scoringDatasetId ?? pipeline.datasetId);
  if (batchId === undefined) return { status: "skipped", messages: ["The scoring dataset has no batches."] };
  const { batch, columns } = loadBatchColumns(batchId);
  const served = storedScores(runId);
  const result = monitorBatch(champion.referenceProfile, columns, served, featureThresholds(pipeline));
  return recordMonitoring(pipeline, runId, champion, { batch, columns, served, result });
}

/**
 * Stores one batch's drift (features, prediction, the whole batch) and performance, and completes the
 * run's monitor step, all in one transaction (the inner ones become savepoints), so a process killed
 * part-way leaves none of them. Shared by in-app monitoring and monitoring counted in a warehouse.
 */
export function recordMonitoring(
  pipeline: Pipeline,
  runId: number,
  champion: ModelVersion,
  input: { batch: Batch; columns: CellColumns; served: Float64Array; result: BatchMonitoring },
): StepOutcome {
  const { batch, columns, served, result } = input;
  const batchId = batch.id;
  const computedAt = now();
  const base = { pipelineId: pipeline.id, modelVersionId: champion.id, batchId, runId, computedAt };
  const drifted = result.features.filter((f) => f.severity === "warning" || f.severity === "critical");
  const findings = result.features.flatMap((f) => f.dataQuality.map((finding) => `${f.name}: ${finding}`));
  return getSqlite().transaction(() => {
    getDb().transaction((tx) => {
      for (const drift of [...result.features, { ...result.prediction, name: PREDICTION_FEATURE }]) {
        tx.insert(driftResults).values({ ...base, feature: drift.name, psi: drift.psi, severity: drift.severity, metrics: { ...drift } }).run();
      }
      tx.insert(driftResults).values({ ...base, feature: null, psi: null, severity: null, metrics: { driftShare: result.driftShare } }).run();
    });
    const performance = measurePerformance(pipeline, runId, champion, batch, columns, served);
    const outcome: StepOutcome = {
      status: "succeeded",
      counts: { batchId, features: result.features.length, drifted: drifted.length },
      messages: [
        drifted.length === 0
          ? `No feature drifted in batch #${batchId} (PSI below the warning threshold everywhere).`
          : `${drifted.length} of ${result.features.length} features drifted in batch #${batchId}: ${drifted.map((f) => `${f.name} (${f.severity}, PSI ${f.psi!.toFixed(3)})`).join(", ")}.`,
        `Prediction drift: PSI ${result.prediction.psi === null ? "—" : result.prediction.psi.toFixed(3)}.`,
        ...performance,
        ...findings,
      ],
    };
    endStep(runId, "monitor", outcome);
    crashPoint("monitor:write");
    return outcome;
  })();
}

/** The probabilities the score step of this run stored: the score distribution that was served. */
function storedScores(runId: number): Float64Array {
  const rows = getSqlite().prepare("SELECT probability FROM scores WHERE run_id = ?").pluck().all(runId) as number[];
  return Float64Array.from(rows);
}
