/** The source form: connection settings, saved query, limits, schedule, target dataset and push-down. */
import { z } from "zod";
import { scheduleError } from "@/lib/pipeline/schedule";

const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);
const optionalText = (label: string, max: number) =>
  z.preprocess(blankToNull, z.string().trim().max(max, `${label} must be at most ${max} characters`).nullable().default(null));
const optionalInteger = (label: string, min: number, max: number) =>
  z.preprocess(
    blankToNull,
    z.coerce.number({ error: `${label} must be a number` }).int(`${label} must be a whole number`).min(min, `${label} must be at least ${min}`).max(max, `${label} must be at most ${max}`).nullable().default(null),
  );

export const sourceFormSchema = z
  .object({
    sourceId: z.preprocess(blankToNull, z.coerce.number().int().positive().nullable().default(null)),
    name: z.string().trim().min(1, "Give the source a name").max(100, "Name must be at most 100 characters"),
    kind: z.enum(["sqlite", "postgres"], { error: "Choose SQLite file or PostgreSQL" }),
    path: optionalText("File path", 1000),
    host: optionalText("Host", 255),
    port: optionalInteger("Port", 1, 65_535),
    database: optionalText("Database", 255),
    user: optionalText("User", 255),
    /** Blank keeps the stored password; it is never sent back to the browser. */
    password: z.string().max(1000).default(""),
    clearPassword: z.preprocess((value) => value === "on" || value === "true", z.boolean()),
    ssl: z.preprocess((value) => value === "on" || value === "true", z.boolean()),
    query: z.string().trim().min(1, "Write the query that returns the pipeline's columns").max(20_000, "The query must be at most 20,000 characters"),
    rowLimit: optionalInteger("Row limit", 1, 5_000_000).transform((v) => v ?? 200_000),
    statementTimeoutSeconds: optionalInteger("Statement timeout", 1, 3_600).transform((v) => v ?? 60),
    schedule: optionalText("Schedule", 100),
    dataset: z.string().trim().min(1, "Name the dataset the batches go to").max(100, "Dataset name must be at most 100 characters"),
    targetColumn: optionalText("Target column", 200),
    positiveValue: optionalText("Positive value", 200),
    idColumn: optionalText("Customer id column", 200),
    pushdownThreshold: optionalInteger("Push-down threshold", 0, 1_000_000_000),
    scoreTable: optionalText("Score table", 130),
  })
  .superRefine((s, context) => {
    const need = (field: "path" | "host" | "database" | "user", message: string) => {
      if (!s[field]) context.addIssue({ code: "custom", path: [field], message });
    };
    if (s.kind === "sqlite") {
      need("path", "Give the SQLite file's path on the Driftline server");
      if (s.path && !s.path.startsWith("/")) context.addIssue({ code: "custom", path: ["path"], message: "Give an absolute path (starting with /)" });
      if (s.pushdownThreshold !== null) context.addIssue({ code: "custom", path: ["pushdownThreshold"], message: "Push-down runs in PostgreSQL; leave it blank for a SQLite file" });
    } else {
      need("host", "Give the PostgreSQL host");
      need("database", "Give the database name");
      need("user", "Give the user to connect as");
    }
    if (s.scoreTable !== null && !/^[A-Za-z_][A-Za-z0-9_]{0,62}(\.[A-Za-z_][A-Za-z0-9_]{0,62})?$/.test(s.scoreTable)) {
      context.addIssue({ code: "custom", path: ["scoreTable"], message: "Use letters, digits and _ (not starting with a digit), optionally schema.table" });
    }
    if (s.pushdownThreshold !== null && s.scoreTable === null) {
      context.addIssue({ code: "custom", path: ["scoreTable"], message: "Push-down scoring writes to a table: name it" });
    }
    const cron = s.schedule === null ? null : scheduleError(s.schedule);
    if (cron) context.addIssue({ code: "custom", path: ["schedule"], message: `Not a cron expression: ${cron}` });
  });

export type SourceForm = z.infer<typeof sourceFormSchema>;

/** What the form shows of a stored source: every setting except the password, of which only its presence. */
export interface SourceFormValues {
  sourceId: number | null;
  name: string;
  kind: "sqlite" | "postgres";
  path: string;
  host: string;
  port: string;
  database: string;
  user: string;
  ssl: boolean;
  hasPassword: boolean;
  query: string;
  rowLimit: string;
  statementTimeoutSeconds: string;
  schedule: string;
  dataset: string;
  targetColumn: string;
  positiveValue: string;
  idColumn: string;
  pushdownThreshold: string;
  scoreTable: string;
}
