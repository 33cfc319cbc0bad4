/**
 * The tick's first phase: pipelines whose schedule is due get a full run on the latest data. A schedule's
 * slot is its latest fire time at or before `now` (cron in UTC, so a daily job has exactly one slot per day
 * whatever daylight saving does). `runs.slot_key` is unique, so a slot runs once however many ticks see it;
 * a slot missed by less than a day (the server was down) is caught up once, older ones are skipped.
 */
import { isNotNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { pipelines } from "@/db/schema";
import { isAppError } from "@/lib/errors";
import { executeHere, type RunExecutor } from "@/lib/pipeline/executors";
import { latestSlot } from "@/lib/pipeline/schedule";
import { startRun } from "@/lib/pipeline/store";

const CATCH_UP_MS = 24 * 60 * 60 * 1000;

export interface ScheduledRun {
  pipelineId: number;
  slot: string;
  runId: number | null;
  /** Why no run started: the slot already ran, or another run holds the pipeline. */
  skipped?: string;
}

/** "pipeline:3:2026-12-03T02:00Z" */
export function slotKey(pipelineId: number, fire: Date): string {
  return `pipeline:${pipelineId}:${fire.toISOString().slice(0, 16)}Z`;
}

export async function runDueSchedules(now: Date, execute: RunExecutor = executeHere): Promise<ScheduledRun[]> {
  const scheduled = getDb().select({ id: pipelines.id, schedule: pipelines.schedule }).from(pipelines).where(isNotNull(pipelines.schedule)).all();
  const results: ScheduledRun[] = [];
  for (const pipeline of scheduled) {
    const fire = latestSlot(pipeline.schedule!, now);
    if (!fire || now.getTime() - fire.getTime() > CATCH_UP_MS) continue;
    const slot = slotKey(pipeline.id, fire);
    const started = claimSlot(pipeline.id, slot);
    results.push({ pipelineId: pipeline.id, slot, ...started });
    if (started.runId !== null) await execute(started.runId, "pipeline", now);
  }
  return results.filter((r) => r.runId !== null || r.skipped !== "already ran");
}

function claimSlot(pipelineId: number, slot: string): { runId: number | null; skipped?: string } {
  try {
    return { runId: startRun(pipelineId, "schedule", undefined, slot) };
  } catch (error) {
    if (isAppError(error) && error.code === "run_in_progress") return { runId: null, skipped: error.message };
    // better-sqlite3's error, possibly wrapped by drizzle as its cause.
    const { code, cause } = error as { code?: string; cause?: { code?: string } };
    if ((code ?? cause?.code) === "SQLITE_CONSTRAINT_UNIQUE") return { runId: null, skipped: "already ran" };
    throw error;
  }
}
