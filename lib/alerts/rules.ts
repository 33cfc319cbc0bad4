/** Changing rules and answering alerts: edit, acknowledge with a note, mute until a time. */
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { alertEvents, alertRules, pipelines, type NewAlertRule } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { RuleInput } from "@/lib/validation/alerts";
import { RULE_DEFAULTS } from "./defaults";

function ruleOrThrow(ruleId: number) {
  const rule = getDb().select().from(alertRules).where(eq(alertRules.id, ruleId)).get();
  if (!rule) throw new AppError("not_found", `Alert rule #${ruleId} does not exist.`, {}, 404);
  return rule;
}

function checkFeature(pipelineId: number, input: RuleInput): void {
  if (input.signal !== "feature_psi" && input.signal !== "missing_rate") return;
  const pipeline = getDb().select({ features: pipelines.features }).from(pipelines).where(eq(pipelines.id, pipelineId)).get();
  if (!pipeline) throw new AppError("not_found", `Pipeline #${pipelineId} does not exist.`, {}, 404);
  if (!pipeline.features.some((f) => f.name === input.feature)) {
    throw new AppError("unknown_feature", `"${input.feature}" is not a feature of this pipeline.`, { column: "feature", value: input.feature ?? "" });
  }
}

const settings = (input: RuleInput) => ({
  signal: input.signal,
  feature: input.signal === "feature_psi" || input.signal === "missing_rate" ? input.feature : null,
  metric: input.signal === "realised_metric" || input.signal === "estimated_metric" ? input.metric : null,
  operator: input.operator,
  warning: input.warning,
  critical: input.critical,
  fireM: input.fireM,
  fireN: input.fireN,
  cooldownSeconds: input.cooldownHours * 3600,
  renotifySeconds: input.renotifyHours * 3600,
  channels: input.channels,
  retrain: input.retrain,
  enabled: input.enabled,
});

export function createRule(pipelineId: number, input: RuleInput): number {
  checkFeature(pipelineId, input);
  const values: NewAlertRule = { pipelineId, ...RULE_DEFAULTS, ...settings(input) };
  return getDb().insert(alertRules).values(values).returning({ id: alertRules.id }).get().id;
}

/**
 * Saves new settings and starts a new series of evaluations (revision + 1): the next evaluation judges the
 * latest observation again under the new thresholds, so an edit takes effect at the next tick.
 */
export function updateRule(ruleId: number, input: RuleInput, now = new Date()): void {
  const rule = ruleOrThrow(ruleId);
  checkFeature(rule.pipelineId, input);
  getDb()
    .update(alertRules)
    .set({ ...settings(input), revision: sql`${alertRules.revision} + 1`, updatedAt: now })
    .where(eq(alertRules.id, ruleId))
    .run();
}

/** Acknowledges the open alert: reminders stop until it changes again. The note is kept on the evaluation that opened it. */
export function acknowledgeAlert(ruleId: number, by: string, note: string, now = new Date()): void {
  const rule = ruleOrThrow(ruleId);
  if (rule.state !== "firing" || rule.openEventId === null) throw new AppError("not_firing", "This alert is not firing; there is nothing to acknowledge.", {}, 409);
  getDb().transaction((tx) => {
    tx.update(alertRules).set({ acknowledgedAt: now, acknowledgedBy: by, acknowledgedNote: note }).where(eq(alertRules.id, ruleId)).run();
    tx.update(alertEvents).set({ acknowledgedBy: by, acknowledgedNote: note }).where(eq(alertEvents.id, rule.openEventId!)).run();
  });
}

/** No notifications until `until` (null unmutes); evaluations and state changes go on. */
export function muteRule(ruleId: number, until: Date | null): void {
  ruleOrThrow(ruleId);
  getDb().update(alertRules).set({ mutedUntil: until }).where(eq(alertRules.id, ruleId)).run();
}
