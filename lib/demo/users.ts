/** The demo users (one per role, passwords in the README), created once; existing accounts are left alone. */
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { audit } from "@/lib/audit/audit";
import { DEMO_USERS } from "@/lib/auth/demo-users";
import { createUser } from "@/lib/auth/users";

/** Returns the emails of the users it created. */
export async function ensureDemoUsers(via: string): Promise<string[]> {
  const created: string[] = [];
  for (const demo of Object.values(DEMO_USERS)) {
    if (getDb().select({ id: users.id }).from(users).where(eq(users.email, demo.email)).get()) continue;
    const user = await createUser(demo);
    audit({ id: null, email: `system (${via})` }, "user.created", "user", user.id, { email: user.email, role: user.role, via });
    created.push(user.email);
  }
  return created;
}
