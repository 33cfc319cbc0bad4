/**
 * The environment, validated with zod. `loadEnv()` runs at server start (instrumentation.ts) and in the
 * CLI, so a wrong value stops the process with a message naming the variable instead of failing later.
 */
import { z } from "zod";
import { DEFAULT_DATABASE_PATH } from "@/db/client";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/validation/password";

const schema = z
  .object({
    DATABASE_PATH: z.string().min(1).default(DEFAULT_DATABASE_PATH),
    /** Bearer secret for /api/cron/*; the cron route refuses every call while it is unset. */
    CRON_SECRET: z
      .string()
      .min(16, "must be at least 16 characters (generate one with `openssl rand -hex 32`)")
      .optional(),
    /** "on": this server runs the tick itself every minute (one self-hosted instance); "off": a cron caller does. */
    DRIFTLINE_SCHEDULER: z.enum(["on", "off"], { error: 'must be "on" or "off"' }).default("off"),
    APP_URL: z.url("must be an absolute URL such as http://localhost:3000").default("http://localhost:3000"),
    /** Largest CSV upload accepted, in megabytes. */
    MAX_UPLOAD_MB: z.coerce
      .number({ error: "must be a number of megabytes" })
      .int("must be a whole number of megabytes")
      .min(1, "must be at least 1 (megabyte)")
      .max(10_000, "must be at most 10000 (megabytes)")
      .default(200),
    /** Where uploads wait between upload and import. */
    UPLOAD_DIR: z.string().min(1).default("./data/uploads"),
    /** The first admin, created at start while no user exists. Without them, start prints a one-time setup link. */
    ADMIN_EMAIL: z.email("must be an email address").optional(),
    ADMIN_PASSWORD: z
      .string()
      .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
      .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`)
      .optional(),
    /** Encrypts stored secrets (channel and warehouse credentials): 64 hex characters. While unset, a key is generated into secrets.key beside the database. */
    SECRETS_KEY: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, "must be 64 hexadecimal characters (generate one with `openssl rand -hex 32`)")
      .optional(),
    /** Signs session cookies. While unset, a random secret is generated once and kept in the database. */
    BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters (generate one with `openssl rand -hex 32`)").optional(),
    /** How long a session lasts without use, in days (fractions allowed). */
    SESSION_DAYS: z.coerce
      .number({ error: "must be a number of days" })
      .positive("must be above 0 (days)")
      .max(365, "must be at most 365 (days)")
      .default(7),
    /** Sign-in attempts allowed per client address per minute. */
    SIGN_IN_ATTEMPTS_PER_MINUTE: z.coerce
      .number({ error: "must be a number of attempts" })
      .int("must be a whole number of attempts")
      .min(1, "must be at least 1")
      .max(10_000, "must be at most 10000")
      .default(10),
  })
  .refine((env) => !!env.ADMIN_EMAIL === !!env.ADMIN_PASSWORD, {
    path: ["ADMIN_PASSWORD"],
    message: "set ADMIN_EMAIL and ADMIN_PASSWORD together, or neither",
  });

export type Env = z.infer<typeof schema>;

let cached: Env | null = null;

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  // Blank values count as unset, as in most .env tooling.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  return parsed.data;
}

export function env(): Env {
  cached ??= loadEnv();
  return cached;
}
