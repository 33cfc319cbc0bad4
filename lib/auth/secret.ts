/**
 * The secret that signs session cookies: BETTER_AUTH_SECRET when set, otherwise one generated on first use
 * and kept in the database, so `npm run demo` works without configuration and restarts keep sessions valid.
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { instanceSecrets } from "@/db/schema";
import { env } from "@/lib/env";

const NAME = "auth_secret";

export function authSecret(): string {
  const configured = env().BETTER_AUTH_SECRET;
  if (configured) return configured;
  const db = getDb();
  // Insert-or-keep, then read: two processes starting together agree on the first secret written.
  db.insert(instanceSecrets).values({ name: NAME, value: randomBytes(32).toString("hex") }).onConflictDoNothing().run();
  return db.select({ value: instanceSecrets.value }).from(instanceSecrets).where(eq(instanceSecrets.name, NAME)).get()!.value;
}
