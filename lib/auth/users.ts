/**
 * The people who can sign in: created with better-auth's password hasher, their role changed, removed.
 * Shared by the users page's actions, the seed and the first-admin setup, so it is not "server-only".
 * Removing a user deletes their sessions and account with them (foreign keys cascade).
 */
import { randomUUID } from "node:crypto";
import { asc, count, eq } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { accounts, users, type Role } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { getAuth } from "./auth";

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
}

/** better-auth's own hasher (scrypt), the one its sign-in verifies against. */
export async function hashPassword(password: string): Promise<string> {
  return (await getAuth().$context).password.hash(password);
}

/** Inserts the user and their email-and-password account inside `tx`; refuses a taken email with 409. */
export function insertUser(tx: Tx, user: Omit<NewUser, "password"> & { passwordHash: string }): UserSummary {
  const email = user.email.trim().toLowerCase();
  if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
    throw new AppError("duplicate_email", `A user with the email ${email} already exists.`, { column: "email" }, 409);
  }
  const id = randomUUID();
  const now = new Date();
  tx.insert(users).values({ id, email, name: user.name, role: user.role, emailVerified: true, createdAt: now, updatedAt: now }).run();
  tx.insert(accounts)
    .values({ id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: user.passwordHash, createdAt: now, updatedAt: now })
    .run();
  return { id, email, name: user.name, role: user.role };
}

export async function createUser(user: NewUser): Promise<UserSummary> {
  const { password, ...rest } = user;
  const passwordHash = await hashPassword(password);
  return getDb().transaction((tx) => insertUser(tx, { ...rest, passwordHash }));
}

export function countUsers(): number {
  return getDb().select({ n: count() }).from(users).get()!.n;
}

export function listUsers() {
  return getDb()
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, createdAt: users.createdAt })
    .from(users)
    .orderBy(asc(users.email))
    .all();
}

export function getUserById(id: string): UserSummary | undefined {
  return getDb().select({ id: users.id, email: users.email, name: users.name, role: users.role }).from(users).where(eq(users.id, id)).get();
}

function existing(id: string): UserSummary {
  const user = getUserById(id);
  if (!user) throw new AppError("not_found", "That user no longer exists.", {}, 404);
  return user;
}

/** Changes a role; returns the user as they were, for the audit log. */
export function setUserRole(id: string, role: Role): UserSummary {
  const before = existing(id);
  getDb().update(users).set({ role }).where(eq(users.id, id)).run();
  return before;
}

/** Removes a user with their sessions and account; returns them as they were. */
export function deleteUser(id: string): UserSummary {
  const before = existing(id);
  getDb().delete(users).where(eq(users.id, id)).run();
  return before;
}
