/**
 * Evaluating a pipeline's rules. Each rule judges the observations it has not judged yet, in order, inside
 * one IMMEDIATE transaction per rule: the evaluations, the rule's new state and the notifications to send
 * (outbox rows) are written together, and the unique (rule, revision, observation) key means a repeated
 * tick or a concurrent evaluation never counts an observation twice. Time comes in as `now`, so a replay of
 * past monitoring stores past timestamps.
 */
import { and, eq } from "drizzle-orm";
import { cachedStatement, getDb, getSqlite } from "@/db/client";
import { alertEvents, alertRules, pipelines, type AlertRule, type Pipeline } from "@/db/schema";
import { env } from "@/lib/env";
import { enqueue } from "@/lib/notify/outbox";
import type { NotificationPayload } from "@/lib/notify/payload";
import { explainHref, formatValue, signalLabel, thresholdsLabel } from "./describe";
import { isMuted, nextState, reminderDue, severityOf, type NotificationKind, type Severity } from "./lifecycle";
import { effectiveThresholds, pendingObservations, type Observation } from "./signals";

export interface EvaluationSummary {
  evaluations: number;
  notifications: number;
  /** Evaluations that turned a retraining rule critical, outside its cooldown: the caller starts the run. */
  retrain: { ruleId: number; eventId: number }[];
}

/** Judges every enabled rule of the pipeline against its new observations, and sends due reminders. */
export function evaluateAlerts(pipelineId: number, { now = new Date() }: { now?: Date } = {}): EvaluationSummary {
  const summary: EvaluationSummary = { evaluations: 0, notifications: 0, retrain: [] };
  const pipeline = getDb().select().from(pipelines).where(eq(pipelines.id, pipelineId)).get();
  if (!pipeline) return summary;
  const ruleIds = getDb().select({ id: alertRules.id }).from(alertRules).where(and(eq(alertRules.pipelineId, pipelineId), eq(alertRules.enabled, true))).all();
  for (const { id } of ruleIds) {
    const result = getSqlite().transaction(() => evaluateRule(id, pipeline, now)).immediate();
    summary.evaluations += result.evaluations;
    summary.notifications += result.notifications;
    summary.retrain.push(...result.retrain);
  }
  return summary;
}

/** The newest evaluations of a rule's current series (statements compiled once: the tick runs them for every rule). */
const latestSeverities = (ruleId: number, revision: number, count: number) =>
  (cachedStatement("SELECT severity FROM alert_events WHERE rule_id = ? AND revision = ? ORDER BY id DESC LIMIT ?").all(ruleId, revision, count) as { severity: Severity }[]).map((e) => e.severity);
const lastObservationId = (ruleId: number, revision: number) =>
  (cachedStatement("SELECT observation_id AS id FROM alert_events WHERE rule_id = ? AND revision = ? ORDER BY id DESC LIMIT 1").get(ruleId, revision) as { id: number } | undefined)?.id ?? null;

function evaluateRule(ruleId: number, pipeline: Pipeline, now: Date): EvaluationSummary {
  const db = getDb();
  const rule = db.select().from(alertRules).where(eq(alertRules.id, ruleId)).get()!;
  const thresholds = effectiveThresholds(rule, pipeline);
  const summary: EvaluationSummary = { evaluations: 0, notifications: 0, retrain: [] };
  let current = rule;
  for (const observation of pendingObservations(pipeline.id, rule, lastObservationId(rule.id, rule.revision))) {
    const severity = severityOf(observation.value, thresholds);
    const window: Severity[] = [...latestSeverities(rule.id, rule.revision, rule.fireN - 1).reverse(), severity];
    const next = nextState(current, window, rule.fireM);
    const muted = isMuted(current.mutedUntil, now);
    const notification = next.notification && !muted ? next.notification : null;
    const message = describeEvaluation(rule, observation, thresholds, next.notification, muted);
    const inserted = db
      .insert(alertEvents)
      .values({
        ruleId: rule.id,
        revision: rule.revision,
        observation: observation.key,
        observationId: observation.id,
        batchId: observation.batchId,
        runId: observation.runId,
        value: observation.value,
        severity,
        state: next.state,
        transition: next.notification !== null,
        notification,
        message,
        at: now,
      })
      .onConflictDoNothing()
      .returning({ id: alertEvents.id })
      .get();
    if (!inserted) continue;
    summary.evaluations++;
    const opened = next.notification === "firing";
    const changes: Partial<AlertRule> = { state: next.state, severity: next.severity };
    if (opened) changes.openEventId = inserted.id;
    // A new alert, an escalation or a resolution is news: an acknowledgement of what came before no longer holds.
    if (next.notification !== null) Object.assign(changes, { acknowledgedAt: null, acknowledgedBy: null, acknowledgedNote: null });
    if (notification) {
      enqueue(rule.channels, inserted.id, payloadFor(pipeline, rule, observation, inserted.id, notification, message, next.severity, now), now);
      changes.lastNotifiedAt = now;
      summary.notifications++;
    }
    const turnedCritical = next.severity === "critical" && (next.notification === "firing" || next.notification === "escalated");
    if (turnedCritical && rule.retrain && outsideCooldown(current, now)) {
      changes.lastRetrainAt = now;
      summary.retrain.push({ ruleId: rule.id, eventId: inserted.id });
    }
    current = { ...current, ...changes };
  }
  if (reminderDue(current, now) && !isMuted(current.mutedUntil, now) && current.openEventId !== null) {
    const opening = db.select().from(alertEvents).where(eq(alertEvents.id, current.openEventId)).get()!;
    const observation: Observation = { key: opening.observation, id: opening.observationId, value: opening.value, runId: opening.runId, batchId: opening.batchId };
    const message = `Still firing since ${opening.at.toISOString()}: ${opening.message}`;
    enqueue(rule.channels, opening.id, payloadFor(pipeline, rule, observation, opening.id, "reminder", message, current.severity, now), now);
    current = { ...current, lastNotifiedAt: now };
    summary.notifications++;
  }
  if (current === rule) return summary; // nothing new: no write, so an idle tick stays cheap
  const { state, severity, openEventId, lastNotifiedAt, lastRetrainAt, acknowledgedAt, acknowledgedBy, acknowledgedNote } = current;
  db.update(alertRules).set({ state, severity, openEventId, lastNotifiedAt, lastRetrainAt, acknowledgedAt, acknowledgedBy, acknowledgedNote }).where(eq(alertRules.id, rule.id)).run();
  return summary;
}

function outsideCooldown(rule: AlertRule, now: Date): boolean {
  return rule.lastRetrainAt === null || now.getTime() - rule.lastRetrainAt.getTime() >= rule.cooldownSeconds * 1000;
}

function describeEvaluation(rule: AlertRule, observation: Observation, thresholds: ReturnType<typeof effectiveThresholds>, transition: NotificationKind | null, muted: boolean): string {
  const value = observation.value === null ? `undefined (${observation.reason ?? "no value"})` : formatValue(rule, observation.value);
  const where = observation.batchId ? ` in batch #${observation.batchId}` : observation.runId ? ` in run #${observation.runId}` : "";
  const change = transition ? `; ${transition}${muted ? " (muted, nobody notified)" : ""}` : "";
  return `${capitalise(signalLabel(rule))} ${value}${where} (${thresholdsLabel(rule, thresholds)})${change}`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function payloadFor(pipeline: Pipeline, rule: AlertRule, observation: Observation, eventId: number, kind: NotificationKind, message: string, severity: Severity, now: Date): NotificationPayload {
  const what = kind === "resolved" ? "resolved" : kind === "reminder" ? `still ${severity}` : severity;
  return {
    kind,
    title: `${pipeline.name}: ${signalLabel(rule)} ${what}`,
    text: message,
    severity,
    link: new URL(explainHref(pipeline.id, rule, observation), env().APP_URL).toString(),
    pipeline: { id: pipeline.id, name: pipeline.name },
    rule: { id: rule.id, signal: rule.signal, feature: rule.feature, metric: rule.metric },
    value: observation.value,
    alertEventId: eventId,
    runId: observation.runId,
    batchId: observation.batchId,
    at: now.toISOString(),
  };
}
