/** Editing a pipeline after creation: its data dictionary, and its schedule, gates, policy and bands. */
import { z } from "zod";
import { MAX_COLUMN_NAME } from "@/lib/data/header";
import { scheduleError } from "@/lib/pipeline/schedule";

const text = (label: string, max: number) => z.string().trim().max(max, `${label} must be at most ${max} characters`);

/** A blank threshold means "use the default"; a number must be a sensible PSI. */
const psi = (label: string) =>
  z.preprocess(
    (value) => (value === "" || value === null ? undefined : value),
    z.coerce.number({ error: `${label} must be a number` }).gt(0, `${label} must be above 0`).max(10, `${label} must be at most 10`).optional(),
  );

export const dictionarySchema = z.array(
  z
    .object({
      name: z.string().max(MAX_COLUMN_NAME),
      description: text("Description", 500),
      transformation: text("Transformation", 300),
      owner: text("Owner note", 200),
      psiWarning: psi("PSI warning"),
      psiCritical: psi("PSI critical"),
    })
    .refine((f) => f.psiWarning === undefined || f.psiCritical === undefined || f.psiWarning < f.psiCritical, {
      message: "The PSI warning threshold must be below the critical one",
    }),
).max(2000, "A data dictionary has at most 2,000 entries");

export const pipelineSettingsSchema = z
  .object({
    pipelineId: z.coerce.number().int().positive(),
    schedule: z.string().trim().max(100).transform((value) => (value === "" ? null : value)),
    deployPolicy: z.enum(["auto", "manual"]),
    aucFloor: z.coerce.number({ error: "ROC AUC floor must be a number" }).min(0.5, "ROC AUC floor must be at least 0.5").max(1, "ROC AUC floor must be at most 1"),
    maxDrop: z.coerce.number({ error: "Allowed drop must be a number" }).min(0, "Allowed drop cannot be negative").max(0.5, "Allowed drop must be at most 0.5"),
    high: z.coerce.number({ error: "High-risk cut-off must be a number" }).gt(0).lt(1, "High-risk cut-off must be below 1"),
    medium: z.coerce.number({ error: "Medium-risk cut-off must be a number" }).gt(0, "Medium-risk cut-off must be above 0").lt(1),
    scoringDatasetId: z.coerce.number().int().positive().optional().catch(undefined),
    /** The source each run reads a fresh batch from; blank = the dataset's latest batch. */
    sourceId: z.coerce.number().int().positive().optional().catch(undefined),
    // Optional so callers that predate the setting keep the pipeline's lag rather than failing.
    // A blank field keeps the current lag (z.coerce would read "" as 0 days).
    labelLagDays: z.preprocess(
      (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
      z.coerce.number({ error: "Label lag must be a number of days" }).int("Label lag must be whole days").min(0, "Label lag cannot be negative").max(3650, "Label lag must be at most 3650 days").optional(),
    ),
  })
  .refine((s) => s.medium < s.high, { path: ["medium"], message: "The medium cut-off must be below the high one" })
  .superRefine((s, context) => {
    const error = s.schedule === null ? null : scheduleError(s.schedule);
    if (error) context.addIssue({ code: "custom", path: ["schedule"], message: `Not a cron expression: ${error}` });
  });
