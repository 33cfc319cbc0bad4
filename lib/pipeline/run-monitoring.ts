/**
 * Monitoring when a batch arrives: every pipeline that scores the batch's dataset and has a champion gets
 * a run that scores the new batch and measures its drift and performance, without training. The run is
 * recorded like any other, so its steps, scores and drift show in the same places.
 */
import { eq, isNull, or, and } from "drizzle-orm";
import { getDb } from "@/db/client";
import { pipelines, type Pipeline, type Run } from "@/db/schema";
import { isAppError } from "@/lib/errors";
import { monitorLatestBatch } from "./monitor-step";
import { evaluateAfterRun } from "./run-pipeline";
import { scoreLatestBatch } from "./score-step";
import { beginStep, endStep, finishRun, getChampionVersion, getPipelineById, getRun, startRun } from "./store";

const NOT_TRAINING = ["validate_data", "train", "validate_model", "register", "deploy"] as const;

/** Starts a monitoring run for each pipeline scoring this dataset; a pipeline already running is skipped. */
export function startMonitoringRuns(datasetId: number, batchId: number): number[] {
  const scoring = getDb()
    .select({ id: pipelines.id })
    .from(pipelines)
    .where(or(eq(pipelines.scoringDatasetId, datasetId), and(isNull(pipelines.scoringDatasetId), eq(pipelines.datasetId, datasetId))))
    .all();
  const runIds: number[] = [];
  for (const { id } of scoring) {
    if (!getChampionVersion(id)) continue;
    try {
      runIds.push(startRun(id, "ingest", batchId));
    } catch (error) {
      if (!isAppError(error) || error.code !== "run_in_progress") throw error;
    }
  }
  return runIds;
}

export async function executeMonitoringRun(runId: number, options: { now?: Date } = {}): Promise<void> {
  const run = getRun(runId)!;
  const pipeline = getPipelineById(run.pipelineId)!;
  await monitor(runId, run, pipeline);
  await evaluateAfterRun(pipeline.id, options.now);
}

async function monitor(runId: number, run: Run, pipeline: Pipeline): Promise<void> {
  try {
    beginStep(runId, "extract", { step: "extract", percent: 0, message: "A new batch arrived" });
    endStep(runId, "extract", { status: "succeeded", counts: { batchId: run.batchId ?? 0 }, messages: [`Batch #${run.batchId} arrived; monitoring it with the champion.`] });
    for (const name of NOT_TRAINING) endStep(runId, name, { status: "skipped", messages: ["A monitoring run does not train."] });
    await new Promise((resolve) => setImmediate(resolve));
    beginStep(runId, "score", { step: "score", percent: 30, message: "Scoring customers" });
    endStep(runId, "score", scoreLatestBatch(pipeline, runId));
    beginStep(runId, "monitor", { step: "monitor", percent: 70, message: "Measuring drift" });
    endStep(runId, "monitor", monitorLatestBatch(pipeline, runId));
    finishRun(runId, "succeeded");
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!isAppError(error)) console.error(error);
    finishRun(runId, "failed", message);
  }
}
