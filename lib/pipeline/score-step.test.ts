import { writeFileSync, readFileSync } from "node:fs";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { runSteps, scores } from "@/db/schema";
import { DEMO_DATA } from "@/lib/data/demo-data";
import { importCsvBatch } from "@/lib/data/import-batch";
import { insertTelcoPipeline } from "@/lib/test/pipelines";
import { tempDir } from "@/lib/test/temp-files";
import { executeRun } from "./run-pipeline";
import { scoreLatestBatch } from "./score-step";
import { finishRun, getPipelineById, startRun } from "./store";

const tmp = tempDir();
let pipelineId: number;
let trainingRun: number;

/** Telco with MonthlyCharges unreadable in data rows 3 and 6,500: one in the first chunk, one in the seventh. */
function telcoWithBadCells(): string {
  const lines = readFileSync(DEMO_DATA.telco, "utf8").trimEnd().split(/\r?\n/);
  const column = lines[0].split(",").indexOf("MonthlyCharges");
  for (const row of [3, 6500]) {
    const cells = lines[row].split(",");
    cells[column] = "n/a";
    lines[row] = cells.join(",");
  }
  return lines.join("\n");
}

beforeAll(async () => {
  process.env.DATABASE_PATH = `${tmp.dir}/score-step.db`;
  migrateDatabase();
  const { datasetId } = await importCsvBatch(DEMO_DATA.telco, { dataset: "Telco", source: "cli", target: "Churn", id: "customerID" });
  const path = `${tmp.dir}/current.csv`;
  writeFileSync(path, telcoWithBadCells());
  const current = await importCsvBatch(path, { dataset: "Telco current", source: "cli", id: "customerID", types: { MonthlyCharges: "categorical" } });
  pipelineId = insertTelcoPipeline(datasetId, { name: "chunked", scoringDatasetId: current.datasetId });
  trainingRun = startRun(pipelineId, "cli");
  await executeRun(trainingRun);
});
afterAll(() => {
  closeDb();
  tmp.cleanup();
});

const scoresOf = (runId: number) => getDb().select().from(scores).where(eq(scores.runId, runId)).orderBy(asc(scores.id)).all();

describe("the score step, a chunk at a time", () => {
  it("scores in chunks of 1,000 rows exactly as in one, naming unreadable rows by their batch row", () => {
    const runId = startRun(pipelineId, "cli");
    const outcome = scoreLatestBatch(getPipelineById(pipelineId)!, runId, 1000);
    finishRun(runId, "succeeded");
    const oneChunk = scoresOf(trainingRun);
    const chunked = scoresOf(runId);
    expect(oneChunk).toHaveLength(7041);
    expect(chunked.map((s) => [s.entityId, s.probability, s.band, s.reasons])).toEqual(oneChunk.map((s) => [s.entityId, s.probability, s.band, s.reasons]));
    const ids = readFileSync(DEMO_DATA.telco, "utf8").split(/\r?\n/).map((line) => line.split(",")[0]);
    expect(outcome.counts).toMatchObject({ scored: 7041, unscorable: 2 });
    expect(outcome.messages).toContain(`row 3 (${ids[3]}): MonthlyCharges: "n/a" is not a number`);
    expect(outcome.messages).toContain(`row 6500 (${ids[6500]}): MonthlyCharges: "n/a" is not a number`);
    const stored = getDb().select().from(runSteps).where(eq(runSteps.runId, runId)).all().find((s) => s.name === "score")!;
    expect(stored.counts).toEqual(outcome.counts);
  });
});
