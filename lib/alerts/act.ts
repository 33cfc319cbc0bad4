/**
 * What happens after monitoring produced something new (a run finished) and in every tick: evaluate the
 * pipeline's rules, start the retraining run a critical rule asked for, and run it to the end through the
 * same steps and gates as any run. The retraining run's own end evaluates the rules again; each rule's
 * cooldown keeps that from looping.
 */
import { eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { alertEvents } from "@/db/schema";
import { isAppError } from "@/lib/errors";
import { drainOutbox } from "@/lib/notify/outbox";
import { startRun } from "@/lib/pipeline/store";
import { evaluateAlerts } from "./evaluate";

export interface ActSummary {
  evaluations: number;
  notifications: number;
  retrainRunId: number | null;
}

export async function evaluateAndRetrain(pipelineId: number, { now = new Date() }: { now?: Date } = {}): Promise<ActSummary> {
  const summary = evaluateAlerts(pipelineId, { now });
  const eventIds = summary.retrain.map((r) => r.eventId);
  const retrainRunId = eventIds.length > 0 ? startRetraining(pipelineId, eventIds) : null;
  if (retrainRunId !== null) {
    // Imported here: the run calls back into this module when it ends.
    const { executeRun } = await import("@/lib/pipeline/run-pipeline");
    await executeRun(retrainRunId, { now });
  }
  return { evaluations: summary.evaluations, notifications: summary.notifications, retrainRunId };
}

/** One run for every rule that asked in this evaluation, linked from each of their evaluations. */
function startRetraining(pipelineId: number, eventIds: number[]): number | null {
  const db = getDb();
  try {
    const runId = startRun(pipelineId, "alert");
    db.update(alertEvents).set({ retrainRunId: runId }).where(inArray(alertEvents.id, eventIds)).run();
    return runId;
  } catch (error) {
    if (!isAppError(error) || error.code !== "run_in_progress") throw error;
    for (const id of eventIds) {
      db.update(alertEvents).set({ message: sql`${alertEvents.message} || ${`; retraining not started: ${error.message}`}` }).where(eq(alertEvents.id, id)).run();
    }
    return null;
  }
}

/** Called when a run ends, however it ended: judge what it produced and deliver what that caused. */
export async function afterRun(pipelineId: number, { now = new Date() }: { now?: Date } = {}): Promise<void> {
  await evaluateAndRetrain(pipelineId, { now });
  await drainOutbox({ now });
}
