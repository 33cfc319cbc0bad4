/**
 * A pipeline pointed at a PostgreSQL table, run end to end: above the push-down threshold it scores and
 * profiles inside the warehouse and says so, and its reports equal those of the same pipeline on the CSV.
 */
import { and, asc, eq, isNotNull } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getDb, getSqlite } from "@/db/client";
import { driftResults, pipelines, runSteps } from "@/db/schema";
import { importCsvBatch } from "@/lib/data/import-batch";
import { executeRun } from "@/lib/pipeline/run-pipeline";
import { getRun, insertPipeline, startRun } from "@/lib/pipeline/store";
import type { FeatureDefinition } from "@/lib/pipeline/types";
import { useTempDatabase } from "@/lib/test/auth-db";
import { createWarehouseDatabase, loadTable, readShared, TELCO_CSV, TELCO_TYPES } from "@/lib/test/warehouse-data";
import { ensureDatasetId, insertSource, updateSource } from "./store";

useTempDatabase();
const DATABASE = "pushdown_pipeline_test";
let warehouse: pg.Client;
let config: { kind: "postgres"; host: string; port: number; database: string; user: string; ssl: boolean };
let columnNames: string[];

const feature = (name: string, kind: FeatureDefinition["kind"]): FeatureDefinition => ({ name, kind, description: "", transformation: "", owner: "" });
const FEATURES = [feature("tenure", "numeric"), feature("Contract", "categorical"), feature("MonthlyCharges", "numeric"), feature("TotalCharges", "numeric"), feature("InternetService", "categorical"), feature("SeniorCitizen", "boolean")];

beforeAll(async () => {
  const database = await createWarehouseDatabase(inject("postgresUrl"), DATABASE);
  config = { kind: "postgres", ...database, ssl: false };
  warehouse = new pg.Client({ ...config });
  await warehouse.connect();
  const { columns } = await readShared(TELCO_CSV, "Churn", "Yes", "customerID");
  columnNames = Object.keys(columns);
  await loadTable(warehouse, "customers", columns, TELCO_TYPES);
}, 60_000);

afterAll(async () => {
  await warehouse?.end();
});

function telcoPipeline(name: string, datasetId: number, sourceId: number | null) {
  return insertPipeline({
    name,
    datasetId,
    sourceId,
    targetColumn: "Churn",
    positiveValue: "Yes",
    idColumn: "customerID",
    features: FEATURES,
    hyperparameters: { maxDepth: 6, minSamplesLeaf: 20 },
    split: { kind: "stratified", testSize: 0.2, seed: 42 },
    gates: [],
    deployPolicy: "auto",
    riskBands: { high: 0.6, medium: 0.3 },
  });
}

const stepsOf = (runId: number) => getDb().select().from(runSteps).where(eq(runSteps.runId, runId)).orderBy(asc(runSteps.id)).all();
const driftOf = (runId: number) =>
  Object.fromEntries(
    getDb()
      .select()
      .from(driftResults)
      .where(and(eq(driftResults.runId, runId), isNotNull(driftResults.feature)))
      .all()
      .map((row) => [row.feature, row.metrics]),
  );

describe("a pipeline on a PostgreSQL source", () => {
  it("pushes scoring and profiling down above the threshold, with the same reports as the CSV pipeline", async () => {
    const csv = await importCsvBatch(TELCO_CSV, { dataset: "Telco CSV", source: "cli", target: "Churn", positive: "Yes", id: "customerID" });
    const csvPipeline = telcoPipeline("Telco from CSV", csv.datasetId, null);
    const sourceId = insertSource({
      name: "Customers table",
      kind: "postgres",
      config,
      query: `SELECT ${columnNames.map((c) => `"${c}"`).join(", ")} FROM customers ORDER BY row_no`,
      datasetId: ensureDatasetId("Telco warehouse"),
      targetColumn: "Churn",
      positiveValue: "Yes",
      idColumn: "customerID",
      pushdownThreshold: 1_000,
      scoreTable: "analytics_scores",
    });
    const warehousePipeline = telcoPipeline("Telco from PostgreSQL", ensureDatasetId("Telco warehouse"), sourceId);

    const csvRun = startRun(csvPipeline, "manual");
    await executeRun(csvRun);
    const run = startRun(warehousePipeline, "manual");
    await executeRun(run);
    expect(getRun(csvRun)!.status).toBe("succeeded");
    expect(getRun(run)).toMatchObject({ status: "succeeded", error: null });

    const steps = Object.fromEntries(stepsOf(run).map((s) => [s.name, s]));
    expect(steps.extract.messages).toContain("7043 rows is above the push-down threshold of 1000: scoring and drift profiling run inside the warehouse; training uses the batch.");
    expect(steps.extract.counts).toMatchObject({ warehouseRows: 7043, pushdown: 1 });
    expect(steps.score.counts).toMatchObject({ scored: 7043, unscorable: 0 });
    expect(steps.score.messages[0]).toMatch(/^Scored 7043 customers in the warehouse with v1, written to analytics_scores/);
    expect(steps.monitor.messages[0]).toMatch(/^Profiled 7043 rows inside the warehouse/);

    // Same scores: the app's table for the CSV pipeline, the warehouse table for the pushed-down one.
    const inApp = new Map((getSqlite().prepare("SELECT entity_id, probability FROM scores WHERE run_id = ?").all(csvRun) as { entity_id: string; probability: number }[]).map((r) => [r.entity_id, r.probability]));
    const written = (await warehouse.query({ text: "SELECT entity_id, probability FROM analytics_scores WHERE run_id = $1", values: [run], rowMode: "array" })).rows as [string, number][];
    expect(written).toHaveLength(7043);
    expect(Math.max(...written.map(([id, p]) => Math.abs(p - inApp.get(id)!)))).toBeLessThanOrEqual(1e-12);
    expect((getSqlite().prepare("SELECT count(*) AS n FROM scores WHERE run_id = ?").get(run) as { n: number }).n).toBe(0);

    // Same drift report, feature by feature; Wasserstein stays in the app (it needs the values).
    const fromCsv = driftOf(csvRun);
    const fromWarehouse = driftOf(run);
    expect(Object.keys(fromWarehouse).sort()).toEqual(Object.keys(fromCsv).sort());
    for (const [name, metrics] of Object.entries(fromCsv)) {
      const { wasserstein, wassersteinNormalized, reason, ...rest } = metrics as Record<string, unknown>;
      void [wasserstein, wassersteinNormalized, reason];
      expect(fromWarehouse[name], name).toMatchObject(rest);
    }
  });

  it("stays in the app at or below the threshold, and says so", async () => {
    const pipeline = getDb().select().from(pipelines).where(eq(pipelines.name, "Telco from PostgreSQL")).get()!;
    updateSource(pipeline.sourceId!, { pushdownThreshold: 10_000 });
    const run = startRun(pipeline.id, "manual");
    await executeRun(run);
    expect(getRun(run)!.status).toBe("succeeded");
    const steps = Object.fromEntries(stepsOf(run).map((s) => [s.name, s]));
    expect(steps.extract.messages).toContain("7043 rows is within the push-down threshold of 10000: scoring and profiling run in the app.");
    expect((getSqlite().prepare("SELECT count(*) AS n FROM scores WHERE run_id = ?").get(run) as { n: number }).n).toBe(7043);
  });
});
