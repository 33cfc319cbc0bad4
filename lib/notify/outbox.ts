/**
 * The delivery outbox. Notifications are rows written with the evaluation that caused them; a drain sends
 * what is due, records every attempt, and retries failures with exponential backoff, so a receiver that is
 * down, or a restart, loses nothing. A drain leases each row before sending, so two drains (the tick and
 * a run that just finished) never send the same row twice; a lease left by a dead process expires.
 */
import { and, asc, eq, inArray, isNull, lte, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { deliveryAttempts, notificationChannels, outbox } from "@/db/schema";
import { getChannel, sendThrough } from "./channels";
import type { NotificationPayload } from "./payload";

/** Attempts before a delivery is given up as failed (about 8 hours of retrying). */
export const MAX_ATTEMPTS = 12;
const LEASE_MS = 60_000;

/** Seconds to wait after the n-th failed attempt: 30 s, 1 min, 2 min, … capped at one hour. */
export function backoffSeconds(attempt: number): number {
  return Math.min(30 * 2 ** (attempt - 1), 3600);
}

/** Queues the message for each channel that still exists; call inside the transaction that caused it. */
export function enqueue(channelIds: number[], alertEventId: number | null, payload: NotificationPayload, now: Date): number[] {
  if (channelIds.length === 0) return [];
  const db = getDb();
  const existing = db.select({ id: notificationChannels.id }).from(notificationChannels).where(inArray(notificationChannels.id, channelIds)).all();
  return existing.map(({ id }) =>
    db.insert(outbox).values({ channelId: id, alertEventId, payload: payload as unknown as Record<string, unknown>, nextAttemptAt: now }).returning({ id: outbox.id }).get().id,
  );
}

export interface DrainResult {
  delivered: number;
  retrying: number;
  failed: number;
}

/** Sends every due delivery (or only `ids`), one at a time, and says how they went. */
export async function drainOutbox({ now = new Date(), ids }: { now?: Date; ids?: number[] } = {}): Promise<DrainResult> {
  const db = getDb();
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, now), ids ? inArray(outbox.id, ids) : undefined))
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
    .limit(200)
    .all();
  const result: DrainResult = { delivered: 0, retrying: 0, failed: 0 };
  for (const { id } of due) {
    const outcome = await deliver(id, now);
    if (outcome) result[outcome]++;
  }
  return result;
}

function claim(id: number, now: Date): boolean {
  const claimed = getDb()
    .update(outbox)
    .set({ leaseUntil: new Date(now.getTime() + LEASE_MS) })
    .where(and(eq(outbox.id, id), eq(outbox.status, "pending"), or(isNull(outbox.leaseUntil), lte(outbox.leaseUntil, now))))
    .run();
  return claimed.changes === 1;
}

async function deliver(id: number, now: Date): Promise<keyof DrainResult | null> {
  if (!claim(id, now)) return null;
  const db = getDb();
  const entry = db.select().from(outbox).where(eq(outbox.id, id)).get()!;
  const channel = getChannel(entry.channelId)!;
  const started = Date.now();
  const sent = await sendThrough(channel, entry.payload as unknown as NotificationPayload, id, now).catch((error: unknown) => ({
    ok: false,
    statusCode: null,
    error: error instanceof Error ? error.message : String(error),
  }));
  const attempts = entry.attempts + 1;
  const status = sent.ok ? "delivered" : attempts >= MAX_ATTEMPTS ? "failed" : "pending";
  db.transaction((tx) => {
    tx.insert(deliveryAttempts)
      .values({ outboxId: id, channelId: channel.id, ok: sent.ok, statusCode: sent.statusCode, error: sent.error, durationMs: Date.now() - started, at: now })
      .run();
    tx.update(outbox)
      .set({
        status,
        attempts,
        leaseUntil: null,
        lastError: sent.error,
        deliveredAt: sent.ok ? now : null,
        nextAttemptAt: sent.ok ? entry.nextAttemptAt : new Date(now.getTime() + backoffSeconds(attempts) * 1000),
      })
      .where(eq(outbox.id, id))
      .run();
  });
  return status === "delivered" ? "delivered" : status === "failed" ? "failed" : "retrying";
}
