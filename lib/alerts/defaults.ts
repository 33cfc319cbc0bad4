/**
 * The rules every pipeline starts with, so monitoring is never off by omission: PSI per feature at the data
 * dictionary's thresholds (0.1 / 0.25 unless set), realised ROC AUC below the pipeline's gate floor, and a
 * failed run. Admins add channels, change thresholds or switch retraining on from the Alerts page.
 */
import { notInArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { alertRules, pipelines, type NewAlertRule, type Pipeline } from "@/db/schema";

/** New rules: retraining at most once a day, reminders after a day, fire on 1 of 1. */
export const RULE_DEFAULTS = { fireM: 1, fireN: 1, cooldownSeconds: 86_400, renotifySeconds: 86_400 } as const;

export function defaultRules(pipeline: Pick<Pipeline, "id" | "features">): NewAlertRule[] {
  const base = { pipelineId: pipeline.id, channels: [], ...RULE_DEFAULTS };
  return [
    // Null thresholds: the data dictionary's, read at each evaluation (see effectiveThresholds).
    ...pipeline.features.map((f): NewAlertRule => ({ ...base, signal: "feature_psi", feature: f.name, operator: ">=", warning: null, critical: null })),
    // Null critical: the ROC AUC gate floor, read at each evaluation.
    { ...base, signal: "realised_metric", metric: "rocAuc", operator: "<", warning: null, critical: null },
    { ...base, signal: "run_failed", operator: ">=", warning: null, critical: 1 },
  ];
}

export function insertDefaultRules(pipeline: Pick<Pipeline, "id" | "features">): void {
  getDb().insert(alertRules).values(defaultRules(pipeline)).run();
}

/** Gives every pipeline created before alerting existed its default rules; run at start. */
export function ensureDefaultRules(): number {
  const db = getDb();
  const withRules = db.selectDistinct({ id: alertRules.pipelineId }).from(alertRules);
  const missing = db.select({ id: pipelines.id, features: pipelines.features }).from(pipelines).where(notInArray(pipelines.id, withRules)).all();
  for (const pipeline of missing) insertDefaultRules(pipeline);
  return missing.length;
}
