/**
 * Crash safety: a real `bin/driftline` child process on a real SQLite file is killed with SIGKILL (the
 * DRIFTLINE_CRASH_AT hook, lib/crash-point.ts) at the start of every pipeline step and inside every
 * step's write transaction, and during `ingest --store`. After each kill the database must be consistent
 * before any recovery runs, and the start-up recovery must fail the dead run with its reason and release
 * its lock so the next run goes ahead.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getSqlite } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { DEMO_DATA } from "@/lib/data/demo-data";
import { latestScoringRun } from "@/lib/pipeline/scores-store";
import { recoverInterruptedRuns } from "@/lib/pipeline/store";
import { insertTelcoPipeline } from "@/lib/test/pipelines";
import { tempDir } from "@/lib/test/temp-files";

const tmp = tempDir("driftline-crash-");
const dbPath = join(tmp.dir, "crash.db");
const BIN = join(process.cwd(), "bin", "driftline");
// 1,500 customers keep each child run to a couple of seconds; the steps are the same at any size.
const telco = readFileSync(DEMO_DATA.telco, "utf8").split("\n");
const TRAINING_CSV = tmp.file("telco.csv", `${telco.slice(0, 1501).join("\n")}\n`);
const NEXT_BATCH_CSV = tmp.file("telco-next.csv", `${[telco[0], ...telco.slice(1501, 2501)].join("\n")}\n`);

function driftline(args: string[], crashAt?: string) {
  const env = { ...process.env, DATABASE_PATH: dbPath, DRIFTLINE_CRASH_AT: crashAt ?? "" };
  const child = spawnSync(BIN, [...args, "--json"], { cwd: tmp.dir, encoding: "utf8", env });
  // bin/driftline runs the code in tsx's child process; tsx reports that child's SIGKILL as exit code 137.
  const killed = child.signal === "SIGKILL" || child.status === 128 + 9;
  return { status: child.status, killed, stdout: child.stdout, stderr: child.stderr };
}

const sql = <T>(query: string, ...params: unknown[]) => getSqlite().prepare(query).all(...params) as T[];
const one = <T>(query: string, ...params: unknown[]) => getSqlite().prepare(query).get(...params) as T;

/** What a killed run must leave as it was, or exactly as a completed step left it. */
function snapshot(pipelineId: number) {
  const scoringRun = latestScoringRun(pipelineId);
  return {
    champion: one<{ id: number } | undefined>("SELECT model_version_id AS id FROM aliases WHERE pipeline_id = ? AND alias = 'champion'", pipelineId)?.id ?? null,
    scoringRun,
    scores: one<{ n: number }>("SELECT count(*) AS n FROM scores WHERE run_id = ?", scoringRun ?? -1).n,
    batches: one<{ n: number }>("SELECT count(*) AS n FROM batches").n,
    batchRows: one<{ n: number }>("SELECT count(*) AS n FROM batch_rows").n,
  };
}

const stepStatus = (runId: number, name: string) => one<{ status: string }>("SELECT status FROM run_steps WHERE run_id = ? AND name = ?", runId, name).status;

/** Invariants that hold after any kill, before recovery: nothing half-written anywhere. */
function expectConsistent() {
  expect(sql<{ integrity_check: string }>("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
  expect(sql("PRAGMA foreign_key_check")).toEqual([]);
  // Stored rows exist only together with the step that owns them, so no step's work is half there.
  expect(sql("SELECT DISTINCT s.run_id FROM scores s JOIN run_steps st ON st.run_id = s.run_id AND st.name = 'score' WHERE st.status <> 'succeeded'")).toEqual([]);
  expect(sql("SELECT DISTINCT d.run_id FROM drift_results d JOIN run_steps st ON st.run_id = d.run_id AND st.name = 'monitor' WHERE st.status <> 'succeeded'")).toEqual([]);
  expect(sql("SELECT DISTINCT p.scoring_run_id FROM performance_results p JOIN run_steps st ON st.run_id = p.scoring_run_id AND st.name = 'monitor' WHERE p.kind = 'estimated' AND st.status <> 'succeeded'")).toEqual([]);
  expect(sql("SELECT v.id FROM model_versions v JOIN run_steps st ON st.run_id = v.run_id AND st.name = 'register' WHERE st.status <> 'succeeded'")).toEqual([]);
  // The champion is the latest champion move in the history, and every batch holds all its rows.
  expect(sql("SELECT a.pipeline_id FROM aliases a WHERE a.model_version_id <> (SELECT h.model_version_id FROM alias_history h WHERE h.pipeline_id = a.pipeline_id AND h.alias = a.alias ORDER BY h.id DESC LIMIT 1)")).toEqual([]);
  expect(sql("SELECT b.id FROM batches b WHERE b.row_count <> (SELECT count(*) FROM batch_rows r WHERE r.batch_id = b.id)")).toEqual([]);
}

/** The start-up recovery (the server's instrumentation and every pipeline CLI command call it). */
function expectRecovered(runId: number, pipelineId: number) {
  expect(recoverInterruptedRuns()).toBe(1);
  const run = one<{ status: string; error: string }>("SELECT status, error FROM runs WHERE id = ?", runId);
  expect(run.status).toBe("failed");
  expect(run.error).toMatch(/^The process running this run \(pid \d+\) stopped before it finished/);
  expect(sql("SELECT name FROM run_steps WHERE run_id = ? AND status IN ('running', 'pending')", runId)).toEqual([]);
  expect(sql("SELECT run_id FROM pipeline_locks WHERE pipeline_id = ?", pipelineId)).toEqual([]);
}

let pipelineId: number;
const lastRunId = () => one<{ id: number }>("SELECT max(id) AS id FROM runs").id;

beforeAll(() => {
  process.env.DATABASE_PATH = dbPath;
  migrateDatabase();
  const ingested = driftline(["ingest", TRAINING_CSV, "--store", "--dataset", "Telco", "--target", "Churn", "--positive", "Yes", "--id", "customerID"]);
  expect(ingested.status, ingested.stderr).toBe(0);
  const { datasetId } = one<{ datasetId: number }>("SELECT id AS datasetId FROM datasets WHERE name = 'Telco'");
  pipelineId = insertTelcoPipeline(datasetId, { name: "telco" });
  const first = driftline(["run", "--pipeline", "telco"]);
  expect(first.status, first.stderr).toBe(0);
}, 120_000);
afterAll(() => {
  closeDb();
  tmp.cleanup();
});

// Points before the deploy commit leave the champion; points before the score commit leave the scores.
const RUN_POINTS = [
  { at: "extract", champion: "kept", scores: "kept" },
  { at: "validate_data", champion: "kept", scores: "kept" },
  { at: "train", champion: "kept", scores: "kept" },
  { at: "validate_model", champion: "kept", scores: "kept" },
  { at: "register", champion: "kept", scores: "kept" },
  { at: "register:write", champion: "kept", scores: "kept" },
  { at: "deploy", champion: "kept", scores: "kept" },
  { at: "deploy:write", champion: "kept", scores: "kept" },
  { at: "score", champion: "moved", scores: "kept" },
  { at: "score:write", champion: "moved", scores: "kept" },
  { at: "monitor", champion: "moved", scores: "moved" },
  { at: "monitor:write", champion: "moved", scores: "moved" },
] as const;

describe("a pipeline run killed with SIGKILL", () => {
  it.each(RUN_POINTS)("at $at leaves the database consistent, and the next start fails the run and frees the lock", ({ at, champion, scores }) => {
    const before = snapshot(pipelineId);
    const killed = driftline(["run", "--pipeline", "telco"], at);
    expect(killed.killed, killed.stderr).toBe(true);
    const runId = lastRunId();
    expect(one<{ status: string }>("SELECT status FROM runs WHERE id = ?", runId).status).toBe("running");
    expectConsistent();

    const after = snapshot(pipelineId);
    const registered = one<{ id: number | null }>("SELECT model_version_id AS id FROM runs WHERE id = ?", runId).id;
    if (champion === "kept") expect(after.champion).toBe(before.champion);
    else expect([after.champion, stepStatus(runId, "deploy")]).toEqual([registered, "succeeded"]);
    if (scores === "kept") expect([after.scoringRun, after.scores]).toEqual([before.scoringRun, before.scores]);
    else expect([after.scoringRun, after.scores]).toEqual([runId, 1500]);
    expect([after.batches, after.batchRows]).toEqual([before.batches, before.batchRows]);

    expectRecovered(runId, pipelineId);
    expectConsistent();
  });

  it("while alerts are evaluated and notifications sent, after the run ended, leaves that run succeeded and unlocked", () => {
    const killed = driftline(["run", "--pipeline", "telco"], "notify");
    expect(killed.killed, killed.stderr).toBe(true);
    const runId = lastRunId();
    expect(one<{ status: string }>("SELECT status FROM runs WHERE id = ?", runId).status).toBe("succeeded");
    expect(sql("SELECT run_id FROM pipeline_locks WHERE pipeline_id = ?", pipelineId)).toEqual([]);
    expect(snapshot(pipelineId).scoringRun).toBe(runId);
    expectConsistent();
  });

  it("does not block the next CLI run, which completes and becomes the current scores", () => {
    expect(driftline(["run", "--pipeline", "telco"], "train").killed).toBe(true);
    const dead = lastRunId();
    const next = driftline(["run", "--pipeline", "telco"]);
    expect(next.status, next.stderr).toBe(0);
    expect(one<{ status: string }>("SELECT status FROM runs WHERE id = ?", dead).status).toBe("failed");
    expect(JSON.parse(next.stdout)).toMatchObject({ status: "succeeded" });
    expect(snapshot(pipelineId).scoringRun).toBe(lastRunId());
    expectConsistent();
  });
});

describe("ingest --store killed with SIGKILL", () => {
  const ingest = (crashAt: string) =>
    driftline(["ingest", NEXT_BATCH_CSV, "--store", "--dataset", "Telco", "--target", "Churn", "--positive", "Yes", "--id", "customerID"], crashAt);

  it("inside the import transaction stores no batch and no row", () => {
    const before = snapshot(pipelineId);
    expect(ingest("ingest:write").killed).toBe(true);
    expectConsistent();
    expect(snapshot(pipelineId)).toEqual(before);
  });

  it("during the monitoring run it starts keeps the whole batch and the previous scores", () => {
    const before = snapshot(pipelineId);
    expect(ingest("score:write").killed).toBe(true);
    expectConsistent();
    const after = snapshot(pipelineId);
    expect([after.batches, after.batchRows]).toEqual([before.batches + 1, before.batchRows + 1000]);
    expect([after.champion, after.scoringRun, after.scores]).toEqual([before.champion, before.scoringRun, before.scores]);
    const runId = lastRunId();
    expect(one<{ trigger: string }>("SELECT trigger FROM runs WHERE id = ?", runId).trigger).toBe("ingest");
    expectRecovered(runId, pipelineId);
  });
});
