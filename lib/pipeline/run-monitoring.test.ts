import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { driftResults, modelVersions, runSteps } from "@/db/schema";
import { DEMO_DATA } from "@/lib/data/demo-data";
import { importCsvBatch } from "@/lib/data/import-batch";
import { insertTelcoPipeline } from "@/lib/test/pipelines";
import { tempDir } from "@/lib/test/temp-files";
import { executeRun } from "./run-pipeline";
import { executeMonitoringRun, startMonitoringRuns } from "./run-monitoring";
import { getRun, startRun } from "./store";

const tmp = tempDir();
let trainingDataset: number;
let currentDataset: number;

beforeAll(async () => {
  process.env.DATABASE_PATH = `${tmp.dir}/ingest-monitor.db`;
  migrateDatabase();
  trainingDataset = (await importCsvBatch(DEMO_DATA.telco, { dataset: "Telco", source: "cli", target: "Churn", id: "customerID" })).datasetId;
  currentDataset = (await importCsvBatch(DEMO_DATA.telco, { dataset: "Telco current", source: "cli", id: "customerID" })).datasetId;
});
afterAll(() => {
  closeDb();
  tmp.cleanup();
});

describe("monitoring when a batch arrives", () => {
  it("starts nothing for a pipeline without a champion", () => {
    insertTelcoPipeline(trainingDataset, { name: "no champion yet", deployPolicy: "manual", scoringDatasetId: currentDataset });
    expect(startMonitoringRuns(currentDataset, 2)).toEqual([]);
  });

  it("scores and monitors the new batch of a champion's scoring dataset without training", async () => {
    const pipelineId = insertTelcoPipeline(trainingDataset, { name: "scores current customers", scoringDatasetId: currentDataset });
    const first = startRun(pipelineId, "cli");
    await executeRun(first);
    const versionsBefore = getDb().select().from(modelVersions).where(eq(modelVersions.pipelineId, pipelineId)).all().length;

    const arrived = await importCsvBatch(DEMO_DATA.telco, { dataset: "Telco current", source: "cli", id: "customerID", asOf: new Date(Date.now() + 1000) });
    const runIds = startMonitoringRuns(currentDataset, arrived.batchId);
    expect(runIds).toHaveLength(1);
    await executeMonitoringRun(runIds[0]);

    expect(getRun(runIds[0])).toMatchObject({ status: "succeeded", trigger: "ingest", batchId: arrived.batchId });
    const steps = getDb().select().from(runSteps).where(eq(runSteps.runId, runIds[0])).orderBy(asc(runSteps.id)).all();
    expect(steps.map((s) => `${s.name}:${s.status}`)).toEqual([
      "extract:succeeded", "validate_data:skipped", "train:skipped", "validate_model:skipped", "register:skipped", "deploy:skipped", "score:succeeded", "monitor:succeeded",
    ]);
    expect(getDb().select().from(modelVersions).where(eq(modelVersions.pipelineId, pipelineId)).all()).toHaveLength(versionsBefore);
    const drift = getDb().select().from(driftResults).where(eq(driftResults.runId, runIds[0])).all();
    expect(drift.every((d) => d.batchId === arrived.batchId)).toBe(true);
    expect(drift.length).toBeGreaterThan(2);
  });
});
