import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { driftResults, pipelines } from "@/db/schema";
import { DEMO_DATA } from "@/lib/data/demo-data";
import { importCsvBatch } from "@/lib/data/import-batch";
import { tempDir } from "@/lib/test/temp-files";
import { PREDICTION_FEATURE } from "./monitor-step";
import { executeRun } from "./run-pipeline";
import { getRun, listRunSteps, startRun } from "./store";
import { insertTelcoPipeline, telcoFeatures } from "@/lib/test/pipelines";

const tmp = tempDir();
let pipelineId: number;
let datasetId: number;

beforeAll(async () => {
  process.env.DATABASE_PATH = `${tmp.dir}/monitor.db`;
  migrateDatabase();
  datasetId = (await importCsvBatch(DEMO_DATA.telco, { dataset: "Telco", source: "cli", target: "Churn", id: "customerID" })).datasetId;
  pipelineId = insertTelcoPipeline(datasetId, { name: "telco", features: telcoFeatures(["tenure", "MonthlyCharges", "Contract", "PaymentMethod"]) });
});
afterAll(() => {
  closeDb();
  tmp.cleanup();
});

async function run() {
  const runId = startRun(pipelineId, "cli");
  await executeRun(runId);
  expect(getRun(runId)?.error).toBeNull();
  return runId;
}

const resultsOf = (runId: number) => getDb().select().from(driftResults).where(eq(driftResults.runId, runId)).all();

describe("the monitor step", () => {
  it("finds no drift when the scored batch is the training data", async () => {
    const runId = await run();
    const results = resultsOf(runId);
    expect(results.map((r) => r.feature)).toEqual(["tenure", "MonthlyCharges", "Contract", "PaymentMethod", PREDICTION_FEATURE, null]);
    for (const result of results.filter((r) => r.feature !== null)) expect(result.psi!).toBeLessThan(0.05);
    expect(results.find((r) => r.feature === null)!.metrics).toEqual({ driftShare: 0 });
  });

  it("flags a 30% price rise in MonthlyCharges and a new payment method in the next batch", async () => {
    const rows = Papa.parse<Record<string, string>>(readFileSync(DEMO_DATA.telco, "utf8"), { header: true, skipEmptyLines: true }).data;
    const shifted = rows.map((row, i) => ({
      ...row,
      MonthlyCharges: (Number(row.MonthlyCharges) * 1.3).toFixed(2),
      PaymentMethod: i % 5 === 0 ? "Wallet app" : row.PaymentMethod,
    }));
    // Training stays on the labelled history; the current customers arrive as their own dataset.
    const current = await importCsvBatch(tmp.file("month-5.csv", Papa.unparse(shifted)), { dataset: "Telco current", source: "cli", id: "customerID" });
    getDb().update(pipelines).set({ scoringDatasetId: current.datasetId }).where(eq(pipelines.id, pipelineId)).run();
    const runId = await run();
    const byFeature = new Map(resultsOf(runId).map((r) => [r.feature, r]));
    expect(byFeature.get("MonthlyCharges")!.severity).toBe("critical");
    expect(byFeature.get("tenure")!.severity).toBe("ok");
    const payment = byFeature.get("PaymentMethod")!.metrics as { unseenCategories: { value: string; count: number }[] };
    expect(payment.unseenCategories).toEqual([expect.objectContaining({ value: "Wallet app", count: 1409, share: 1409 / 7043 })]);
    expect(listRunSteps(runId).find((s) => s.name === "monitor")!.messages[0]).toMatch(/features drifted .*MonthlyCharges \(critical/);
  });

  it("uses a feature's own PSI thresholds when the pipeline sets them", async () => {
    const pipeline = getDb().select().from(pipelines).where(eq(pipelines.id, pipelineId)).get()!;
    const features = pipeline.features.map((f) => (f.name === "MonthlyCharges" ? { ...f, psiWarning: 5, psiCritical: 9 } : f));
    getDb().update(pipelines).set({ features }).where(eq(pipelines.id, pipelineId)).run();
    const runId = await run();
    const monthly = resultsOf(runId).find((r) => r.feature === "MonthlyCharges")!;
    expect(monthly.psi!).toBeGreaterThan(0.25);
    expect(monthly.severity).toBe("ok");
  });
});
