import { once } from "node:events";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { DEMO_DATA } from "@/lib/data/demo-data";
import { importCsvBatch } from "@/lib/data/import-batch";
import { tempDir } from "@/lib/test/temp-files";
import { launchRun, RUN_NICENESS } from "./launch-run";
import { getChampionVersion, getRun, insertPipeline, listRunSteps, startRun } from "./store";

const tmp = tempDir();
let pipelineId: number;

/** The nice values of the live processes running this run's entry point (the tsx launcher and its node); Linux only. */
function runProcessNiceness(runId: number): number[] {
  if (!existsSync("/proc/self/stat")) return [];
  return readdirSync("/proc").filter((entry) => /^\d+$/.test(entry)).flatMap((pid) => {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      // `nice` itself, not yet replaced by tsx, still has the server's priority.
      if (args[0] === "nice" || !args.some((arg) => arg.endsWith("run-process.ts")) || !args.includes(String(runId))) return [];
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // Fields after the parenthesised command name start at field 3; nice is field 19.
      return [Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16])];
    } catch {
      return []; // the process ended while being read
    }
  });
}

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
    const exited = once(child, "exit");
    // While it works, every process of the run is below the server's priority.
    const niceness = new Set<number>();
    while (child.exitCode === null && child.signalCode === null) {
      for (const nice of runProcessNiceness(runId)) niceness.add(nice);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const [code] = await exited;
    expect(code).toBe(0);
    if (process.platform === "linux") expect([...niceness]).toEqual([RUN_NICENESS]);
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
