/**
 * The database side of pipeline runs: locks, steps, progress, model registration. Used by the server and
 * the CLI alike (so no "server-only"). Writes that must be all-or-nothing are one synchronous transaction.
 */
import { and, asc, desc, eq, max } from "drizzle-orm";
import type Database from "better-sqlite3";
import { getDb, getSqlite, openSqlite } from "@/db/client";
import { aliases, batches, modelVersions, pipelineLocks, pipelines, runs, runSteps, RUN_TRIGGERS, type Batch, type NewPipeline } from "@/db/schema";
import { insertDefaultRules } from "@/lib/alerts/defaults";
import { now } from "@/lib/clock";
import { decodeCells } from "@/lib/data/row-cells";
import { AppError } from "@/lib/errors";
import { crashPoint } from "@/lib/crash-point";
import type { CellColumns } from "@/lib/training/predict-columns";
import type { RunProgress, StepName } from "./types";

export const PIPELINE_STEPS: StepName[] = ["extract", "validate_data", "train", "validate_model", "register", "deploy", "score", "monitor"];

/** Creates the pipeline with its default alert rules, so monitoring is never off by omission. */
export function insertPipeline(values: NewPipeline): number {
  const existing = getDb().select({ id: pipelines.id }).from(pipelines).where(eq(pipelines.name, values.name)).get();
  if (existing) throw new AppError("duplicate_name", `A pipeline named "${values.name}" already exists.`, { column: "name" }, 409);
  return getDb().transaction(() => {
    const id = getDb().insert(pipelines).values(values).returning({ id: pipelines.id }).get().id;
    insertDefaultRules({ id, features: values.features });
    return id;
  });
}

export function getPipelineById(id: number) {
  return getDb().select().from(pipelines).where(eq(pipelines.id, id)).get();
}

export function getPipelineByName(name: string) {
  return getDb().select().from(pipelines).where(eq(pipelines.name, name)).get();
}

/**
 * Creates a running run holding the pipeline's lock, or refuses when another run holds it. A lock whose
 * run's process has died (killed, crashed) is taken over: that run is failed with the reason first.
 */
export function startRun(pipelineId: number, trigger: (typeof RUN_TRIGGERS)[number], batchId?: number, slotKey?: string): number {
  const db = getDb();
  return db.transaction((tx) => {
    const held = tx.select({ runId: pipelineLocks.runId, pid: runs.pid }).from(pipelineLocks).innerJoin(runs, eq(runs.id, pipelineLocks.runId)).where(eq(pipelineLocks.pipelineId, pipelineId)).get();
    if (held && isProcessAlive(held.pid)) {
      throw new AppError("run_in_progress", `Run #${held.runId} of this pipeline is still running; wait for it or cancel it.`, {}, 409);
    }
    if (held) finishRun(held.runId, "failed", interruptedReason(held.pid));
    const startedAt = now();
    const runId = tx
      .insert(runs)
      .values({ pipelineId, trigger, status: "running", batchId, slotKey, pid: process.pid, startedAt, createdAt: startedAt, progress: { step: "extract", percent: 0, message: "Starting" } })
      .returning({ id: runs.id })
      .get().id;
    tx.insert(pipelineLocks).values({ pipelineId, runId, acquiredAt: startedAt }).run();
    tx.insert(runSteps).values(PIPELINE_STEPS.map((name) => ({ runId, name, status: "pending" as const, messages: [] }))).run();
    return runId;
  });
}

/** Whether the process that runs a run is still there (signal 0 only checks; EPERM means it exists). */
function isProcessAlive(pid: number | null): boolean {
  if (pid === null) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function interruptedReason(pid: number | null): string {
  return `The process running this run${pid === null ? "" : ` (pid ${pid})`} stopped before it finished (killed, crashed or the server stopped); nothing from the unfinished step was kept.`;
}

export function getRun(runId: number) {
  return getDb().select().from(runs).where(eq(runs.id, runId)).get();
}

export function listRunSteps(runId: number) {
  return getDb().select().from(runSteps).where(eq(runSteps.runId, runId)).orderBy(asc(runSteps.id)).all();
}

export function beginStep(runId: number, name: StepName, progress: RunProgress): void {
  const db = getDb();
  db.transaction((tx) => {
    tx.update(runSteps).set({ status: "running", startedAt: now() }).where(and(eq(runSteps.runId, runId), eq(runSteps.name, name))).run();
    tx.update(runs).set({ progress }).where(eq(runs.id, runId)).run();
  });
}

export function setProgress(runId: number, progress: RunProgress): void {
  getDb().update(runs).set({ progress }).where(eq(runs.id, runId)).run();
}

export interface StepOutcome {
  status: "succeeded" | "failed" | "skipped";
  counts?: Record<string, number>;
  messages?: string[];
  error?: string;
}

export function endStep(runId: number, name: StepName, result: StepOutcome): void {
  getDb()
    .update(runSteps)
    .set({ status: result.status, counts: result.counts, messages: result.messages ?? [], error: result.error, finishedAt: now() })
    .where(and(eq(runSteps.runId, runId), eq(runSteps.name, name)))
    .run();
}

/** Ends the run, releases the lock, and marks steps that never started as skipped, in one transaction. */
export function finishRun(runId: number, status: "succeeded" | "failed" | "cancelled", error?: string): void {
  const db = getDb();
  db.transaction((tx) => {
    const run = tx.select({ pipelineId: runs.pipelineId }).from(runs).where(eq(runs.id, runId)).get()!;
    tx.update(runs).set({ status, error, finishedAt: now() }).where(eq(runs.id, runId)).run();
    tx.update(runSteps).set({ status: "skipped" }).where(and(eq(runSteps.runId, runId), eq(runSteps.status, "pending"))).run();
    tx.update(runSteps)
      .set({ status: "failed", error: error ?? "stopped", finishedAt: now() })
      .where(and(eq(runSteps.runId, runId), eq(runSteps.status, "running")))
      .run();
    tx.delete(pipelineLocks).where(and(eq(pipelineLocks.pipelineId, run.pipelineId), eq(pipelineLocks.runId, runId))).run();
  });
}

export function requestCancel(runId: number): void {
  const run = getRun(runId);
  if (!run) throw new AppError("not_found", `Run #${runId} does not exist.`, {}, 404);
  if (run.status !== "running") throw new AppError("not_running", `Run #${runId} has already ${run.status}.`, {}, 409);
  getDb().update(runs).set({ cancelRequested: true }).where(eq(runs.id, runId)).run();
}

export function isCancelRequested(runId: number): boolean {
  return getDb().select({ c: runs.cancelRequested }).from(runs).where(eq(runs.id, runId)).get()?.c ?? false;
}

/**
 * Called once when a process starts (the server, or a CLI command that runs pipelines): runs left
 * "running" by a process that died are failed with the reason and their locks released. A run carrying
 * this process's own pid is stale too (a restarted container reuses pids), since this process has not
 * started any run yet; runs of other live processes (a CLI run beside the server) are left alone.
 */
export function recoverInterruptedRuns(): number {
  const running = getDb().select({ id: runs.id, pid: runs.pid }).from(runs).where(eq(runs.status, "running")).all();
  const stale = running.filter(({ pid }) => pid === process.pid || !isProcessAlive(pid));
  for (const { id, pid } of stale) finishRun(id, "failed", interruptedReason(pid));
  return stale.length;
}

/** Runs marked running whose process is alive (and not this one): work a restore must not pull the file from under. */
export function liveRuns(): { id: number; pid: number }[] {
  const running = getDb().select({ id: runs.id, pid: runs.pid }).from(runs).where(eq(runs.status, "running")).all();
  return running.filter((run): run is { id: number; pid: number } => run.pid !== null && run.pid !== process.pid && isProcessAlive(run.pid));
}

export function latestBatchId(datasetId: number): number | undefined {
  return getDb()
    .select({ id: batches.id })
    .from(batches)
    .where(eq(batches.datasetId, datasetId))
    .orderBy(desc(batches.asOf), desc(batches.id))
    .limit(1)
    .get()?.id;
}

/** Some of a batch's rows as cell columns; `rows` counts them even when none of the asked-for columns exists. */
export interface BatchChunk {
  columns: CellColumns;
  rows: number;
}

function getBatch(batchId: number) {
  const batch = getDb().select().from(batches).where(eq(batches.id, batchId)).get();
  if (!batch) throw new AppError("not_found", `Batch #${batchId} does not exist.`, {}, 404);
  return batch;
}

/**
 * Reads a batch's stored rows in row order into cell columns of the named columns only (all by default),
 * handing over a chunk of `chunkRows` rows at a time. Iterated row by row, so a large batch is never held
 * twice (JSON text and columns) in memory; `pluck` hands over the one column without a row object per row.
 */
function* readBatchRows(sqlite: Database.Database, batch: Batch, wanted: readonly string[] | null, chunkRows: number): Generator<BatchChunk> {
  const all = batch.columns.map((c) => c.name);
  const names = wanted === null ? all : wanted.filter((name) => all.includes(name));
  const positions = names.map((name) => all.indexOf(name));
  // Filled by push, not preallocated: V8 stores `new Array(n)` of a large n as a slow dictionary.
  let filled = names.map(() => [] as (string | null)[]);
  let rows = 0;
  const chunk = (): BatchChunk => ({ columns: Object.fromEntries(names.map((name, c) => [name, filled[c]])), rows });
  const stored = sqlite.prepare("SELECT cells FROM batch_rows WHERE batch_id = ? ORDER BY row_number").pluck().iterate(batch.id) as IterableIterator<string>;
  for (const cells of stored) {
    const values = decodeCells(cells);
    for (let c = 0; c < positions.length; c++) filled[c].push(values[positions[c]]);
    if (++rows === chunkRows) {
      yield chunk();
      filled = names.map(() => []);
      rows = 0;
    }
  }
  if (rows > 0) yield chunk();
}

/** Every stored row of a batch as cell columns, in row order. */
export function loadBatchColumns(batchId: number) {
  const batch = getBatch(batchId);
  const [whole] = readBatchRows(getSqlite(), batch, null, Infinity);
  // A batch without rows still has its columns, empty.
  return { batch, columns: whole?.columns ?? Object.fromEntries(batch.columns.map((c) => [c.name, []])) };
}

/**
 * The batch's rows `chunkRows` at a time (only the named columns), read on a connection of its own, so
 * the shared one can write inside a transaction while they stream. Columns the batch lacks are left out.
 * A consumer must finish the loop or break out of it (for…of does either), which closes the connection.
 */
export function* streamBatchColumns(batchId: number, columns: readonly string[], chunkRows: number): Generator<BatchChunk> {
  const batch = getBatch(batchId);
  const reader = openSqlite();
  try {
    yield* readBatchRows(reader, batch, columns, chunkRows);
  } finally {
    reader.close();
  }
}

export function getChampionVersion(pipelineId: number) {
  return getDb()
    .select({ version: modelVersions })
    .from(aliases)
    .innerJoin(modelVersions, eq(modelVersions.id, aliases.modelVersionId))
    .where(and(eq(aliases.pipelineId, pipelineId), eq(aliases.alias, "champion")))
    .get()?.version;
}

/** Registers the next version number of the pipeline, links it to the run and completes its register step, atomically. */
export function registerModelVersion(values: Omit<typeof modelVersions.$inferInsert, "version">): { id: number; version: number } {
  const db = getDb();
  return db.transaction((tx) => {
    const latest = tx.select({ v: max(modelVersions.version) }).from(modelVersions).where(eq(modelVersions.pipelineId, values.pipelineId)).get();
    const version = (latest?.v ?? 0) + 1;
    const id = tx.insert(modelVersions).values({ createdAt: now(), ...values, version }).returning({ id: modelVersions.id }).get().id;
    if (values.runId) {
      tx.update(runs).set({ modelVersionId: id }).where(eq(runs.id, values.runId)).run();
      // The step completes with the version, so a kill right after the commit cannot show it unregistered.
      endStep(values.runId, "register", { status: "succeeded", counts: { modelVersionId: id, version }, messages: [`Registered v${version}`] });
    }
    crashPoint("register:write");
    return { id, version };
  });
}
