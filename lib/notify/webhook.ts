/**
 * Webhook delivery: a JSON POST signed with HMAC-SHA256 (hex) over the exact body with the channel's
 * secret. The body carries `timestamp` (Unix seconds), the same value as the X-Driftline-Timestamp header,
 * so the signature covers it and a receiver can refuse old or replayed messages. README shows how to verify.
 */
import { createHmac } from "node:crypto";
import type { NotificationPayload } from "./payload";

export const SIGNATURE_HEADER = "x-driftline-signature";
export const TIMESTAMP_HEADER = "x-driftline-timestamp";
export const DELIVERY_HEADER = "x-driftline-delivery";
const TIMEOUT_MS = 10_000;

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

export interface DeliveryResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

/** POSTs JSON and reads the answer; anything but a 2xx is a failure worth retrying. */
export async function postJson(url: string, body: string, headers: Record<string, string> = {}): Promise<DeliveryResult> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Driftline", ...headers },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = response.ok ? "" : (await response.text()).slice(0, 300);
    return { ok: response.ok, statusCode: response.status, error: response.ok ? null : `HTTP ${response.status}${text ? `: ${text}` : ""}` };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : "";
    return { ok: false, statusCode: null, error: `${error instanceof Error ? error.message : String(error)}${cause}` };
  }
}

export function sendWebhook(url: string, secret: string, payload: NotificationPayload, deliveryId: number, now: Date): Promise<DeliveryResult> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const body = JSON.stringify({ timestamp: Number(timestamp), deliveryId, ...payload });
  return postJson(url, body, { [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: signBody(secret, body), [DELIVERY_HEADER]: String(deliveryId) });
}
