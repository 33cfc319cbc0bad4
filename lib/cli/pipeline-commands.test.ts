import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { DEMO_DATA } from "@/lib/data/demo-data";
import { importCsvBatch } from "@/lib/data/import-batch";
import { insertTelcoPipeline } from "@/lib/test/pipelines";
import { tempDir } from "@/lib/test/temp-files";

const tmp = tempDir();
const dbPath = join(tmp.dir, "cli.db");
const BIN = join(process.cwd(), "bin", "driftline");

function driftline(...args: string[]) {
  const run = spawnSync(BIN, [...args, "--json"], { cwd: tmp.dir, encoding: "utf8", env: { ...process.env, DATABASE_PATH: dbPath } });
  return { status: run.status, json: () => JSON.parse(run.stdout), stderr: run.stderr };
}

beforeAll(async () => {
  process.env.DATABASE_PATH = dbPath;
  migrateDatabase();
  const { datasetId } = await importCsvBatch(DEMO_DATA.telco, { dataset: "Telco", source: "cli", target: "Churn", id: "customerID" });
  insertTelcoPipeline(datasetId, { name: "telco" });
  closeDb();
});
afterAll(tmp.cleanup);

describe("driftline run, promote, rollback, export-sql", () => {
  it("runs the pipeline headless and prints a JSON summary of every step", () => {
    const run = driftline("run", "--pipeline", "telco");
    expect(run.status, run.stderr).toBe(0);
    const json = run.json();
    expect(json).toMatchObject({ pipeline: "telco", status: "succeeded", error: null, modelVersion: { version: 1, gatesPassed: true }, champion: { version: 1 } });
    expect(json.steps.map((s: { name: string; status: string }) => `${s.name}:${s.status}`)).toEqual([
      "extract:succeeded", "validate_data:succeeded", "train:succeeded", "validate_model:succeeded", "register:succeeded", "deploy:succeeded", "score:succeeded", "monitor:succeeded",
    ]);
    expect(json.steps.find((s: { name: string }) => s.name === "score").counts).toMatchObject({ scored: 7043, unscorable: 0 });
  });

  it("refuses to roll back with no earlier champion, then rolls back after a second run", () => {
    expect(driftline("rollback", "--pipeline", "telco").json().error.code).toBe("nothing_to_roll_back");
    expect(driftline("run", "--pipeline", "telco").json().champion.version).toBe(2);
    const rolled = driftline("rollback", "--pipeline", "telco", "--reason", "checking");
    expect(rolled.json()).toMatchObject({ from: { version: 2 }, to: { version: 1 } });
    expect(driftline("promote", "--pipeline", "telco", "--version", "2").json().champion.version).toBe(2);
  });

  it("exports the champion as SQL and names an unknown pipeline", () => {
    const sql = driftline("export-sql", "--pipeline", "telco", "--dialect", "postgres").json();
    expect(sql).toMatchObject({ version: 2, dialect: "postgres" });
    expect(sql.sql).toMatch(/^CASE\n/);
    expect(sql.sql).toContain('CAST("tenure" AS DOUBLE PRECISION)');
    const unknown = driftline("run", "--pipeline", "nope");
    expect(unknown.status).toBe(1);
    expect(unknown.json().error.code).toBe("unknown_pipeline");
    expect(driftline("run").status).toBe(2);
  });
});
