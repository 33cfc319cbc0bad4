import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { performanceResults } from "@/db/schema";
import { DEMO_DATA } from "@/lib/data/demo-data";
import { importCsvBatch } from "@/lib/data/import-batch";
import { executeRun } from "@/lib/pipeline/run-pipeline";
import { startRun } from "@/lib/pipeline/store";
import { insertTelcoPipeline } from "@/lib/test/pipelines";
import { tempDir } from "@/lib/test/temp-files";
import { getPerformanceHistory } from "./performance";

// The query module is server-only for the app; under vitest the marker would refuse to load.
vi.mock("server-only", () => ({}));

const tmp = tempDir();
const DAY = 86_400_000;
let pipelineId: number;
const runIds: number[] = [];

beforeAll(async () => {
  process.env.DATABASE_PATH = `${tmp.dir}/performance-query.db`;
  migrateDatabase();
  const { datasetId } = await importCsvBatch(DEMO_DATA.telco, { dataset: "Telco", source: "cli", target: "Churn", id: "customerID" });
  pipelineId = insertTelcoPipeline(datasetId, { name: "telco" });
  for (const days of [0, 40]) {
    if (days > 0) await importCsvBatch(DEMO_DATA.telco, { dataset: "Telco", source: "cli", target: "Churn", id: "customerID", asOf: new Date(Date.now() + days * DAY) });
    const runId = startRun(pipelineId, "cli");
    await executeRun(runId);
    runIds.push(runId);
  }
});
afterAll(() => {
  closeDb();
  tmp.cleanup();
});

describe("getPerformanceHistory", () => {
  it("gives one point per scoring run with its estimate, the realised values once labelled, and the ROC AUC floor", () => {
    const history = getPerformanceHistory(pipelineId);
    expect(history.rocAucFloor).toBe(0.75);
    expect(history.points.map((p) => p.runId)).toEqual(runIds);
    const stored = getDb().select().from(performanceResults).all();
    const realised = stored.find((r) => r.kind === "realised")!;
    expect(history.points[0].realised).toEqual({
      n: 7043, labelBatchId: realised.labelBatchId,
      rocAuc: realised.metrics.rocAuc, precision: realised.metrics.precision, recall: realised.metrics.recall, brier: realised.metrics.brier,
    });
    expect(history.points[1].realised).toBeNull();
    for (const point of history.points) expect(point.estimated).toEqual(expect.objectContaining({ n: 7043, rocAuc: expect.any(Number), brier: expect.any(Number) }));
  });
});
