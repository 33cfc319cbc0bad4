import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getSqlite } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { tempDir } from "@/lib/test/temp-files";
import { createApiKey, listApiKeys, revokeApiKey, verifyApiKey } from "./api-keys";

const tmp = tempDir();
const ADMIN = { id: null, email: "admin@example.com" };

beforeAll(() => {
  process.env.DATABASE_PATH = `${tmp.dir}/keys.db`;
  migrateDatabase();
});
afterAll(() => {
  closeDb();
  tmp.cleanup();
});

const storedRow = (id: number) => getSqlite().prepare("SELECT * FROM api_keys WHERE id = ?").get(id) as Record<string, unknown>;

describe("API keys", () => {
  it("stores only the SHA-256 hash and a short prefix, never the key", () => {
    const { id, key, prefix } = createApiKey("CRM sync", ADMIN);
    expect(key).toMatch(/^dl_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(prefix)).toBe(true);
    expect(prefix).toHaveLength(11);
    const row = storedRow(id);
    expect(row.hash).toBe(createHash("sha256").update(key).digest("hex"));
    expect(Object.values(row).some((value) => typeof value === "string" && value.includes(key.slice(prefix.length)))).toBe(false);
  });

  it("issues a different key every time", () => {
    const keys = new Set(Array.from({ length: 20 }, (_, i) => createApiKey(`k${i}`, ADMIN).key));
    expect(keys.size).toBe(20);
  });

  it("accepts a live key and records when it was used", () => {
    const { id, key } = createApiKey("Mailer", ADMIN);
    expect(storedRow(id).last_used_at).toBeNull();
    expect(verifyApiKey(key)).toEqual({ id, name: "Mailer" });
    expect(storedRow(id).last_used_at).toEqual(expect.any(Number));
  });

  it("rejects a wrong, truncated, empty or oversized key", () => {
    const { key } = createApiKey("Ads", ADMIN);
    const flipped = key.slice(0, -1) + (key.endsWith("A") ? "B" : "A");
    for (const presented of [flipped, key.slice(0, -1), `${key} `, "", "x".repeat(10_000)]) expect(verifyApiKey(presented)).toBeNull();
  });

  it("rejects a revoked key and keeps the first revocation time", () => {
    const { id, key } = createApiKey("Old tool", ADMIN);
    const first = revokeApiKey(id, ADMIN);
    expect(first.revokedAt).toBeInstanceOf(Date);
    expect(verifyApiKey(key)).toBeNull();
    expect(revokeApiKey(id, ADMIN).revokedAt).toEqual(first.revokedAt);
  });

  it("audits creation and revocation once each, by name and prefix, never with the key", () => {
    const { id, key, prefix } = createApiKey("Audited", ADMIN);
    revokeApiKey(id, ADMIN);
    revokeApiKey(id, ADMIN);
    const entries = getSqlite().prepare("SELECT * FROM audit_log WHERE entity_type = 'api_key' AND entity_id = ? ORDER BY id").all(String(id)) as Record<string, string>[];
    expect(entries.map((e) => [e.action, e.actor_email, JSON.parse(e.details)])).toEqual([
      ["api_key.created", "admin@example.com", { name: "Audited", prefix }],
      ["api_key.revoked", "admin@example.com", { name: "Audited", prefix }],
    ]);
    expect(JSON.stringify(entries)).not.toContain(key.slice(prefix.length));
  });

  it("refuses to revoke a key that does not exist", () => {
    expect(() => revokeApiKey(999_999, ADMIN)).toThrow(/does not exist/);
  });

  it("lists keys newest first without their hash", () => {
    const listed = listApiKeys();
    expect(listed[0].name).toBe("Audited");
    for (const key of listed) expect(Object.keys(key).sort()).toEqual(["createdAt", "createdBy", "id", "lastUsedAt", "name", "prefix", "revokedAt"]);
  });
});
