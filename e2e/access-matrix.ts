/**
 * Who may call what: one line per server action ("file#export") and per route handler ("METHOD /path").
 * e2e/access.spec.ts scans lib/actions/*.ts and every route.ts under app/, fails for anything without a
 * line here, then calls every line as nobody and as each role against the production build:
 *
 *   refused callers (no session, or a role not listed) get the guard's refusal (actions) or 401/403 (routes),
 *   and the database is left exactly as it was;
 *   allowed roles get past the guard (any other answer, success or a domain error).
 *
 * `args` are what every caller sends. They must get past the guard for allowed roles; where the change is
 * quick and synchronous, make them real (a refused caller then proves nothing changed), otherwise harmless
 * (unknown ids, an invalid form) — never anything that starts a training run.
 *
 * To add an action: copy a line, set its roles (from PERMISSIONS in lib/auth/guard.ts) and its arguments.
 */
import { ROLES, type Role } from "../lib/auth/roles";

/** Any signed-in role. */
const EVERYONE = ROLES;
const ANALYSTS_AND_ADMINS = ["analyst", "admin"] as const satisfies readonly Role[];
const ADMINS = ["admin"] as const satisfies readonly Role[];

/** Created by the spec before it runs the lines: a throwaway user and nothing else. */
export interface Fixtures {
  userId: string;
}

export interface ActionLine {
  /** Roles that get past the guard, or "public": answers everyone (sign-out, the token-gated setup). */
  roles: readonly Role[] | "public";
  args: (fixtures: Fixtures) => unknown[];
}

export interface RouteLine {
  /**
   * Roles allowed; "public": no session needed; "api-key": only an API key, never a session;
   * "cron-secret": only `Bearer $CRON_SECRET`, never a session (a wrong secret is refused too).
   */
  roles: readonly Role[] | "public" | "api-key" | "cron-secret";
  /** The concrete URL to call; defaults to the route's path. */
  url?: string;
  body?: string;
}

const INITIAL = { ok: true };
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};

export const ACTIONS: Record<string, ActionLine> = {
  "lib/actions/pipelines.ts#createPipelineAndTrain": { roles: ANALYSTS_AND_ADMINS, args: () => [INITIAL, form({ batchId: "1", name: "" })] },
  "lib/actions/pipelines.ts#runPipelineNow": { roles: ANALYSTS_AND_ADMINS, args: () => [999_999] },
  "lib/actions/pipelines.ts#cancelRun": { roles: ANALYSTS_AND_ADMINS, args: () => [999_999] },
  "lib/actions/pipeline-settings.ts#updateDictionary": { roles: ANALYSTS_AND_ADMINS, args: () => [999_999, []] },
  "lib/actions/pipeline-settings.ts#updatePipelineSettings": { roles: ADMINS, args: () => [INITIAL, form({ pipelineId: "999999" })] },
  "lib/actions/models.ts#promoteVersion": { roles: ANALYSTS_AND_ADMINS, args: () => [999_999, ""] },
  "lib/actions/models.ts#rollbackChampion": { roles: ANALYSTS_AND_ADMINS, args: () => [999_999, ""] },
  "lib/actions/api-keys.ts#addApiKey": { roles: ADMINS, args: () => [INITIAL, form({ name: "" })] },
  "lib/actions/api-keys.ts#revokeKey": { roles: ADMINS, args: () => [INITIAL, form({ keyId: "999999" })] },
  "lib/actions/users.ts#addUser": {
    roles: ADMINS,
    args: () => [INITIAL, form({ email: `matrix-${Date.now()}@driftline.local`, name: "Matrix", role: "admin", password: "matrix-password-1" })],
  },
  "lib/actions/users.ts#changeUserRole": { roles: ADMINS, args: (f) => [INITIAL, form({ userId: f.userId, role: "admin" })] },
  "lib/actions/users.ts#removeUser": { roles: ADMINS, args: (f) => [INITIAL, form({ userId: f.userId })] },
  "lib/actions/sources.ts#saveSource": { roles: ADMINS, args: () => [INITIAL, form({ name: "" })] },
  "lib/actions/sources.ts#testSourceConnection": { roles: ADMINS, args: () => [INITIAL, form({ name: "" })] },
  "lib/actions/sources.ts#previewSource": { roles: ADMINS, args: () => [INITIAL, form({ name: "" })] },
  "lib/actions/sources.ts#extractSourceNow": { roles: ADMINS, args: () => [INITIAL, form({ sourceId: "999999" })] },
  "lib/actions/alerts.ts#saveRule": { roles: ADMINS, args: () => [INITIAL, form({ ruleId: "999999", signal: "run_failed", operator: ">=", critical: "1", fireM: "1", fireN: "1", cooldownHours: "24", renotifyHours: "24", enabled: "on" })] },
  "lib/actions/alerts.ts#acknowledgeAlert": { roles: ANALYSTS_AND_ADMINS, args: () => [INITIAL, form({ ruleId: "999999", note: "looking into it" })] },
  "lib/actions/alerts.ts#muteAlert": { roles: ANALYSTS_AND_ADMINS, args: () => [INITIAL, form({ ruleId: "999999", hours: "1" })] },
  "lib/actions/channels.ts#addChannel": { roles: ADMINS, args: () => [INITIAL, form({ kind: "webhook", name: "" })] },
  "lib/actions/channels.ts#sendTestMessage": { roles: ADMINS, args: () => [INITIAL, form({ channelId: "999999" })] },
  "lib/actions/channels.ts#removeChannel": { roles: ADMINS, args: () => [INITIAL, form({ channelId: "999999" })] },
  "lib/actions/session.ts#signOut": { roles: "public", args: () => [] },
  "lib/actions/setup.ts#setUpFirstAdmin": {
    roles: "public",
    args: () => [INITIAL, form({ token: "not-the-token", email: "intruder@example.com", name: "Intruder", password: "intruder-password-1" })],
  },
};

export const ROUTES: Record<string, RouteLine> = {
  "GET /api/health": { roles: "public" },
  "POST /api/auth/[...all]": { roles: "public", url: "/api/auth/sign-in/email", body: "{}" },
  "GET /api/runs/[id]": { roles: EVERYONE, url: "/api/runs/999999" },
  "POST /api/uploads": { roles: ANALYSTS_AND_ADMINS, url: "/api/uploads?name=matrix.csv", body: "" },
  "POST /api/uploads/[id]/analyze": { roles: ANALYSTS_AND_ADMINS, url: "/api/uploads/00000000-0000-4000-8000-000000000000/analyze", body: "{}" },
  "POST /api/uploads/[id]/import": { roles: ANALYSTS_AND_ADMINS, url: "/api/uploads/00000000-0000-4000-8000-000000000000/import", body: "{}" },
  "GET /api/scores": { roles: "api-key" },
  "GET /api/scores/[customerId]": { roles: "api-key", url: "/api/scores/7590-VHVEG" },
  "GET /scores/export.csv": { roles: EVERYONE },
  "GET /api/cron/tick": { roles: "cron-secret" },
};
