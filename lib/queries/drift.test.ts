import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { pipelines } from "@/db/schema";
import { DEMO_DATA } from "@/lib/data/demo-data";
import { importCsvBatch } from "@/lib/data/import-batch";
import { DEFAULT_GATES } from "@/lib/pipeline/gates";
import { PREDICTION_FEATURE } from "@/lib/pipeline/monitor-step";
import { executeRun } from "@/lib/pipeline/run-pipeline";
import { insertPipeline, startRun } from "@/lib/pipeline/store";
import { tempDir } from "@/lib/test/temp-files";
import { getBatchDrift, getDriftHistory, latestBatches, listDriftPipelines, listLatestDrifted } from "./drift";

// The query module is server-only for the app; under vitest the marker would refuse to load.
vi.mock("server-only", () => ({}));

const tmp = tempDir();
let pipelineId: number;
const batchIds: number[] = [];
const DAY = 86_400_000;

beforeAll(async () => {
  process.env.DATABASE_PATH = `${tmp.dir}/drift.db`;
  migrateDatabase();
  // The training batch is dated a week back, so the shifted batch is the latest by as-of time.
  const training = await importCsvBatch(DEMO_DATA.telco, { dataset: "Telco", source: "cli", target: "Churn", id: "customerID", asOf: new Date(Date.now() - 7 * DAY) });
  batchIds.push(training.batchId);
  pipelineId = insertPipeline({
    name: "telco", datasetId: training.datasetId, targetColumn: "Churn", positiveValue: "Yes", idColumn: "customerID",
    features: ["tenure", "MonthlyCharges", "Contract"].map((name) => ({
      name, kind: name === "Contract" ? ("categorical" as const) : ("numeric" as const), description: "", transformation: "", owner: "",
    })),
    hyperparameters: { maxDepth: 4, minSamplesLeaf: 20 }, split: { kind: "stratified", testSize: 0.2, seed: 3 },
    gates: DEFAULT_GATES, deployPolicy: "auto", riskBands: { high: 0.6, medium: 0.3 },
  });
  // The same batch monitored twice, then a batch with a 30% price rise.
  await executeRun(startRun(pipelineId, "cli"));
  await executeRun(startRun(pipelineId, "cli"));
  const rows = Papa.parse<Record<string, string>>(readFileSync(DEMO_DATA.telco, "utf8"), { header: true, skipEmptyLines: true }).data;
  const shifted = rows.map((row) => ({ ...row, MonthlyCharges: (Number(row.MonthlyCharges) * 1.3).toFixed(2) }));
  const current = await importCsvBatch(tmp.file("current.csv", Papa.unparse(shifted)), { dataset: "Telco current", source: "cli", id: "customerID" });
  batchIds.push(current.batchId);
  getDb().update(pipelines).set({ scoringDatasetId: current.datasetId }).where(eq(pipelines.id, pipelineId)).run();
  await executeRun(startRun(pipelineId, "cli"));
}, 120_000);
afterAll(() => {
  closeDb();
  tmp.cleanup();
});

describe("drift queries", () => {
  it("shows each batch once, as its latest run measured it, in as-of order", () => {
    const history = getDriftHistory(pipelineId);
    expect(history.batches.map((b) => b.id)).toEqual(batchIds);
    expect(history.features).toEqual(["tenure", "MonthlyCharges", "Contract"]);
    expect(history.cells.get("MonthlyCharges")!.map((c) => c?.severity)).toEqual(["ok", "critical"]);
    expect(history.cells.get(PREDICTION_FEATURE)).toHaveLength(2);
    expect(history.batches.map((b) => b.driftShare)).toEqual([0, 1 / 3]);
  });

  it("keeps only the batches of the chosen period", () => {
    const history = getDriftHistory(pipelineId, new Date(Date.now() - DAY));
    expect(history.batches.map((b) => b.id)).toEqual([batchIds[1]]);
    expect(history.cells.get("tenure")).toHaveLength(1);
  });

  it("returns a batch's full statistics, the prediction apart", () => {
    const drift = getBatchDrift(pipelineId, batchIds[1])!;
    expect(drift.features.map((f) => f.name)).toEqual(["tenure", "MonthlyCharges", "Contract"]);
    expect(drift.features[1].bins!.length).toBeGreaterThan(5);
    expect(drift.prediction!.name).toBe(PREDICTION_FEATURE);
    expect(drift.driftShare).toBeCloseTo(1 / 3);
    expect(getBatchDrift(pipelineId, 999)).toBeNull();
  });

  it("lists the latest batch's drifted features per pipeline for the overview", () => {
    expect(listDriftPipelines()).toEqual([{ id: pipelineId, name: "telco" }]);
    expect(listLatestDrifted()).toEqual([{ pipeline: { id: pipelineId, name: "telco" }, batchId: batchIds[1], drifted: [expect.objectContaining({ name: "MonthlyCharges", severity: "critical" })] }]);
  });

  it("cuts a long history to its latest batches, every feature's cells with them", () => {
    const batches = Array.from({ length: 65 }, (_, i) => ({ id: i + 1, asOf: new Date(i * DAY), runId: i + 1, driftShare: null }));
    const cells = new Map([["tenure", batches.map((b) => ({ psi: b.id / 100, severity: "ok" as const }))]]);
    const { history, hidden } = latestBatches({ batches, features: ["tenure"], cells }, 60);
    expect(hidden).toBe(5);
    expect(history.batches.map((b) => b.id)).toEqual(Array.from({ length: 60 }, (_, i) => i + 6));
    expect(history.cells.get("tenure")!.map((c) => c!.psi)).toEqual(history.batches.map((b) => b.id / 100));
    expect(latestBatches({ batches: batches.slice(0, 3), features: ["tenure"], cells }, 60).hidden).toBe(0);
  });
});
