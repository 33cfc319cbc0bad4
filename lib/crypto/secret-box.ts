/**
 * Encryption of stored secrets (channel signing secrets, warehouse credentials) with AES-256-GCM from
 * node:crypto. The key is SECRETS_KEY when set; otherwise a random key generated on first use and kept in
 * a file beside the database (mode 0600), never in the database itself, so a copy of the database alone
 * does not reveal the secrets. Each value gets its own 12-byte nonce; the GCM tag refuses tampering.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { env } from "@/lib/env";

const VERSION = "v1";

function keyFilePath(): string {
  return join(dirname(resolve(env().DATABASE_PATH)), "secrets.key");
}

function loadKey(): Buffer {
  const configured = env().SECRETS_KEY;
  if (configured) return Buffer.from(configured, "hex");
  const path = keyFilePath();
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    // "wx" fails if another process wrote the file first; then both read the same key below.
    try {
      writeFileSync(path, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return Buffer.from(readFileSync(path, "utf8").trim(), "hex");
}

/** "v1:<nonce>:<tag>:<ciphertext>", all base64url. */
export function encryptSecret(plaintext: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", loadKey(), nonce);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, nonce, cipher.getAuthTag(), body].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(":");
}

export function decryptSecret(sealed: string): string {
  const [version, nonce, tag, body] = sealed.split(":");
  if (version !== VERSION || !nonce || !tag || body === undefined) throw new Error("Stored secret is not in a known format");
  const decipher = createDecipheriv("aes-256-gcm", loadKey(), Buffer.from(nonce, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new Error("A stored secret cannot be decrypted: SECRETS_KEY (or data/secrets.key) is not the key it was saved with");
  }
}
