/** "Send test message": queued and delivered through the outbox like any alert, so the attempt is logged. */
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { deliveryAttempts, outbox } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getChannel } from "./channels";
import { drainOutbox, enqueue } from "./outbox";

export async function queueTestMessage(channelId: number, requestedBy: string, now = new Date()): Promise<{ ok: boolean; error: string | null }> {
  const channel = getChannel(channelId);
  if (!channel) throw new AppError("not_found", `Channel #${channelId} does not exist.`, {}, 404);
  const [id] = enqueue([channel.id], null, {
    kind: "test",
    title: `Test message for "${channel.name}"`,
    text: `${requestedBy} sent this test from Driftline. Alerts will arrive here the same way.`,
    severity: "ok",
    link: new URL("/alerts", env().APP_URL).toString(),
    pipeline: null,
    rule: null,
    value: null,
    alertEventId: null,
    runId: null,
    batchId: null,
    at: now.toISOString(),
  }, now);
  await drainOutbox({ now, ids: [id] });
  const attempt = getDb().select().from(deliveryAttempts).where(eq(deliveryAttempts.outboxId, id)).get();
  // A failed test is not worth retrying in the background: the admin sees the error and fixes the channel.
  if (!attempt?.ok) getDb().update(outbox).set({ status: "failed" }).where(eq(outbox.id, id)).run();
  return { ok: attempt?.ok ?? false, error: attempt?.error ?? null };
}
