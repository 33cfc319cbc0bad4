import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { aliasHistory, modelVersions, pipelines, runSteps, scores } from "@/db/schema";
import { DEMO_DATA } from "@/lib/data/demo-data";
import { importCsvBatch } from "@/lib/data/import-batch";
import { tempDir } from "@/lib/test/temp-files";
import { championAt, listAliasHistory, promote, rollback } from "./registry";
import { executeRun } from "./run-pipeline";
import { getChampionVersion, getRun, startRun } from "./store";
import { insertTelcoPipeline, telcoFeatures } from "@/lib/test/pipelines";

const tmp = tempDir();
let pipelineId: number;

beforeAll(async () => {
  process.env.DATABASE_PATH = `${tmp.dir}/deploy.db`;
  migrateDatabase();
  const { datasetId } = await importCsvBatch(DEMO_DATA.telco, { dataset: "Telco", source: "cli", target: "Churn", id: "customerID" });
  pipelineId = insertTelcoPipeline(datasetId, {
    name: "telco",
    features: telcoFeatures(["tenure", "Contract", "MonthlyCharges", "TotalCharges", "InternetService", "PaymentMethod"], { Contract: "contract term" }),
    hyperparameters: { maxDepth: 6, minSamplesLeaf: 20 },
    split: { kind: "stratified", testSize: 0.2, seed: 42 },
  });
});
afterAll(() => {
  closeDb();
  tmp.cleanup();
});

async function run(): Promise<number> {
  const runId = startRun(pipelineId, "cli");
  await executeRun(runId);
  expect(getRun(runId)?.error).toBeNull();
  return runId;
}

const stepOf = (runId: number, name: "deploy" | "score") =>
  getDb().select().from(runSteps).where(eq(runSteps.runId, runId)).all().find((s) => s.name === name)!;
const scoresOf = (runId: number) => getDb().select().from(scores).where(eq(scores.runId, runId)).orderBy(asc(scores.id)).all();

describe("deployment and scoring", () => {
  let first: number;
  let second: number;

  it("promotes a version that passes the gates and scores all 7,043 customers with reasons", async () => {
    first = await run();
    expect(stepOf(first, "deploy").messages[0]).toMatch(/^Promoted v1 to champion/);
    expect(getChampionVersion(pipelineId)?.version).toBe(1);
    const stored = scoresOf(first);
    expect(stored).toHaveLength(7043);
    expect(stepOf(first, "score").counts).toMatchObject({ scored: 7043, unscorable: 0 });
    for (const score of stored) {
      expect(score.band).toBe(score.probability >= 0.6 ? "high" : score.probability >= 0.3 ? "medium" : "low");
      expect(score.previousProbability).toBeNull();
    }
    const high = stored.find((s) => s.band === "high")!;
    expect(high.reasons.length).toBeGreaterThan(0);
    expect(stored.some((s) => s.reasons.some((r) => r.includes("(contract term)")))).toBe(true);
  });

  it("records the previous probability when the next run scores again", async () => {
    second = await run();
    expect(getChampionVersion(pipelineId)?.version).toBe(2);
    const before = new Map(scoresOf(first).map((s) => [s.entityId, s.probability]));
    for (const score of scoresOf(second)) expect(score.previousProbability).toBe(before.get(score.entityId));
    const risen = scoresOf(second).filter((s) => s.band === "high" && before.get(s.entityId)! < 0.6).length;
    expect(stepOf(second, "score").counts!.risenToHigh).toBe(risen);
  });

  it("blocks a worse model at the champion gate and keeps the champion and its scores", async () => {
    getDb().update(pipelines).set({ hyperparameters: { maxDepth: 1, minSamplesLeaf: 20 } }).where(eq(pipelines.id, pipelineId)).run();
    const worse = await run();
    const v3 = getDb().select().from(modelVersions).where(eq(modelVersions.runId, worse)).get()!;
    expect(v3.gatesPassed).toBe(false);
    expect(v3.gateResults!.find((g) => g.gate.kind === "vs_champion")).toMatchObject({ passed: false });
    expect(stepOf(worse, "deploy").messages[0]).toMatch(/v3 is challenger, not champion: a gate failed/);
    expect(getChampionVersion(pipelineId)?.version).toBe(2);
    const championId = getChampionVersion(pipelineId)!.id;
    expect(scoresOf(worse).every((s) => s.modelVersionId === championId)).toBe(true);

    expect(() => promote(v3.id, "analyst@example.com", "")).toThrow(/only an admin can promote it/);
    expect(() => promote(v3.id, "admin@example.com", "", true)).toThrow(/Say why/);
    promote(v3.id, "admin@example.com", "campaign needs the simpler model", true);
    expect(getChampionVersion(pipelineId)?.version).toBe(3);
    expect(listAliasHistory(pipelineId)[0].history).toMatchObject({ actor: "admin@example.com", reason: "campaign needs the simpler model" });
  });

  it("rolls back to the previous champion and answers which version was champion at a time", async () => {
    const { to } = rollback(pipelineId, "admin@example.com", "v3 scores look wrong");
    expect(getChampionVersion(pipelineId)?.id).toBe(to);
    expect(getChampionVersion(pipelineId)?.version).toBe(2);
    const history = getDb().select().from(aliasHistory).where(eq(aliasHistory.alias, "champion")).orderBy(asc(aliasHistory.id)).all();
    expect(history.map((h) => h.previousModelVersionId === null)).toEqual([true, false, false, false]);
    expect(championAt(pipelineId, new Date(0))).toBeNull();
    // At the moment v3 was promoted (a time read from the history, so no clock race), v3 was champion.
    const v3 = getDb().select().from(modelVersions).where(eq(modelVersions.version, 3)).get()!;
    const promotedAt = history.find((h) => h.modelVersionId === v3.id)!.at;
    expect(championAt(pipelineId, promotedAt)).toBe(v3.id);
    expect(championAt(pipelineId, new Date(Date.now() + 60_000))).toBe(to);
  });
});
