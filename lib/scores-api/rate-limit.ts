/**
 * Per-key token bucket: bursts up to CAPACITY requests, refilled at CAPACITY per minute.
 * It lives in this process's memory, which is right for one self-hosted instance; several instances
 * behind a load balancer would each allow the full rate and would need a shared store instead.
 */
export const CAPACITY = 600;
const REFILL_PER_MS = CAPACITY / 60_000;

interface Bucket {
  tokens: number;
  at: number;
}

// Kept on globalThis because Next.js may load this module once per route bundle; the limit is per key, not per route.
const STORE = Symbol.for("driftline.scoresApi.rateLimit");
const globals = globalThis as typeof globalThis & { [STORE]?: Map<number, Bucket> };
const buckets = (globals[STORE] ??= new Map<number, Bucket>());

/** Takes one request from the key's bucket: 0 when allowed, otherwise the seconds until the next token. */
export function takeToken(keyId: number, now = Date.now()): number {
  const bucket = buckets.get(keyId) ?? { tokens: CAPACITY, at: now };
  bucket.tokens = Math.min(CAPACITY, bucket.tokens + (now - bucket.at) * REFILL_PER_MS);
  bucket.at = now;
  buckets.set(keyId, bucket);
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return 0;
  }
  return Math.ceil((1 - bucket.tokens) / REFILL_PER_MS / 1000);
}
