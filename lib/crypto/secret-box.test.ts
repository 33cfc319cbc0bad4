import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { tempDir } from "@/lib/test/temp-files";
import { decryptSecret, encryptSecret } from "./secret-box";

const tmp = tempDir("driftline-secret-");
const saved = { ...process.env };

afterEach(() => {
  process.env = { ...saved };
});

async function freshModule() {
  const { vi } = await import("vitest");
  vi.resetModules();
  return import("./secret-box");
}

describe("secret box", () => {
  it("round-trips with SECRETS_KEY and gives a new ciphertext each time", () => {
    process.env.SECRETS_KEY = "ab".repeat(32);
    const a = encryptSecret("hunter2 — ünïcode");
    const b = encryptSecret("hunter2 — ünïcode");
    expect(a).not.toEqual(b);
    expect(a).not.toContain("hunter2");
    expect(decryptSecret(a)).toBe("hunter2 — ünïcode");
  });

  it("refuses a tampered value and a different key, saying which key is wrong", async () => {
    process.env.SECRETS_KEY = "ab".repeat(32);
    const sealed = encryptSecret("s3cret");
    const parts = sealed.split(":");
    parts[3] = Buffer.from("x" + Buffer.from(parts[3], "base64url").toString("latin1")).toString("base64url");
    expect(() => decryptSecret(parts.join(":"))).toThrow(/SECRETS_KEY/);
    process.env.SECRETS_KEY = "cd".repeat(32);
    const other = await freshModule();
    expect(() => other.decryptSecret(sealed)).toThrow(/not the key it was saved with/);
    expect(() => other.decryptSecret("plain")).toThrow(/known format/);
  });

  it("without SECRETS_KEY, keeps a private key file beside the database, not in it", async () => {
    delete process.env.SECRETS_KEY;
    process.env.DATABASE_PATH = join(tmp.dir, "db", "driftline.db");
    const box = await freshModule();
    const sealed = box.encryptSecret("token");
    const keyFile = join(tmp.dir, "db", "secrets.key");
    expect(existsSync(keyFile)).toBe(true);
    expect(statSync(keyFile).mode & 0o077).toBe(0);
    expect((await freshModule()).decryptSecret(sealed)).toBe("token");
  });
});
