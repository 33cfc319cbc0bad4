/**
 * One tick of scheduled work, as the cron route, `driftline tick` and the in-process scheduler run it:
 *
 *   1. schedules  — pipelines whose schedule is due get a full run (lib/cron/schedules.ts);
 *   2. sources    — warehouse sources whose schedule is due extract a batch, which is monitored
 *                   (lib/sources/scheduled.ts);
 *   3. alerts     — every pipeline's rules judge what is new, and send reminders;
 *   4. outbox     — due notifications are delivered, failures retried with backoff.
 *
 * A tick owns a slot, the UTC minute of `now`: the slot's row in tick_slots is claimed with INSERT … ON
 * CONFLICT DO NOTHING, so the same slot called twice, or twenty times at once, does the work once and the
 * other calls answer "skipped". Each phase is also safe on its own (unique run slot keys, one evaluation
 * per observation, leased deliveries), so a tick that dies halfway is completed by the next one.
 *
 * For a replay (the demo), pass `now` in the past: everything stored is stamped with it.
 */
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { pipelines, tickSlots } from "@/db/schema";
import { evaluateAndRetrain } from "@/lib/alerts/act";
import { ensureDefaultRules } from "@/lib/alerts/defaults";
import { drainOutbox } from "@/lib/notify/outbox";
import { executeHere, type RunExecutor } from "@/lib/pipeline/executors";
import { extractDueSources } from "@/lib/sources/scheduled";
import { runDueSchedules } from "./schedules";

type Phase = (now: Date, execute: RunExecutor) => Promise<unknown>;

/** In order: new batches are extracted before the alerts judge what monitoring made of them. */
const PHASES: [name: string, run: Phase][] = [
  ["schedules", runDueSchedules],
  ["sources", (now, execute) => extractDueSources({ now, execute })],
  ["alerts", evaluateEveryPipeline],
  ["outbox", (now) => drainOutbox({ now })],
];

export type TickResult =
  | { status: "skipped"; slot: string; message: string }
  | { status: "ran"; slot: string; phases: Record<string, unknown>; errors: { phase: string; message: string }[] };

/** "2026-12-03T02:00Z": the UTC minute a tick at `now` belongs to. */
export function tickSlot(now: Date): string {
  return `${now.toISOString().slice(0, 16)}Z`;
}

/** `execute` runs the runs the tick starts: here by default; the web server passes executeInChild. */
export async function tick({ now = new Date(), execute = executeHere }: { now?: Date; execute?: RunExecutor } = {}): Promise<TickResult> {
  const slot = tickSlot(now);
  const claimed = getDb().insert(tickSlots).values({ slot, startedAt: new Date() }).onConflictDoNothing().run().changes === 1;
  if (!claimed) return { status: "skipped", slot, message: `The tick of ${slot} has already run (or is running).` };
  const phases: Record<string, unknown> = {};
  const errors: { phase: string; message: string }[] = [];
  for (const [name, run] of PHASES) {
    // A failing phase does not stop the others: alerts and deliveries still go out when a run cannot start.
    try {
      phases[name] = await run(now, execute);
    } catch (error) {
      console.error(`The tick's ${name} phase failed:`, error);
      errors.push({ phase: name, message: error instanceof Error ? error.message : String(error) });
    }
  }
  const result: TickResult = { status: "ran", slot, phases, errors };
  getDb().update(tickSlots).set({ finishedAt: new Date(), summary: result }).where(eq(tickSlots.slot, slot)).run();
  return result;
}

async function evaluateEveryPipeline(now: Date, execute: RunExecutor) {
  // Pipelines written before alerting existed (e.g. by an older CLI) get their rules here too.
  ensureDefaultRules();
  const totals = { pipelines: 0, evaluations: 0, notifications: 0, retrainRuns: [] as number[] };
  for (const { id } of getDb().select({ id: pipelines.id }).from(pipelines).all()) {
    const acted = await evaluateAndRetrain(id, { now, execute });
    totals.pipelines++;
    totals.evaluations += acted.evaluations;
    totals.notifications += acted.notifications;
    if (acted.retrainRunId !== null) totals.retrainRuns.push(acted.retrainRunId);
  }
  return totals;
}
