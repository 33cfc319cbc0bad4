import "server-only";
import { asc, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { batches, datasets, modelVersions, pipelines, runs, runSteps } from "@/db/schema";
import { AppError } from "@/lib/errors";

export function getBatchForTraining(batchId: number) {
  const batch = getDb().select().from(batches).where(eq(batches.id, batchId)).get();
  if (!batch) throw new AppError("not_found", `Batch #${batchId} does not exist.`, {}, 404);
  return batch;
}

export function listPipelines() {
  const latestRun = sql<string | null>`(SELECT status FROM runs WHERE runs.pipeline_id = ${pipelines.id} ORDER BY runs.id DESC LIMIT 1)`;
  const versions = sql<number>`(SELECT count(*) FROM model_versions WHERE model_versions.pipeline_id = ${pipelines.id})`;
  return getDb()
    .select({
      id: pipelines.id,
      name: pipelines.name,
      datasetName: datasets.name,
      targetColumn: pipelines.targetColumn,
      engine: pipelines.engine,
      createdAt: pipelines.createdAt,
      latestRunStatus: latestRun,
      versionCount: versions,
    })
    .from(pipelines)
    .innerJoin(datasets, eq(datasets.id, pipelines.datasetId))
    .orderBy(asc(pipelines.name))
    .all();
}

export function getPipeline(id: number) {
  return getDb()
    .select({ pipeline: pipelines, datasetName: datasets.name })
    .from(pipelines)
    .innerJoin(datasets, eq(datasets.id, pipelines.datasetId))
    .where(eq(pipelines.id, id))
    .get();
}

export function listRuns(pipelineId: number, limit = 20) {
  return getDb()
    .select({
      id: runs.id,
      status: runs.status,
      trigger: runs.trigger,
      batchId: runs.batchId,
      error: runs.error,
      startedAt: runs.startedAt,
      finishedAt: runs.finishedAt,
      modelVersionId: runs.modelVersionId,
      version: modelVersions.version,
    })
    .from(runs)
    .leftJoin(modelVersions, eq(modelVersions.id, runs.modelVersionId))
    .where(eq(runs.pipelineId, pipelineId))
    .orderBy(desc(runs.id))
    .limit(limit)
    .all();
}

/** A run with its steps, as the run page and its progress poll show them. */
export function getRunWithSteps(runId: number) {
  const db = getDb();
  const run = db.select().from(runs).where(eq(runs.id, runId)).get();
  if (!run) return undefined;
  const steps = db.select().from(runSteps).where(eq(runSteps.runId, runId)).orderBy(asc(runSteps.id)).all();
  const version = run.modelVersionId
    ? db.select({ version: modelVersions.version }).from(modelVersions).where(eq(modelVersions.id, run.modelVersionId)).get()?.version
    : undefined;
  return { run, steps, version: version ?? null };
}

export function listTrainableBatches() {
  return getDb()
    .select({ id: batches.id, datasetName: datasets.name, rowCount: batches.rowCount, targetColumn: batches.targetColumn, asOf: batches.asOf })
    .from(batches)
    .innerJoin(datasets, eq(datasets.id, batches.datasetId))
    .orderBy(desc(batches.id))
    .limit(100)
    .all();
}
