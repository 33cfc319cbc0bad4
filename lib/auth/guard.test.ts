import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { sessions } from "@/db/schema";
import { isAppError } from "@/lib/errors";
import { sessionCookie, useTempDatabase } from "@/lib/test/auth-db";
import { authorize, can, PERMISSIONS, ROLES, sessionUser, withRole, type Permission, type Role, type SessionUser } from "./guard";
import { createUser } from "./users";

process.env.SESSION_DAYS = "2";
useTempDatabase();

const user = (role: Role): SessionUser => ({ id: `id-${role}`, email: `${role}@example.com`, name: role, role });

/** The roles the product promises each permission to; the guard's map must say exactly this. */
const EXPECTED: Record<Permission, Role[]> = {
  read: ["analyst", "pm", "admin"],
  "export-scores": ["analyst", "pm", "admin"],
  train: ["analyst", "admin"],
  "upload-data": ["analyst", "admin"],
  "run-monitoring": ["analyst", "admin"],
  promote: ["analyst", "admin"],
  "promote-past-failing-gate": ["admin"],
  "configure-alerts": ["admin"],
  "acknowledge-alerts": ["analyst", "admin"],
  "manage-channels": ["admin"],
  "manage-schedules": ["admin"],
  "manage-sources": ["admin"],
  "manage-api-keys": ["admin"],
  "manage-users": ["admin"],
  "view-audit-log": ["admin"],
};

function refusalOf(run: () => unknown): { status: number; code: string } | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { status: error.status, code: error.code };
  }
}

describe("the permission map", () => {
  it("gives each permission to exactly the roles the product promises", () => {
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
      expect(ROLES.filter((role) => can(role, permission)), permission).toEqual(EXPECTED[permission]);
    }
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it("lets a PM read and export but neither train, upload, promote nor configure anything", () => {
    const allowed = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can("pm", p));
    expect(allowed).toEqual(["read", "export-scores"]);
  });
});

describe("authorize", () => {
  it("answers 401 without a user, 403 for a role not listed, and the user otherwise", () => {
    for (const roles of [["admin"], ["analyst", "admin"], [...ROLES]] as Role[][]) {
      expect(refusalOf(() => authorize(null, roles))).toEqual({ status: 401, code: "unauthenticated" });
      for (const role of ROLES) {
        const decided = refusalOf(() => authorize(user(role), roles));
        expect(decided, `${role} for ${roles.join(",")}`).toEqual(roles.includes(role) ? null : { status: 403, code: "forbidden" });
      }
    }
    expect(authorize(user("pm"), ROLES)).toEqual(user("pm"));
  });
});

describe("sessions", () => {
  it("reads the user and role of a valid session cookie, and nothing from a forged one", async () => {
    await createUser({ email: "ana@example.com", name: "Ana", role: "analyst", password: "ana-password-1" });
    const cookie = await sessionCookie("ana@example.com", "ana-password-1");
    expect(await sessionUser(new Headers({ cookie }))).toMatchObject({ email: "ana@example.com", role: "analyst" });
    expect(await sessionUser(new Headers({ cookie: `${cookie.slice(0, -3)}abc` }))).toBeNull();
    expect(await sessionUser(new Headers())).toBeNull();
  });

  it("expire after SESSION_DAYS, and a session past its expiry is rejected", async () => {
    await createUser({ email: "exp@example.com", name: "Exp", role: "pm", password: "exp-password-1" });
    const started = Date.now();
    const cookie = await sessionCookie("exp@example.com", "exp-password-1");
    const token = decodeURIComponent(cookie.split("=")[1]).split(".")[0];
    const session = getDb().select().from(sessions).where(eq(sessions.token, token)).get()!;
    expect(session.expiresAt.getTime() - started).toBeGreaterThan(2 * 86_400_000 - 60_000);
    expect(session.expiresAt.getTime() - started).toBeLessThanOrEqual(2 * 86_400_000 + 60_000);

    getDb().update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.id, session.id)).run();
    expect(await sessionUser(new Headers({ cookie }))).toBeNull();
  });
});

describe("withRole", () => {
  const handler = withRole(PERMISSIONS["upload-data"], (_request, _context: unknown, who) => Response.json({ who: who.email }));
  const call = (cookie?: string) => handler(new Request("http://localhost/x", { headers: cookie ? { cookie } : {} }), {});

  it("answers 401 JSON without a session, 403 JSON for a wrong role, and runs the handler for an allowed one", async () => {
    await createUser({ email: "pat@example.com", name: "Pat", role: "pm", password: "pat-password-1" });
    await createUser({ email: "al@example.com", name: "Al", role: "analyst", password: "al-password-1" });
    const anonymous = await call();
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe("unauthenticated");
    const pm = await call(await sessionCookie("pat@example.com", "pat-password-1"));
    expect(pm.status).toBe(403);
    expect((await pm.json()).error).toMatchObject({ code: "forbidden", message: "Your role (pm) does not allow this." });
    const analyst = await call(await sessionCookie("al@example.com", "al-password-1"));
    expect(await analyst.json()).toEqual({ who: "al@example.com" });
  });
});
