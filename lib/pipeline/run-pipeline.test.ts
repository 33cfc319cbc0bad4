import { spawnSync } from "node:child_process";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { modelVersions, pipelineLocks, runs, runSteps } from "@/db/schema";
import { DEMO_DATA } from "@/lib/data/demo-data";
import { importCsvBatch } from "@/lib/data/import-batch";
import { tempDir } from "@/lib/test/temp-files";
import { executeRun } from "./run-pipeline";
import { getRun, insertPipeline, recoverInterruptedRuns, requestCancel, startRun } from "./store";
import type { FeatureDefinition } from "./types";

const tmp = tempDir();
let datasetId: number;

beforeAll(async () => {
  process.env.DATABASE_PATH = `${tmp.dir}/pipeline.db`;
  migrateDatabase();
  datasetId = (await importCsvBatch(DEMO_DATA.telco, { dataset: "Telco", source: "cli", target: "Churn", id: "customerID" })).datasetId;
});
afterAll(() => {
  closeDb();
  tmp.cleanup();
});

const feature = (name: string, kind: FeatureDefinition["kind"]): FeatureDefinition => ({ name, kind, description: "", transformation: "", owner: "" });
const FEATURES = [feature("tenure", "numeric"), feature("Contract", "categorical"), feature("MonthlyCharges", "numeric"), feature("TotalCharges", "numeric"), feature("InternetService", "categorical")];

function pipeline(name: string, features = FEATURES) {
  return insertPipeline({
    name,
    datasetId,
    targetColumn: "Churn",
    positiveValue: "Yes",
    idColumn: "customerID",
    features,
    hyperparameters: { maxDepth: 6, minSamplesLeaf: 20 },
    split: { kind: "stratified", testSize: 0.2, seed: 42 },
    gates: [],
    riskBands: { high: 0.6, medium: 0.3 },
  });
}

const steps = (runId: number) => getDb().select().from(runSteps).where(eq(runSteps.runId, runId)).orderBy(asc(runSteps.id)).all();

describe("a training run", () => {
  it("walks extract → validate data → train → validate model → register and stores version 1 with its report", async () => {
    const pipelineId = pipeline("telco");
    const runId = startRun(pipelineId, "cli");
    await executeRun(runId);
    expect(getRun(runId)).toMatchObject({ status: "succeeded", error: null });
    expect(steps(runId).map((s) => [s.name, s.status])).toEqual([
      ["extract", "succeeded"], ["validate_data", "succeeded"], ["train", "succeeded"], ["validate_model", "succeeded"], ["register", "succeeded"],
      ["deploy", "succeeded"], ["score", "skipped"], ["monitor", "skipped"],
    ]);
    const version = getDb().select().from(modelVersions).where(eq(modelVersions.pipelineId, pipelineId)).get()!;
    expect(version.version).toBe(1);
    expect(version.report.rows).toMatchObject({ train: 5634, test: 1409 });
    expect(version.report.metrics.rocAuc).toBeGreaterThan(0.8);
    expect(version.report.thresholds).toHaveLength(101);
    expect(version.featureDictionary.map((f) => f.name)).toEqual(FEATURES.map((f) => f.name));
    expect(getDb().select().from(pipelineLocks).all()).toEqual([]);

    const second = startRun(pipelineId, "cli");
    await executeRun(second);
    expect(getDb().select({ v: modelVersions.version }).from(modelVersions).where(eq(modelVersions.pipelineId, pipelineId)).all().map((r) => r.v)).toEqual([1, 2]);
  });

  it("refuses a second run while one holds the pipeline's lock, and a cancelled run releases it", async () => {
    const pipelineId = pipeline("locked");
    const runId = startRun(pipelineId, "cli");
    expect(() => startRun(pipelineId, "cli")).toThrow(/still running/);
    requestCancel(runId);
    await executeRun(runId);
    expect(getRun(runId)).toMatchObject({ status: "cancelled" });
    expect(steps(runId).every((s) => s.status === "skipped")).toBe(true);
    expect(getDb().select().from(pipelineLocks).all()).toEqual([]);
  });

  it("fails at validate data, says why, and registers nothing when a feature is missing from the batch", async () => {
    const pipelineId = pipeline("broken", [...FEATURES, feature("DaysSinceLogin", "numeric")]);
    const runId = startRun(pipelineId, "cli");
    await executeRun(runId);
    const run = getRun(runId)!;
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/^validate_data: .*"DaysSinceLogin"/);
    expect(steps(runId).map((s) => s.status)).toEqual(["succeeded", "failed", "skipped", "skipped", "skipped", "skipped", "skipped", "skipped"]);
    expect(getDb().select().from(modelVersions).where(eq(modelVersions.pipelineId, pipelineId)).all()).toEqual([]);
  });

  it("marks runs left running by a dead process as failed and releases their locks", () => {
    const pipelineId = pipeline("interrupted");
    const runId = startRun(pipelineId, "cli");
    expect(recoverInterruptedRuns()).toBe(1);
    expect(getRun(runId)).toMatchObject({ status: "failed", error: expect.stringMatching(/^The process running this run \(pid \d+\) stopped before it finished/) });
    expect(() => startRun(pipelineId, "cli")).not.toThrow();
  });

  it("leaves a run of another live process alone, and takes over the lock of a run whose process is gone", () => {
    const live = pipeline("held by a live process");
    const liveRun = startRun(live, "cli");
    // The parent of this test process is alive and is not this process: its run is really in progress.
    getDb().update(runs).set({ pid: process.ppid }).where(eq(runs.id, liveRun)).run();
    recoverInterruptedRuns();
    expect(getRun(liveRun)?.status).toBe("running");
    expect(() => startRun(live, "cli")).toThrow(`Run #${liveRun} of this pipeline is still running`);

    const dead = pipeline("held by a dead process");
    const deadRun = startRun(dead, "cli");
    const exited = spawnSync(process.execPath, ["-e", ""]).pid!;
    getDb().update(runs).set({ pid: exited }).where(eq(runs.id, deadRun)).run();
    const next = startRun(dead, "cli");
    expect(getRun(deadRun)).toMatchObject({ status: "failed", error: expect.stringContaining(`(pid ${exited}) stopped before it finished`) });
    expect(getDb().select().from(pipelineLocks).where(eq(pipelineLocks.pipelineId, dead)).get()).toMatchObject({ runId: next });
  });
});
