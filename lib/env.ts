/**
 * The environment, validated with zod. `loadEnv()` runs at server start (instrumentation.ts) and in the
 * CLI, so a wrong value stops the process with a message naming the variable instead of failing later.
 */
import { z } from "zod";
import { DEFAULT_DATABASE_PATH } from "@/db/client";

const schema = z.object({
  DATABASE_PATH: z.string().min(1).default(DEFAULT_DATABASE_PATH),
  /** Bearer secret for /api/cron/*; the cron route refuses every call while it is unset. */
  CRON_SECRET: z
    .string()
    .min(16, "must be at least 16 characters (generate one with `openssl rand -hex 32`)")
    .optional(),
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
