/** The drift view as it lives in the URL: pipeline, period, and the feature and batch being inspected. */
import { z } from "zod";

export const DRIFT_PERIODS = { "7d": 7, "30d": 30, "90d": 90, all: null } as const;
export type DriftPeriod = keyof typeof DRIFT_PERIODS;

export const driftViewSchema = z.object({
  pipeline: z.coerce.number().int().positive().optional().catch(undefined),
  period: z.enum(Object.keys(DRIFT_PERIODS) as [DriftPeriod, ...DriftPeriod[]]).default("all").catch("all"),
  feature: z.string().trim().max(200).optional().transform((v) => (v ? v : undefined)).catch(undefined),
  batch: z.coerce.number().int().positive().optional().catch(undefined),
});

export type DriftView = z.infer<typeof driftViewSchema>;

/** The earliest batch as-of time a period includes, or null for every batch. */
export function periodStart(period: DriftPeriod, now = Date.now()): Date | null {
  const days = DRIFT_PERIODS[period];
  return days === null ? null : new Date(now - days * 86_400_000);
}
