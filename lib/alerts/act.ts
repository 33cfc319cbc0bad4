/**
 * What happens after monitoring produced something new (a run finished) and in every tick: evaluate the
 * pipeline's rules, start the retraining run a critical rule asked for, and execute it through the same
 * steps and gates as any run (here, or in a process of its own when the web server ticks). The retraining
 * run's own end evaluates the rules again; each rule's cooldown keeps that from looping.
 */
import { eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { alertEvents } from "@/db/schema";
import { isAppError } from "@/lib/errors";
import { drainOutbox } from "@/lib/notify/outbox";
import { executeHere, type RunExecutor } from "@/lib/pipeline/executors";
import { startRun } from "@/lib/pipeline/store";
import { evaluateAlerts } from "./evaluate";

export interface ActSummary {
  evaluations: number;
  notifications: number;
  retrainRunId: number | null;
}

export async function evaluateAndRetrain(pipelineId: number, { now = new Date(), execute = executeHere }: { now?: Date; execute?: RunExecutor } = {}): Promise<ActSummary> {
  const summary = evaluateAlerts(pipelineId, { now });
  const eventIds = summary.retrain.map((r) => r.eventId);
  const retrainRunId = eventIds.length > 0 ? startRetraining(pipelineId, eventIds) : null;
  if (retrainRunId !== null) await execute(retrainRunId, "pipeline", now);
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
