/**
 * API keys for the scores API. A key is shown once, at creation; the database keeps only its SHA-256 hash
 * (a 256-bit random key needs no slow password hash) and a short prefix so people can tell keys apart.
 * Used by routes, server actions and tests alike, so no "server-only".
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { desc, eq, sql } from "drizzle-orm";
import { getDb, preparedQuery } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { audit, type Actor } from "@/lib/audit/audit";
import { AppError } from "@/lib/errors";

const KEY_PREFIX = "dl_";
/** "dl_" plus 8 characters of the random part: enough to tell keys apart, far too little to guess the rest. */
const DISPLAY_PREFIX_LENGTH = KEY_PREFIX.length + 8;
/** Longer than any key we issue; anything longer is refused before hashing. */
const MAX_PRESENTED_LENGTH = 200;
/** lastUsedAt is written at most this often per key, so busy clients do not take the write lock per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface ApiKeySummary {
  id: number;
  name: string;
  prefix: string;
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** The columns anyone may see: never the hash. */
const SUMMARY = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  createdBy: apiKeys.createdBy,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};

const hashKey = (key: string) => createHash("sha256").update(key, "utf8").digest("hex");

/** Creates a key and returns it in full: the only time it is ever available. Audited with the key's name and prefix. */
export function createApiKey(name: string, actor: Actor): { id: number; key: string; prefix: string } {
  const key = KEY_PREFIX + randomBytes(32).toString("base64url");
  const prefix = key.slice(0, DISPLAY_PREFIX_LENGTH);
  const id = getDb().transaction((tx) => {
    const created = tx.insert(apiKeys).values({ name, prefix, hash: hashKey(key), createdBy: actor.email }).returning({ id: apiKeys.id }).get();
    audit(actor, "api_key.created", "api_key", created.id, { name, prefix });
    return created.id;
  });
  return { id, key, prefix };
}

/** Revokes a key for good, audited. Revoking a revoked key changes nothing and keeps its first revocation time. */
export function revokeApiKey(id: number, actor: Actor): ApiKeySummary {
  return getDb().transaction((tx) => {
    const key = tx.select(SUMMARY).from(apiKeys).where(eq(apiKeys.id, id)).get();
    if (!key) throw new AppError("not_found", `API key #${id} does not exist.`, {}, 404);
    if (key.revokedAt) return key;
    const revokedAt = new Date();
    tx.update(apiKeys).set({ revokedAt }).where(eq(apiKeys.id, id)).run();
    audit(actor, "api_key.revoked", "api_key", id, { name: key.name, prefix: key.prefix });
    return { ...key, revokedAt };
  });
}

/** Every key, newest first, without hash or secret. */
export function listApiKeys(): ApiKeySummary[] {
  return getDb().select(SUMMARY).from(apiKeys).orderBy(desc(apiKeys.id)).all();
}

/** The key's id and name when `presented` is a live key, otherwise null. Records the use. */
export function verifyApiKey(presented: string): { id: number; name: string } | null {
  if (presented.length === 0 || presented.length > MAX_PRESENTED_LENGTH) return null;
  const hash = hashKey(presented);
  const found = preparedQuery("apiKeyByHash", (db) =>
    db.select({ id: apiKeys.id, name: apiKeys.name, hash: apiKeys.hash, lastUsedAt: apiKeys.lastUsedAt, revokedAt: apiKeys.revokedAt })
      .from(apiKeys)
      .where(eq(apiKeys.hash, sql.placeholder("hash")))
      .prepare(),
  ).get({ hash });
  // The lookup is by a hash, which leaks nothing by timing; the constant-time comparison is the rule for secrets.
  if (!found || !timingSafeEqual(Buffer.from(found.hash, "hex"), Buffer.from(hash, "hex"))) return null;
  if (found.revokedAt) return null;
  const now = Date.now();
  if (!found.lastUsedAt || now - found.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    getDb().update(apiKeys).set({ lastUsedAt: new Date(now) }).where(eq(apiKeys.id, found.id)).run();
  }
  return { id: found.id, name: found.name };
}
