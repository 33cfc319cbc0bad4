/**
 * The better-auth instance: email-and-password sign-in on the app's SQLite database through drizzle.
 * Built lazily and once per database file, so `next build` opens no database and tests can switch files.
 * Sign-up is off: users are created by an admin (lib/auth/users.ts), the seed, or the first-admin setup.
 */
import { betterAuth } from "better-auth";
import { eq } from "drizzle-orm";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { databasePath, getDb } from "@/db/client";
import { accounts, rateLimits, ROLES, sessions, users, verifications } from "@/db/schema";
import { audit } from "@/lib/audit/audit";
import { env } from "@/lib/env";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/validation/password";
import { authSecret } from "./secret";

const DAY_SECONDS = 24 * 3600;

/**
 * The origins of this server's own pages as the browser that sent the request reached it, by its Host (or,
 * behind a proxy, X-Forwarded-Host) header, as Next.js checks server actions; over http or https, since TLS
 * may end at a proxy. Not the request's URL: under `next start` that names the address the server was
 * started with (localhost), so a sign-in from http://127.0.0.1:3000 was refused as "Invalid origin".
 */
function sameOrigins(request: Request): string[] {
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  return [`http://${host}`, `https://${host}`];
}

function createAuth() {
  const config = env();
  const sessionSeconds = Math.round(config.SESSION_DAYS * DAY_SECONDS);
  return betterAuth({
    appName: "Driftline",
    baseURL: config.APP_URL,
    // Same-origin requests are trusted whatever address reaches the server (localhost, 127.0.0.1, the LAN
    // name), as well as APP_URL for a public address behind a proxy; a cross-site origin is still refused.
    trustedOrigins: (request) => (request ? sameOrigins(request) : []),
    secret: authSecret(),
    database: drizzleAdapter(getDb(), {
      provider: "sqlite",
      schema: { user: users, session: sessions, account: accounts, verification: verifications, rateLimit: rateLimits },
    }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: PASSWORD_MIN, maxPasswordLength: PASSWORD_MAX },
    // input: false — no request to better-auth's endpoints can set or change a role; only our guarded actions do.
    user: { additionalFields: { role: { type: [...ROLES], required: true, defaultValue: "pm", input: false } } },
    // No cookie cache: every request reads the session row, so a removed user or a changed role counts at once.
    // A session in use is renewed at most daily (more often only for sessions shorter than a week).
    session: { expiresIn: sessionSeconds, updateAge: Math.min(DAY_SECONDS, Math.round(sessionSeconds / 7)) },
    rateLimit: {
      enabled: true,
      storage: "database",
      customRules: { "/sign-in/email": { window: 60, max: config.SIGN_IN_ATTEMPTS_PER_MINUTE } },
    },
    databaseHooks: {
      session: {
        create: {
          after: async (session) => {
            const user = getDb().select({ id: users.id, email: users.email }).from(users).where(eq(users.id, session.userId)).get();
            if (user) audit(user, "user.signed_in", "user", user.id);
          },
        },
      },
    },
    // A self-hosted app does not report usage anywhere.
    telemetry: { enabled: false },
    // Last, as better-auth asks: lets server actions set and clear the session cookie.
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

let instance: { auth: Auth; path: string } | null = null;

export function getAuth(): Auth {
  const path = databasePath();
  if (instance?.path !== path) instance = { auth: createAuth(), path };
  return instance.auth;
}
