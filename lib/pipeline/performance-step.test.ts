import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, getSqlite } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { performanceResults, pipelines } from "@/db/schema";
import { DEMO_DATA } from "@/lib/data/demo-data";
import { importCsvBatch } from "@/lib/data/import-batch";
import { evaluate } from "@/lib/metrics";
import { tempDir } from "@/lib/test/temp-files";
import { insertTelcoPipeline } from "@/lib/test/pipelines";
import { measurePerformance } from "./performance-step";
import { executeRun } from "./run-pipeline";
import { getChampionVersion, getRun, latestBatchId, loadBatchColumns, startRun } from "./store";

const DAY = 24 * 60 * 60 * 1000;
const tmp = tempDir();
let pipelineId: number;
const start = Date.now();
const runs: number[] = [];

beforeAll(async () => {
  process.env.DATABASE_PATH = `${tmp.dir}/performance.db`;
  migrateDatabase();
  const { datasetId } = await importCsvBatch(DEMO_DATA.telco, { dataset: "Telco", source: "cli", target: "Churn", id: "customerID" });
  pipelineId = insertTelcoPipeline(datasetId, { name: "telco" });
});
afterAll(() => {
  closeDb();
  tmp.cleanup();
});

/** The same customers arrive again `days` later, now carrying their outcome. */
async function labelledBatchAfter(days: number) {
  await importCsvBatch(DEMO_DATA.telco, { dataset: "Telco", source: "cli", target: "Churn", id: "customerID", asOf: new Date(start + days * DAY) });
}

async function run() {
  const runId = startRun(pipelineId, "cli");
  await executeRun(runId);
  expect(getRun(runId)?.error).toBeNull();
  runs.push(runId);
  return runId;
}

const resultsOf = (kind: "estimated" | "realised") =>
  getDb().select().from(performanceResults).where(and(eq(performanceResults.pipelineId, pipelineId), eq(performanceResults.kind, kind))).all();

describe("performance in the monitor step", () => {
  it("estimates the first run's performance and realises nothing while no later labels exist", async () => {
    const runId = await run();
    expect(resultsOf("estimated")).toEqual([expect.objectContaining({ scoringRunId: runId, labelBatchId: null, n: 7043 })]);
    const metrics = resultsOf("estimated")[0].metrics as { rocAuc: number; calibrated: boolean };
    expect(metrics.calibrated).toBe(true);
    expect(metrics.rocAuc).toBeGreaterThan(0.7);
    expect(resultsOf("realised")).toEqual([]);
  });

  it("does not judge scores whose label lag has not passed", async () => {
    await labelledBatchAfter(10);
    await run();
    expect(resultsOf("realised")).toEqual([]);
  });

  it("judges every earlier run old enough with the labels of a batch 31 days on, as evaluate on the joined labels", async () => {
    await labelledBatchAfter(31);
    const labelBatchId = latestBatchId(getDb().select().from(pipelines).where(eq(pipelines.id, pipelineId)).get()!.datasetId)!;
    await run();
    const realised = resultsOf("realised");
    expect(realised.map((r) => [r.scoringRunId, r.labelBatchId])).toEqual([[runs[0], labelBatchId], [runs[1], labelBatchId]]);

    const churn = new Map(
      Papa.parse<Record<string, string>>(readFileSync(DEMO_DATA.telco, "utf8"), { header: true, skipEmptyLines: true }).data.map((r) => [r.customerID, r.Churn === "Yes" ? 1 : 0]),
    );
    const scored = getSqlite().prepare("SELECT entity_id AS id, probability AS p FROM scores WHERE run_id = ?").all(runs[0]) as { id: string; p: number }[];
    const expected = evaluate(scored.map((s) => churn.get(s.id)!), scored.map((s) => s.p), { threshold: 0.5 });
    expect(realised[0].metrics).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(realised[0].n).toBe(7043);
  });

  it("stores an estimate for every monitored run and nothing twice when a batch is measured again", async () => {
    expect(resultsOf("estimated").map((r) => r.scoringRunId)).toEqual(runs);
    const pipeline = getDb().select().from(pipelines).where(eq(pipelines.id, pipelineId)).get()!;
    const { batch, columns } = loadBatchColumns(latestBatchId(pipeline.datasetId)!);
    const served = Float64Array.from(getSqlite().prepare("SELECT probability FROM scores WHERE run_id = ?").pluck().all(runs[2]) as number[]);
    const before = getDb().select().from(performanceResults).all().length;
    measurePerformance(pipeline, runs[2], getChampionVersion(pipelineId)!, batch, columns, served);
    expect(getDb().select().from(performanceResults).all()).toHaveLength(before);
  });
});
