import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { DEMO_DATA } from "@/lib/data/demo-data";
import { importCsvBatch } from "@/lib/data/import-batch";
import { tempDir } from "@/lib/test/temp-files";
import { launchRun } from "./launch-run";
import { getChampionVersion, getRun, insertPipeline, listRunSteps, startRun } from "./store";

const tmp = tempDir();
let pipelineId: number;

beforeAll(async () => {
  process.env.DATABASE_PATH = `${tmp.dir}/launch.db`;
  migrateDatabase();
  const { datasetId } = await importCsvBatch(DEMO_DATA.telco, { dataset: "Telco", source: "cli", target: "Churn", id: "customerID" });
  pipelineId = insertPipeline({
    name: "telco",
    datasetId,
    targetColumn: "Churn",
    positiveValue: "Yes",
    idColumn: "customerID",
    features: [{ name: "tenure", kind: "numeric", description: "", transformation: "", owner: "" }, { name: "Contract", kind: "categorical", description: "", transformation: "", owner: "" }],
    hyperparameters: { maxDepth: 4, minSamplesLeaf: 20 },
    split: { kind: "stratified", testSize: 0.2, seed: 42 },
    gates: [],
    deployPolicy: "auto",
    riskBands: { high: 0.6, medium: 0.3 },
  });
});
afterAll(() => {
  closeDb();
  tmp.cleanup();
});

describe("a run launched in its own process", () => {
  it("trains, deploys and scores there, and the server's database sees the outcome", async () => {
    const runId = startRun(pipelineId, "manual");
    const child = launchRun(runId);
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
    expect(getRun(runId)).toMatchObject({ status: "succeeded", error: null });
    expect(listRunSteps(runId).find((step) => step.name === "score")?.counts).toMatchObject({ scored: 7043 });
    expect(getChampionVersion(pipelineId)?.version).toBe(1);
  }, 60_000);

  it("fails the run with the reason when its process dies before finishing", async () => {
    const runId = startRun(pipelineId, "manual");
    const child = launchRun(runId);
    child.kill("SIGKILL");
    await once(child, "exit");
    const run = getRun(runId)!;
    expect(run.status).toBe("failed");
    expect(run.error).toContain("signal SIGKILL");
  }, 60_000);
});
