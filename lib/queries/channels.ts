/** Reads for Settings → Channels: the delivery attempts log. */
import "server-only";
import { count, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { deliveryAttempts, notificationChannels, outbox } from "@/db/schema";

export function listDeliveryAttempts(limit = 100) {
  return getDb()
    .select({
      id: deliveryAttempts.id,
      at: deliveryAttempts.at,
      ok: deliveryAttempts.ok,
      statusCode: deliveryAttempts.statusCode,
      error: deliveryAttempts.error,
      durationMs: deliveryAttempts.durationMs,
      channel: notificationChannels.name,
      outboxId: outbox.id,
      outboxStatus: outbox.status,
      attempts: outbox.attempts,
      nextAttemptAt: outbox.nextAttemptAt,
      payload: outbox.payload,
    })
    .from(deliveryAttempts)
    .innerJoin(outbox, eq(outbox.id, deliveryAttempts.outboxId))
    .innerJoin(notificationChannels, eq(notificationChannels.id, deliveryAttempts.channelId))
    .orderBy(desc(deliveryAttempts.id))
    .limit(limit)
    .all()
    .map(({ payload, ...row }) => ({ ...row, title: String(payload.title ?? ""), kind: String(payload.kind ?? "") }));
}

/** Deliveries still waiting (first attempt or a retry), so an admin sees what is queued. */
export function countPendingDeliveries(): number {
  return getDb().select({ n: count() }).from(outbox).where(eq(outbox.status, "pending")).get()!.n;
}
