/**
 * A pipeline run: extract → validate data → train → validate model → register → deploy → score → monitor.
 * Each step records its status, timings, counts and messages; a failure stops the run, says why, and
 * leaves the champion and the stored scores untouched.
 */
import { afterRun } from "@/lib/alerts/act";
import { AppError, isAppError } from "@/lib/errors";
import { crashPoint } from "@/lib/crash-point";
import { trainAndValidate } from "@/lib/training/train-and-validate";
import type { CellColumns } from "@/lib/training/predict-columns";
import type { Batch, Pipeline } from "@/db/schema";
import {
  beginStep,
  endStep,
  finishRun,
  getChampionVersion,
  getPipelineById,
  getRun,
  isCancelRequested,
  latestBatchId,
  loadBatchColumns,
  registerModelVersion,
  setProgress,
} from "./store";
import type { StepName } from "./types";
import { validateData } from "./validate-data";
import { deploy } from "./deploy";
import { evaluateGates } from "./gates";
import { monitorLatestBatch } from "./monitor-step";
import { scoreLatestBatch } from "./score-step";
import { extractForRun, monitorInWarehouseStep, scoreInWarehouseStep, type WarehousePlan } from "@/lib/sources/run-steps";

class Cancelled extends Error {}

/** Percent of the whole run reached when each step starts. */
const STEP_START: Record<string, number> = { extract: 0, validate_data: 10, train: 15, validate_model: 55, register: 65, deploy: 70, score: 75, monitor: 90 };

/**
 * Runs every step, then evaluates the pipeline's alert rules on what the run produced (or on its failure).
 * `now` is the time alerts are evaluated at (default: when the run ends).
 */
export async function executeRun(runId: number, options: { now?: Date } = {}): Promise<void> {
  const run = getRun(runId)!;
  const pipeline = getPipelineById(run.pipelineId)!;
  await runSteps(runId, pipeline, run.batchId);
  await evaluateAfterRun(pipeline.id, options.now);
}

/** Alerting must never turn a finished run into a crash: its own failures are logged. */
export async function evaluateAfterRun(pipelineId: number, now?: Date): Promise<void> {
  try {
    crashPoint("notify");
    await afterRun(pipelineId, { now });
  } catch (error) {
    console.error("Evaluating alerts after a run failed:", error);
  }
}

async function runSteps(runId: number, pipeline: Pipeline, batchId: number | null): Promise<void> {
  let current: StepName = "extract";
  const step = async <T>(name: StepName, message: string, work: () => T | Promise<T>): Promise<T> => {
    if (isCancelRequested(runId)) throw new Cancelled();
    current = name;
    beginStep(runId, name, { step: name, percent: STEP_START[name], message });
    crashPoint(name);
    // Let pending requests (the progress poll) run between steps.
    await new Promise((resolve) => setImmediate(resolve));
    return work();
  };
  try {
    const { batch, columns, warehouse, sourceMessages } = await step("extract", "Reading the batch", () => extract(pipeline, batchId));
    endStep(runId, "extract", {
      status: "succeeded",
      counts: { rows: batch.rowCount, batchId: batch.id, ...(warehouse && { warehouseRows: warehouse.rows, pushdown: warehouse.pushdown ? 1 : 0 }) },
      messages: [`Batch #${batch.id}, ${batch.rowCount} rows`, ...sourceMessages],
    });

    const checked = await step("validate_data", "Checking the data", () => validateData(batch, pipeline));
    endStep(runId, "validate_data", { status: "succeeded", ...checked });

    const champion = getChampionVersion(pipeline.id);
    const trained = await step("train", "Training the model", () =>
      trainAndValidate(columns, settingsOf(pipeline), {
        champion: champion ? { modelVersionId: champion.id, version: champion.version, model: champion.model } : null,
        onPhase: (phase) => phase === "validate" && setProgress(runId, { step: "train", percent: 60, message: "Scoring the held-out rows" }),
      }),
    );
    const { model, report, referenceProfile } = trained;
    endStep(runId, "train", {
      status: "succeeded",
      counts: { trainRows: report.rows.train, trainMs: Math.round(report.trainMs), leaves: model.tree.feature.filter((f) => f < 0).length },
      messages: [`Trained ${model.engine} on ${report.rows.train} rows in ${report.trainMs.toFixed(0)} ms`],
    });

    const gateResults = await step("validate_model", "Validating the model", () => evaluateGates(pipeline.gates, report));
    const gatesPassed = gateResults.every((gate) => gate.passed);
    endStep(runId, "validate_model", {
      status: "succeeded",
      counts: { testRows: report.rows.test, gatesFailed: gateResults.filter((gate) => !gate.passed).length },
      messages: [
        `ROC AUC ${format(report.metrics.rocAuc)} on ${report.rows.test} held-out rows (baseline ${format(report.baseline.rocAuc)})`,
        ...gateResults.map((gate) => `${gate.passed ? "Gate passed" : "Gate failed"}: ${gate.message}`),
        ...Object.entries(report.metrics.undefined).map(([metric, reason]) => `${metric} undefined: ${reason}`),
      ],
    });

    const registered = await step("register", "Registering the version", () =>
      registerModelVersion({
        pipelineId: pipeline.id,
        runId,
        batchId: batch.id,
        engine: model.engine,
        model,
        featureDictionary: pipeline.features,
        report,
        referenceProfile,
        gateResults,
        gatesPassed,
      }),
    );
    // registerModelVersion completed the register step in its transaction; deploy completes its own likewise.
    await step("deploy", "Deploying", () => deploy(pipeline, registered, gateResults, runId));

    const pushdown = warehouse?.pushdown ? warehouse : null;
    const scoring = await step("score", "Scoring customers", () => (pushdown ? scoreInWarehouseStep(pipeline, runId, pushdown) : scoreLatestBatch(pipeline, runId)));
    endStep(runId, "score", scoring);

    const monitoring = await step("monitor", "Measuring drift", () =>
      pushdown ? monitorInWarehouseStep(pipeline, runId, pushdown, batch.id) : monitorLatestBatch(pipeline, runId),
    );
    endStep(runId, "monitor", monitoring);
    finishRun(runId, "succeeded");
  } catch (error) {
    if (error instanceof Cancelled) {
      finishRun(runId, "cancelled", "Cancelled by a user.");
      return;
    }
    const message = isAppError(error) ? error.message : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    if (!isAppError(error)) console.error(error);
    endStep(runId, current, { status: "failed", error: message });
    finishRun(runId, "failed", `${current}: ${message}`);
  }
}

/** The run's batch: the one it was started for, a fresh one from the pipeline's source, or the dataset's latest. */
async function extract(pipeline: Pipeline, batchId: number | null): Promise<{ batch: Batch; columns: CellColumns; warehouse: WarehousePlan | null; sourceMessages: string[] }> {
  if (batchId === null && pipeline.sourceId !== null) {
    const fromSource = await extractForRun(pipeline);
    return { ...loadBatchColumns(fromSource.batchId), warehouse: fromSource.plan, sourceMessages: fromSource.messages };
  }
  const id = batchId ?? latestBatchId(pipeline.datasetId);
  if (id === undefined) throw new AppError("no_batches", "The dataset has no batches to train on.");
  return { ...loadBatchColumns(id), warehouse: null, sourceMessages: [] };
}

function settingsOf(pipeline: Pipeline) {
  return {
    target: pipeline.targetColumn,
    positive: pipeline.positiveValue,
    features: pipeline.features.map(({ name, kind }) => ({ name, kind })),
    engine: pipeline.engine as "cart" | "ml-cart",
    hyperparameters: pipeline.hyperparameters,
    split: pipeline.split,
    threshold: pipeline.decisionThreshold,
  };
}

const format = (value: number | null) => (value === null ? "—" : value.toFixed(4));
