/**
 * The cron route's lock: `Authorization: Bearer <CRON_SECRET>`. Both sides are hashed to the same length
 * before timingSafeEqual, so neither the secret's content nor its length leaks through timing. The header
 * is never logged.
 */
import { createHash, timingSafeEqual } from "node:crypto";

export type CronAccess = "ok" | "unset" | "missing" | "wrong";

export function checkCronSecret(authorization: string | null, secret: string | undefined): CronAccess {
  if (!secret) return "unset";
  const presented = /^Bearer +(\S+) *$/i.exec(authorization ?? "")?.[1];
  if (presented === undefined) return "missing";
  const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();
  return timingSafeEqual(digest(presented), digest(secret)) ? "ok" : "wrong";
}
