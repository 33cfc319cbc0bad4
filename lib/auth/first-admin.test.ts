import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { useTempDatabase } from "@/lib/test/auth-db";
import { createFirstAdmin, isSetupTokenValid, prepareFirstAdmin } from "./first-admin";
import { countUsers } from "./users";

const database = useTempDatabase();
const ADMIN = { email: "first@example.com", name: "First", password: "first-password-1" };

function storedHashes(): string[] {
  const sqlite = new Database(database.path, { readonly: true });
  try {
    return (sqlite.prepare("SELECT hash FROM setup_tokens").all() as { hash: string }[]).map((row) => row.hash);
  } finally {
    sqlite.close();
  }
}

async function refusal(promise: Promise<unknown>): Promise<number | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (!isAppError(error)) throw error;
    return error.status;
  }
}

describe("the first admin", () => {
  it("is created once from a printed one-time link whose token is stored only as a hash", async () => {
    const lines: string[] = [];
    const link = await prepareFirstAdmin((line) => lines.push(line));
    const token = new URL(link!).searchParams.get("token")!;
    expect(lines.join("\n")).toContain(link);
    expect(storedHashes()).toHaveLength(1);
    expect(storedHashes()[0]).not.toContain(token);
    expect(isSetupTokenValid(token)).toBe(true);

    expect(await refusal(createFirstAdmin("wrong-token", ADMIN))).toBe(403);
    expect(countUsers()).toBe(0);
    expect(await refusal(createFirstAdmin(token, ADMIN))).toBeNull();
    expect(countUsers()).toBe(1);
    expect(await refusal(createFirstAdmin(token, { ...ADMIN, email: "second@example.com" }))).toBe(403);
    expect(isSetupTokenValid(token)).toBe(false);
    expect(countUsers()).toBe(1);
  });

  it("is not prepared again once a user exists", async () => {
    expect(await prepareFirstAdmin(() => {})).toBeNull();
    expect(storedHashes()).toHaveLength(0);
  });
});
