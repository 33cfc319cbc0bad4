/**
 * Scheduled extraction, called from the cron tick: each source whose schedule (cron, UTC) has a slot at
 * or before `now` that it has not taken yet extracts one batch, as of that slot. The slot is claimed in
 * the database before reading (a conditional update), so two ticks never extract the same slot twice.
 * A new batch is then monitored like an upload: every pipeline scoring that dataset gets a monitoring run.
 */
import { and, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import { latestSlot } from "@/lib/pipeline/schedule";
import { getDb } from "@/db/client";
import { sources } from "@/db/schema";
import { executeHere, type RunExecutor } from "@/lib/pipeline/executors";
import { startMonitoringRuns } from "@/lib/pipeline/run-monitoring";
import { extractSource } from "./extract";
import { getSource } from "./store";

export interface ScheduledExtraction {
  sourceId: number;
  source: string;
  /** The schedule slot this extraction stands for; also the batch's as-of time. */
  slot: string;
  batchId: number | null;
  rows: number | null;
  monitoringRuns: number[];
  error: string | null;
}

/** Claims the slot unless a tick already has; only slots after the source was created count. */
function claimSlot(sourceId: number, slot: Date, createdAt: Date): boolean {
  if (slot.getTime() <= createdAt.getTime()) return false;
  const claimed = getDb()
    .update(sources)
    .set({ lastSlotAt: slot })
    .where(and(eq(sources.id, sourceId), or(isNull(sources.lastSlotAt), lt(sources.lastSlotAt, slot))))
    .run();
  return claimed.changes === 1;
}

export async function extractDueSources({ now, execute = executeHere }: { now: Date; execute?: RunExecutor }): Promise<ScheduledExtraction[]> {
  const scheduled = getDb().select({ id: sources.id, schedule: sources.schedule, createdAt: sources.createdAt }).from(sources).where(isNotNull(sources.schedule)).all();
  const done: ScheduledExtraction[] = [];
  for (const { id, schedule, createdAt } of scheduled) {
    const slot = latestSlot(schedule!, now);
    if (slot === null || !claimSlot(id, slot, createdAt)) continue;
    const source = getSource(id);
    const entry: ScheduledExtraction = { sourceId: id, source: source.name, slot: slot.toISOString(), batchId: null, rows: null, monitoringRuns: [], error: null };
    try {
      const stored = await extractSource(source, slot);
      entry.batchId = stored.batchId;
      entry.rows = stored.profile.rows;
      entry.monitoringRuns = startMonitoringRuns(stored.datasetId, stored.batchId);
      // Alerts on the new batch are judged at the tick's time, so a replay stores its own timestamps.
      for (const runId of entry.monitoringRuns) await execute(runId, "monitoring", now);
    } catch (error) {
      // The source keeps the error (lastError) for its page; other sources still run.
      entry.error = error instanceof Error ? error.message : String(error);
    }
    done.push(entry);
  }
  return done;
}
