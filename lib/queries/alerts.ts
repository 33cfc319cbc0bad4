/** Reads for the Alerts pages: open alerts first, recent transitions, rules, and one rule's history. */
import "server-only";
import { asc, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { alertEvents, alertRules, pipelines, type AlertEvent, type AlertRule } from "@/db/schema";
import { explainHref, formatValue, signalLabel, thresholdsLabel } from "@/lib/alerts/describe";
import { outcomeSentence, retrainOutcome } from "@/lib/alerts/outcome";
import { effectiveThresholds } from "@/lib/alerts/signals";

const SEVERITY_ORDER = { critical: 0, warning: 1, ok: 2 } as const;

type PipelineFacts = Pick<typeof pipelines.$inferSelect, "id" | "name" | "features" | "gates">;

function pipelineMap(): Map<number, PipelineFacts> {
  const rows = getDb().select({ id: pipelines.id, name: pipelines.name, features: pipelines.features, gates: pipelines.gates }).from(pipelines).all();
  return new Map(rows.map((p) => [p.id, p]));
}

/** A rule as people read it: what it watches, its thresholds in force, its state. */
function ruleView(rule: AlertRule, pipeline: PipelineFacts) {
  return {
    ...rule,
    pipelineName: pipeline.name,
    label: signalLabel(rule),
    thresholds: thresholdsLabel(rule, effectiveThresholds(rule, pipeline)),
    effective: effectiveThresholds(rule, pipeline),
  };
}

function eventView(event: AlertEvent, rule: AlertRule) {
  return {
    ...event,
    valueLabel: formatValue(rule, event.value),
    href: explainHref(rule.pipelineId, rule, event),
    retrain: event.retrainRunId ? { runId: event.retrainRunId, sentence: outcomeSentence(retrainOutcome(event.retrainRunId)!) } : null,
  };
}

export function listRules() {
  const byId = pipelineMap();
  return getDb().select().from(alertRules).orderBy(asc(alertRules.pipelineId), asc(alertRules.id)).all().map((rule) => ruleView(rule, byId.get(rule.pipelineId)!));
}

/** Firing rules, critical first then oldest first, each with the evaluation that opened it. */
export function listOpenAlerts() {
  const byId = pipelineMap();
  const firing = getDb().select().from(alertRules).where(eq(alertRules.state, "firing")).all();
  const openIds = firing.map((r) => r.openEventId).filter((id): id is number => id !== null);
  const opened = new Map(openIds.length ? getDb().select().from(alertEvents).where(inArray(alertEvents.id, openIds)).all().map((e) => [e.id, e]) : []);
  return firing
    .map((rule) => {
      const event = rule.openEventId ? opened.get(rule.openEventId) : undefined;
      return { rule: ruleView(rule, byId.get(rule.pipelineId)!), opened: event ? eventView(event, rule) : null, latest: latestEvent(rule) };
    })
    .sort((a, b) => SEVERITY_ORDER[a.rule.severity] - SEVERITY_ORDER[b.rule.severity] || (a.opened?.at.getTime() ?? 0) - (b.opened?.at.getTime() ?? 0));
}

function latestEvent(rule: AlertRule) {
  const event = getDb().select().from(alertEvents).where(eq(alertEvents.ruleId, rule.id)).orderBy(desc(alertEvents.id)).limit(1).get();
  return event ? eventView(event, rule) : null;
}

/** The latest transitions (fired, escalated, resolved) of every rule: the alert history. */
export function listTransitions(limit = 50) {
  const byId = pipelineMap();
  const rows = getDb()
    .select({ event: alertEvents, rule: alertRules })
    .from(alertEvents)
    .innerJoin(alertRules, eq(alertRules.id, alertEvents.ruleId))
    .where(eq(alertEvents.transition, true))
    .orderBy(desc(alertEvents.at), desc(alertEvents.id))
    .limit(limit)
    .all();
  return rows.map(({ event, rule }) => ({ ...eventView(event, rule), rule: ruleView(rule, byId.get(rule.pipelineId)!) }));
}

export function getRuleDetail(ruleId: number) {
  const rule = getDb().select().from(alertRules).where(eq(alertRules.id, ruleId)).get();
  if (!rule) return null;
  const pipeline = pipelineMap().get(rule.pipelineId)!;
  const events = getDb().select().from(alertEvents).where(eq(alertEvents.ruleId, rule.id)).orderBy(desc(alertEvents.id)).limit(200).all();
  return { rule: ruleView(rule, pipeline), pipeline, events: events.map((e) => eventView(e, rule)) };
}

/** The evaluations that started a retraining run, for the run's page. */
export function listRetrainCauses(runId: number) {
  return getDb()
    .select({ ruleId: alertEvents.ruleId, message: alertEvents.message, at: alertEvents.at })
    .from(alertEvents)
    .where(eq(alertEvents.retrainRunId, runId))
    .orderBy(asc(alertEvents.id))
    .all();
}

/** How many rules watch a pipeline and how many of them fire, for its page. */
export function countPipelineRules(pipelineId: number): { rules: number; firing: number } {
  const rows = getDb().select({ state: alertRules.state }).from(alertRules).where(eq(alertRules.pipelineId, pipelineId)).all();
  return { rules: rows.length, firing: rows.filter((r) => r.state === "firing").length };
}
