/** Who the end-to-end tests are: the seeded demo users, each with a storage state saved by global setup. */
import { join } from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { DEMO_USERS } from "../lib/auth/demo-users";
import { ROLES, type Role } from "../lib/auth/roles";

export { DEMO_USERS, ROLES, type Role };

export const STORAGE_STATE = Object.fromEntries(ROLES.map((role) => [role, join("e2e", ".tmp", "auth", `${role}.json`)])) as Record<Role, string>;

/** Signs in through better-auth's endpoint, as the sign-in form does; the request context keeps the cookie. */
export async function signIn(request: APIRequestContext, role: Role): Promise<void> {
  const { email, password } = DEMO_USERS[role];
  const response = await request.post("/api/auth/sign-in/email", { data: { email, password } });
  if (!response.ok()) throw new Error(`Signing in as ${role} failed: ${response.status()} ${await response.text()}`);
}
