/**
 * Who may do what, and the one place that enforces it. Every server action, page and route handler that
 * needs a signed-in user goes through here:
 *
 *   actions  `const user = await requireRole(...PERMISSIONS.train)` — throws AppError 401/403; the action
 *            returns it as `{ ok: false, message }` before touching anything.
 *   pages    `const user = await requirePageRole(...ROLES)` — no session: Next's unauthorized() boundary
 *            (app/unauthorized.tsx) sends the browser to /sign-in?next=<this page>; wrong role: forbidden().
 *   routes   `export const POST = withRole(PERMISSIONS["upload-data"], async (request, context, user) => …)`
 *            — 401 or 403 JSON before the handler runs.
 *
 * Routes for machines (cron, scores API) authenticate with their own secrets and never use this module.
 */
import { headers } from "next/headers";
import { forbidden, unauthorized } from "next/navigation";
import { cache } from "react";
import { ROLES, type Role } from "./roles";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/ndjson";
import { getAuth } from "./auth";

export { ROLES, type Role };

const EVERYONE = ["analyst", "pm", "admin"] as const satisfies readonly Role[];
const ANALYSTS_AND_ADMINS = ["analyst", "admin"] as const satisfies readonly Role[];
const ADMINS = ["admin"] as const satisfies readonly Role[];

/** The permission map: pages hide what a role cannot do, actions and routes refuse it. */
export const PERMISSIONS = {
  read: EVERYONE,
  "export-scores": EVERYONE,
  train: ANALYSTS_AND_ADMINS,
  "upload-data": ANALYSTS_AND_ADMINS,
  "run-monitoring": ANALYSTS_AND_ADMINS,
  promote: ANALYSTS_AND_ADMINS,
  "promote-past-failing-gate": ADMINS,
  "configure-alerts": ADMINS,
  "acknowledge-alerts": ANALYSTS_AND_ADMINS,
  "manage-channels": ADMINS,
  "manage-schedules": ADMINS,
  "manage-sources": ADMINS,
  "manage-api-keys": ADMINS,
  "manage-users": ADMINS,
  "view-audit-log": ADMINS,
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** The decision itself: the user when their role is allowed, else 401 (nobody signed in) or 403. */
export function authorize(user: SessionUser | null, roles: readonly Role[]): SessionUser {
  if (!user) throw new AppError("unauthenticated", "Sign in to continue.", {}, 401);
  if (!roles.includes(user.role)) {
    throw new AppError("forbidden", `Your role (${user.role}) does not allow this.`, {}, 403);
  }
  return user;
}

/** The signed-in user of a request, or null when there is no valid, unexpired session. */
export async function sessionUser(requestHeaders: Headers): Promise<SessionUser | null> {
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const { id, email, name, role } = session.user;
  return { id, email, name, role };
}

/** The current request's user, read once per request however many components ask. */
export const currentUser = cache(async (): Promise<SessionUser | null> => sessionUser(await headers()));

/** For server actions: the user, or an AppError 401/403 for the action to return as its result. */
export async function requireRole(...roles: Role[]): Promise<SessionUser> {
  return authorize(await currentUser(), roles);
}

/** For pages and layouts: the user, or Next's 401 (→ sign-in) and 403 pages instead of this one. */
export async function requirePageRole(...roles: Role[]): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) unauthorized();
  if (!roles.includes(user.role)) forbidden();
  return user;
}

/** For route handlers: answers 401/403 JSON itself, and calls `handler` only for an allowed user. */
export function withRole<Context>(
  roles: readonly Role[],
  handler: (request: Request, context: Context, user: SessionUser) => Response | Promise<Response>,
): (request: Request, context: Context) => Promise<Response> {
  return async (request, context) => {
    let user: SessionUser;
    try {
      user = authorize(await sessionUser(request.headers), roles);
    } catch (error) {
      return errorResponse(error);
    }
    return handler(request, context, user);
  };
}
