/**
 * Notification channels. Secrets (a webhook's signing secret, which Driftline generates and shows once; a
 * Slack webhook URL, which is itself a credential; an SMTP password) are sealed with lib/crypto/secret-box
 * and only ever decrypted to send.
 */
import { randomBytes } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { notificationChannels, type NotificationChannel } from "@/db/schema";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { AppError } from "@/lib/errors";
import type { ChannelInput } from "@/lib/validation/channels";
import { sendEmail, type SmtpSettings } from "./email";
import type { NotificationPayload } from "./payload";
import { sendSlack } from "./slack";
import { sendWebhook, type DeliveryResult } from "./webhook";

export interface CreatedChannel {
  id: number;
  /** The webhook signing secret, returned this once. */
  signingSecret: string | null;
}

export function createChannel(input: ChannelInput, createdBy: string): CreatedChannel {
  const db = getDb();
  if (db.select({ id: notificationChannels.id }).from(notificationChannels).where(eq(notificationChannels.name, input.name)).get()) {
    throw new AppError("duplicate_name", `A channel named "${input.name}" already exists.`, { column: "name" }, 409);
  }
  let config: NotificationChannel["config"];
  let secret: string | null;
  let signingSecret: string | null = null;
  if (input.kind === "webhook") {
    signingSecret = `whsec_${randomBytes(24).toString("base64url")}`;
    config = { url: input.url };
    secret = signingSecret;
  } else if (input.kind === "slack") {
    config = { host: new URL(input.url).host };
    secret = input.url;
  } else {
    config = { host: input.host, port: input.port, secure: input.secure, user: input.user, from: input.from, to: input.to };
    secret = input.password || null;
  }
  const id = db
    .insert(notificationChannels)
    .values({ name: input.name, kind: input.kind, config, sealedSecret: secret === null ? null : encryptSecret(secret), createdBy })
    .returning({ id: notificationChannels.id })
    .get().id;
  return { id, signingSecret };
}

export function deleteChannel(id: number): void {
  getDb().delete(notificationChannels).where(eq(notificationChannels.id, id)).run();
}

/** Channels as the browser may see them: where they point, never their secrets. */
export function listChannels() {
  return getDb()
    .select({ id: notificationChannels.id, name: notificationChannels.name, kind: notificationChannels.kind, config: notificationChannels.config, createdBy: notificationChannels.createdBy, createdAt: notificationChannels.createdAt })
    .from(notificationChannels)
    .orderBy(asc(notificationChannels.name))
    .all()
    .map(({ config, ...channel }) => ({ ...channel, target: targetOf(channel.kind, config) }));
}

function targetOf(kind: NotificationChannel["kind"], config: NotificationChannel["config"]): string {
  if (kind === "webhook") return String(config.url);
  if (kind === "slack") return `Slack incoming webhook at ${config.host}`;
  return `${config.to} via ${config.host}:${config.port}`;
}

export function getChannel(id: number): NotificationChannel | undefined {
  return getDb().select().from(notificationChannels).where(eq(notificationChannels.id, id)).get();
}

/** Sends one message through the channel; the outbox records the result. */
export function sendThrough(channel: NotificationChannel, payload: NotificationPayload, deliveryId: number, now: Date): Promise<DeliveryResult> {
  const secret = channel.sealedSecret === null ? null : decryptSecret(channel.sealedSecret);
  if (channel.kind === "webhook") return sendWebhook(String(channel.config.url), secret ?? "", payload, deliveryId, now);
  if (channel.kind === "slack") return sendSlack(secret ?? "", payload);
  return sendEmail(channel.config as unknown as SmtpSettings, secret, payload);
}
