import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { signInRequest, useTempDatabase } from "@/lib/test/auth-db";
import { sessionUser } from "./guard";
import { createUser, listUsers } from "./users";

process.env.SIGN_IN_ATTEMPTS_PER_MINUTE = "3";
const database = useTempDatabase();

describe("sign-in rate limit", () => {
  it("refuses a fourth attempt within a minute from one address with 429, counted in the database", async () => {
    await createUser({ email: "lim@example.com", name: "Lim", role: "pm", password: "lim-password-1" });
    for (let i = 0; i < 3; i++) expect((await signInRequest("lim@example.com", "wrong-password", "203.0.113.7")).status).toBe(401);
    expect((await signInRequest("lim@example.com", "lim-password-1", "203.0.113.7")).status).toBe(429);
    expect((await signInRequest("lim@example.com", "lim-password-1", "203.0.113.8")).status).toBe(200);

    const sqlite = new Database(database.path, { readonly: true });
    const row = sqlite.prepare("SELECT count FROM rate_limit WHERE key LIKE '203.0.113.7%sign-in%'").get() as { count: number };
    sqlite.close();
    expect(row.count).toBe(3);
  });
});

describe("passwords", () => {
  const written: string[] = [];
  beforeEach(() => {
    written.length = 0;
    for (const method of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void written.push(args.map(String).join(" ")));
    }
    for (const stream of [process.stdout, process.stderr]) {
      vi.spyOn(stream, "write").mockImplementation((chunk: string | Uint8Array) => written.push(String(chunk)) > 0);
    }
  });
  afterEach(() => vi.restoreAllMocks());

  it("never appear, nor their hashes, in anything returned or logged along the way", async () => {
    const password = "correct-horse-battery-1";
    const created = await createUser({ email: "pw@example.com", name: "Pw", role: "analyst", password });
    const duplicate = await createUser({ email: "pw@example.com", name: "Pw", role: "analyst", password }).catch((error: Error) => error);
    const good = await signInRequest("pw@example.com", password);
    const bad = await signInRequest("pw@example.com", `${password}x`);
    const cookie = good.headers.get("set-cookie")!.split(";")[0];
    const sqlite = new Database(database.path, { readonly: true });
    const { password: hash } = sqlite.prepare("SELECT a.password FROM account a JOIN user u ON u.id = a.user_id WHERE u.email = 'pw@example.com'").get() as { password: string };
    const auditRows = sqlite.prepare("SELECT * FROM audit_log").all();
    sqlite.close();
    const outputs = [created, duplicate instanceof Error ? duplicate.message : duplicate, await good.text(), await bad.text(), await sessionUser(new Headers({ cookie })), listUsers(), auditRows];
    expect(hash).toMatch(/^[0-9a-f]+:[0-9a-f]+$/); // salt:key from scrypt, never the password itself
    expect(written.some((line) => /Invalid password/.test(line)), "the failed sign-in was logged").toBe(true);
    for (const secret of [password, `${password}x`, hash]) {
      expect(JSON.stringify(outputs)).not.toContain(secret);
      expect(written.join("\n")).not.toContain(secret);
    }
  });
});
