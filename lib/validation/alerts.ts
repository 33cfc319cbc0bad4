/** Alert rule settings, acknowledgements and mutes as the forms send them. */
import { z } from "zod";
import { ALERT_METRICS, ALERT_OPERATORS, ALERT_SIGNALS } from "@/db/schema";

/** A blank threshold means none (or, for PSI and ROC AUC, the data dictionary's or the gate's). */
const threshold = z.preprocess(
  (v) => (v === "" || v === undefined || v === null ? null : Number(v)),
  z.number({ error: "Enter a number, or leave it blank." }).finite("Enter a finite number.").nullable(),
);
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

export const ruleSchema = z
  .object({
    signal: z.enum(ALERT_SIGNALS),
    feature: z.string().trim().max(200).optional().transform((v) => v || null),
    metric: z.enum(ALERT_METRICS).optional().nullable().transform((v) => v ?? null),
    operator: z.enum(ALERT_OPERATORS),
    warning: threshold,
    critical: threshold,
    fireM: z.coerce.number().int("Enter a whole number.").min(1, "M is at least 1.").max(100),
    fireN: z.coerce.number().int("Enter a whole number.").min(1, "N is at least 1.").max(100, "N is at most 100."),
    cooldownHours: z.coerce.number({ error: "Enter hours." }).min(0, "Hours cannot be negative.").max(24 * 365),
    renotifyHours: z.coerce.number({ error: "Enter hours." }).min(0.25, "At least a quarter of an hour.").max(24 * 365),
    channels: z.array(z.coerce.number().int().positive()).default([]),
    retrain: checkbox,
    enabled: checkbox,
  })
  .refine((r) => r.fireM <= r.fireN, { path: ["fireM"], message: "M cannot be more than N." })
  .refine((r) => (r.signal !== "feature_psi" && r.signal !== "missing_rate") || r.feature !== null, { path: ["feature"], message: "Choose a feature." })
  .refine((r) => (r.signal !== "realised_metric" && r.signal !== "estimated_metric") || r.metric !== null, { path: ["metric"], message: "Choose a metric." });

export type RuleInput = z.infer<typeof ruleSchema>;

/** Reads a rule form: checkboxes named "channels" become a list. */
export function ruleFields(formData: FormData): Record<string, unknown> {
  return { ...Object.fromEntries(formData.entries()), channels: formData.getAll("channels").map(String) };
}

export const acknowledgeSchema = z.object({
  ruleId: z.coerce.number().int().positive(),
  note: z.string().trim().min(1, "Say what you are doing about it.").max(1000, "Keep the note under 1000 characters."),
});

export const muteSchema = z.object({
  ruleId: z.coerce.number().int().positive(),
  /** Hours from now; 0 unmutes. */
  hours: z.coerce.number({ error: "Choose how long." }).min(0).max(24 * 90),
});
