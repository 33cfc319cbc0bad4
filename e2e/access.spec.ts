/**
 * The access matrix (e2e/access-matrix.ts), enforced against the production build.
 *
 * The lists of server actions and route handlers come from the source files, so an action or route added
 * without a line in the matrix fails the first test. Each line is then called over HTTP the way a forged
 * request would be — as nobody and as each role, with sessions of their own — and the answer and the
 * database are checked. Actions are called with the Flight encoding Next uses in the browser (see
 * e2e/server-actions.ts): Next offers no supported way to call an action in-process with a request
 * context, and driving the UI cannot reach the controls a role is not shown.
 */
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, request as apiRequest, test, type APIRequestContext } from "@playwright/test";
import Database from "better-sqlite3";
import { ACTIONS, ROUTES, type Fixtures } from "./access-matrix";
import { ROLES, signIn, type Role } from "./auth";
import { snapshotDatabase } from "./db-snapshot";
import { actionIds, callAction, refusal } from "./server-actions";

const DATABASE = join("e2e", ".tmp", "e2e.db");
type Caller = Role | "anonymous";
const CALLERS: Caller[] = ["anonymous", ...ROLES];
const HTTP_METHODS = "GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS";

function filesUnder(dir: string, name: RegExp): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((file) => name.test(file)).map((file) => join(dir, file));
}

/** "file#export" for every export of every "use server" module in lib/actions. */
function sourceActions(): string[] {
  return filesUnder("lib/actions", /^[^/]+\.ts$/)
    .filter((file) => /^\s*["']use server["']/.test(readFileSync(file, "utf8")))
    .flatMap((file) => [...readFileSync(file, "utf8").matchAll(/^export\s+(?:async\s+function\s+|const\s+)(\w+)/gm)].map((m) => `${file}#${m[1]}`));
}

/** "METHOD /path" for every handler of every route.ts under app/ (route groups dropped, as in URLs). */
function sourceRoutes(): string[] {
  return filesUnder("app", /(^|\/)route\.ts$/).flatMap((file) => {
    const path = `/${file.split("/").slice(1, -1).filter((segment) => !/^\(.*\)$/.test(segment)).join("/")}`;
    const source = readFileSync(file, "utf8");
    const single = [...source.matchAll(new RegExp(`^export\\s+(?:async\\s+function|function|const)\\s+(${HTTP_METHODS})\\b`, "gm"))].map((m) => m[1]);
    const destructured = [...source.matchAll(/^export\s+const\s+\{([^}]+)\}\s*=/gm)].flatMap((m) => m[1].split(",").map((name) => name.trim()));
    return [...single, ...destructured].filter((method) => new RegExp(`^(${HTTP_METHODS})$`).test(method)).map((method) => `${method} ${path}`);
  });
}

/** What a caller should get from a line: through the guard, or refused with 401/403. */
function expectation(roles: readonly Role[] | "public" | "api-key" | "cron-secret", caller: Caller): "allowed" | 401 | 403 {
  if (roles === "public") return "allowed";
  if (roles === "api-key" || roles === "cron-secret" || caller === "anonymous") return 401;
  return roles.includes(caller) ? "allowed" : 403;
}

/** A user that exists only for the role-change and removal lines. */
function insertThrowawayUser(): string {
  const db = new Database(DATABASE);
  try {
    const id = randomUUID();
    const now = Date.now();
    db.prepare("INSERT INTO user (id, name, email, email_verified, role, created_at, updated_at) VALUES (?, 'Throwaway', ?, 1, 'pm', ?, ?)").run(id, `throwaway-${id}@driftline.local`, now, now);
    return id;
  } finally {
    db.close();
  }
}

test.describe("access matrix", () => {
  const callers = new Map<Caller, APIRequestContext>();
  let fixtures: Fixtures;

  test.beforeAll(async ({ baseURL }) => {
    for (const caller of CALLERS) {
      // Sessions of its own: the sign-out line must not end the sessions other specs use.
      const context = await apiRequest.newContext({ baseURL });
      if (caller !== "anonymous") await signIn(context, caller);
      callers.set(caller, context);
    }
    fixtures = { userId: insertThrowawayUser() };
  });

  test.afterAll(async () => {
    for (const context of callers.values()) await context.dispose();
  });

  test("every server action and route handler has a line in the matrix, and every line still exists", () => {
    const actions = sourceActions();
    const routes = sourceRoutes();
    expect(actions.filter((key) => !(key in ACTIONS)), "actions without a line in e2e/access-matrix.ts").toEqual([]);
    expect(routes.filter((key) => !(key in ROUTES)), "routes without a line in e2e/access-matrix.ts").toEqual([]);
    expect(Object.keys(ACTIONS).filter((key) => !actions.includes(key)), "lines for actions that no longer exist").toEqual([]);
    expect(Object.keys(ROUTES).filter((key) => !routes.includes(key)), "lines for routes that no longer exist").toEqual([]);
  });

  const ids = actionIds();
  for (const [key, line] of Object.entries(ACTIONS)) {
    test(`action ${key} answers ${line.roles === "public" ? "everyone" : line.roles.join(", ")} and refuses the rest`, async () => {
      const id = ids.get(key);
      test.skip(!id, "no page or component references it, so it cannot be called");
      // A public action is called without a session; a session would add nothing it checks.
      const roles = line.roles;
      for (const caller of roles === "public" ? (["anonymous"] as const) : CALLERS) {
        const before = snapshotDatabase(DATABASE);
        const answer = await callAction(callers.get(caller)!, id!, line.args(fixtures));
        const expected = expectation(roles, caller);
        if (expected === "allowed") {
          expect(refusal(answer), `${caller} should get past the guard of ${key}`).toBeNull();
          if (roles === "public") expect(snapshotDatabase(DATABASE), `${key} changed the database`).toEqual(before);
        } else {
          expect(refusal(answer), `${caller} calling ${key}`).toBe(expected === 401 ? "unauthenticated" : "forbidden");
          expect(snapshotDatabase(DATABASE), `${caller} calling ${key} changed the database`).toEqual(before);
        }
      }
    });
  }

  for (const [key, line] of Object.entries(ROUTES)) {
    test(`route ${key} answers ${typeof line.roles === "string" ? line.roles : line.roles.join(", ")} and refuses the rest`, async () => {
      const [method, path] = key.split(" ");
      for (const caller of line.roles === "public" ? (["anonymous"] as const) : CALLERS) {
        const before = snapshotDatabase(DATABASE);
        const response = await callers.get(caller)!.fetch(line.url ?? path, { method, data: line.body, maxRedirects: 0 });
        const expected = expectation(line.roles, caller);
        if (expected === "allowed") {
          expect([401, 403], `${caller} should get past the guard of ${key}`).not.toContain(response.status());
        } else {
          expect(response.status(), `${caller} calling ${key}`).toBe(expected);
          expect(snapshotDatabase(DATABASE), `${caller} calling ${key} changed the database`).toEqual(before);
        }
      }
      if (line.roles === "cron-secret") {
        // A session with a wrong secret is refused too; the right secret is exercised by e2e/alerts.spec.ts.
        const before = snapshotDatabase(DATABASE);
        const wrong = await callers.get("admin")!.fetch(line.url ?? path, { method, headers: { authorization: "Bearer not-the-cron-secret" } });
        expect(wrong.status(), `a wrong cron secret calling ${key}`).toBe(401);
        expect(snapshotDatabase(DATABASE)).toEqual(before);
      }
    });
  }
});
