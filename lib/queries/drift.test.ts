import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, getDb, getSqlite } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { pipelines } from "@/db/schema";
import { DEMO_DATA } from "@/lib/data/demo-data";
import { importCsvBatch } from "@/lib/data/import-batch";
import { DEFAULT_GATES } from "@/lib/pipeline/gates";
import { PREDICTION_FEATURE } from "@/lib/pipeline/monitor-step";
import { executeRun } from "@/lib/pipeline/run-pipeline";
import { insertPipeline, startRun } from "@/lib/pipeline/store";
import { tempDir } from "@/lib/test/temp-files";
import { getBatchDrift, getDriftCells, listDriftPipelines, listLatestDrifted, listMonitoredBatches } from "./drift";

// The query module is server-only for the app; under vitest the marker would refuse to load.
vi.mock("server-only", () => ({}));

const tmp = tempDir();
let pipelineId: number;
const batchIds: number[] = [];
const runIds: number[] = [];
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
  for (let i = 0; i < 2; i++) {
    runIds.push(startRun(pipelineId, "cli"));
    await executeRun(runIds[i]);
  }
  // The first run's measurement of the batch the second run measured again: never shown.
  getSqlite().prepare("UPDATE drift_results SET psi = 99, severity = 'critical' WHERE run_id = ? AND feature IS NOT NULL").run(runIds[0]);
  const rows = Papa.parse<Record<string, string>>(readFileSync(DEMO_DATA.telco, "utf8"), { header: true, skipEmptyLines: true }).data;
  const shifted = rows.map((row) => ({ ...row, MonthlyCharges: (Number(row.MonthlyCharges) * 1.3).toFixed(2) }));
  const current = await importCsvBatch(tmp.file("current.csv", Papa.unparse(shifted)), { dataset: "Telco current", source: "cli", id: "customerID" });
  batchIds.push(current.batchId);
  getDb().update(pipelines).set({ scoringDatasetId: current.datasetId }).where(eq(pipelines.id, pipelineId)).run();
  runIds.push(startRun(pipelineId, "cli"));
  await executeRun(runIds[2]);
}, 120_000);
afterAll(() => {
  closeDb();
  tmp.cleanup();
});

describe("drift queries", () => {
  it("lists each batch once, with its latest run and drift share, in as-of order", () => {
    const monitored = listMonitoredBatches(pipelineId);
    expect(monitored.map((b) => [b.id, b.runId])).toEqual([[batchIds[0], runIds[1]], [batchIds[1], runIds[2]]]);
    expect(monitored.map((b) => b.driftShare)).toEqual([0, 1 / 3]);
  });

  it("reads every feature of the given batches as their latest run measured them", () => {
    const monitored = listMonitoredBatches(pipelineId);
    const { features, cells } = getDriftCells(pipelineId, monitored);
    expect(features).toEqual(["tenure", "MonthlyCharges", "Contract"]);
    expect(cells.get("MonthlyCharges")!.map((c) => c?.severity)).toEqual(["ok", "critical"]);
    expect(cells.get("tenure")!.every((c) => c!.psi! < 99)).toBe(true);
    expect(cells.get(PREDICTION_FEATURE)).toHaveLength(2);
    // The heatmap's window: only the latest batch, the same cells.
    const latest = getDriftCells(pipelineId, monitored.slice(1));
    expect([...latest.cells.keys()]).toEqual(["tenure", "MonthlyCharges", "Contract", PREDICTION_FEATURE]);
    expect(latest.cells.get("MonthlyCharges")!.map((c) => c?.severity)).toEqual(["critical"]);
    for (const [feature, row] of latest.cells) expect(row).toEqual([cells.get(feature)![1]]);
  });

  it("reads only the features asked for, across every batch; one never measured is all blank", () => {
    const monitored = listMonitoredBatches(pipelineId);
    const { features, cells } = getDriftCells(pipelineId, monitored, ["MonthlyCharges", PREDICTION_FEATURE, "not a feature"]);
    expect(features).toEqual(["MonthlyCharges"]);
    expect([...cells.keys()].sort()).toEqual([PREDICTION_FEATURE, "MonthlyCharges", "not a feature"].sort());
    expect(cells.get("MonthlyCharges")!.map((c) => c?.severity)).toEqual(["ok", "critical"]);
    expect(cells.get("MonthlyCharges")!.every((c) => c!.psi! < 99)).toBe(true);
    expect(cells.get("MonthlyCharges")).toEqual(getDriftCells(pipelineId, monitored).cells.get("MonthlyCharges"));
    expect(cells.get("not a feature")).toEqual([null, null]);
  });

  it("keeps only the batches of the chosen period", () => {
    expect(listMonitoredBatches(pipelineId, new Date(Date.now() - DAY)).map((b) => b.id)).toEqual([batchIds[1]]);
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
});
