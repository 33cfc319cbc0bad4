/**
 * The first admin. At start, while no user exists: ADMIN_EMAIL/ADMIN_PASSWORD create it, or else a one-time
 * setup link is printed, and /setup?token=… lets the first person create it. Only a SHA-256 hash of the
 * token is stored (the token is 256 random bits, so a plain hash is enough), and it is consumed in the same
 * transaction that creates the admin, so a link works once.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, count, eq, gt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { setupTokens, users } from "@/db/schema";
import { audit, type Actor } from "@/lib/audit/audit";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { countUsers, createUser, hashPassword, insertUser, type UserSummary } from "./users";

const LINK_HOURS = 24;
const STARTUP: Actor = { id: null, email: "system (start-up)" };

const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");

/** Run at server start. Returns the setup link when it made one (it is also logged), else null. */
export async function prepareFirstAdmin(log: (line: string) => void = console.log): Promise<string | null> {
  if (countUsers() > 0) return null;
  const { ADMIN_EMAIL, ADMIN_PASSWORD, APP_URL } = env();
  if (ADMIN_EMAIL && ADMIN_PASSWORD) {
    const admin = await createUser({ email: ADMIN_EMAIL, name: "Admin", role: "admin", password: ADMIN_PASSWORD });
    audit(STARTUP, "user.created", "user", admin.id, { email: admin.email, role: admin.role, via: "ADMIN_EMAIL" });
    log(`Created the admin ${admin.email} from ADMIN_EMAIL.`);
    return null;
  }
  const token = randomBytes(32).toString("base64url");
  getDb().transaction((tx) => {
    // One live link at a time: each start replaces the previous one.
    tx.delete(setupTokens).run();
    tx.insert(setupTokens).values({ hash: sha256(token), expiresAt: new Date(Date.now() + LINK_HOURS * 3600_000) }).run();
  });
  const link = new URL(`/setup?token=${token}`, APP_URL).toString();
  log(`No user exists yet. Open this one-time link within ${LINK_HOURS} hours to create the first admin:\n  ${link}`);
  return link;
}

export function isSetupTokenValid(token: string): boolean {
  const row = getDb().select({ hash: setupTokens.hash }).from(setupTokens)
    .where(and(eq(setupTokens.hash, sha256(token)), gt(setupTokens.expiresAt, new Date()))).get();
  return !!row && countUsers() === 0;
}

/** Creates the admin from a setup link, once; refuses (403) a wrong, expired or used link. */
export async function createFirstAdmin(token: string, input: { email: string; name: string; password: string }): Promise<UserSummary> {
  const passwordHash = await hashPassword(input.password);
  const admin = getDb().transaction((tx) => {
    const consumed = tx.delete(setupTokens)
      .where(and(eq(setupTokens.hash, sha256(token)), gt(setupTokens.expiresAt, new Date())))
      .returning({ hash: setupTokens.hash }).get();
    const empty = tx.select({ n: count() }).from(users).get()!.n === 0;
    if (!consumed || !empty) {
      throw new AppError("invalid_setup_link", "This setup link is wrong, expired or already used. Restart the server for a new one while no user exists.", {}, 403);
    }
    return insertUser(tx, { email: input.email, name: input.name, role: "admin", passwordHash });
  });
  audit(admin, "user.created", "user", admin.id, { email: admin.email, role: admin.role, via: "setup link" });
  return admin;
}
