/**
 * What the overview answers at a glance: is each champion healthy, what fired, and what changed in the
 * day before the latest data (not the wall clock: a workspace fed monthly, or a replayed one, still
 * answers). What drifted comes from listLatestDrifted in ./drift.
 */
import "server-only";
import { and, desc, eq, gte, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { aliasHistory, alertEvents, alertRules, batches, datasets, modelVersions, performanceResults, pipelines, runs } from "@/db/schema";
import { countRisenToHigh, scoreStepCounts } from "@/lib/pipeline/scores-store";
import { signalLabel } from "@/lib/alerts/describe";
import { getBatchDrift, listLatestDrifted } from "./drift";
import { listChampions } from "./models";

/** Realised ROC AUC this far below the version's validation figure counts as degrading. */
export const DEGRADATION = 0.03;
const DAY_MS = 24 * 60 * 60 * 1000;

export type Tone = "good" | "warning" | "critical" | "info";

export interface HealthCheck {
  tone: Tone;
  text: string;
  href: string;
}

export interface ChampionHealth {
  pipelineId: number;
  pipelineName: string;
  modelVersionId: number;
  version: number;
  verdict: "healthy" | "at risk" | "unhealthy";
  checks: HealthCheck[];
}

export function listChampionHealth(): ChampionHealth[] {
  const drifted = new Map(listLatestDrifted().map((d) => [d.pipeline.id, d]));
  return listChampions().map((champion) => {
    const checks: HealthCheck[] = [];
    const performance = `/drift?pipeline=${champion.pipelineId}#performance`;
    const floor = floorOf(champion.pipelineId);
    const realised = latestPerformance(champion.modelVersionId, "realised");
    const estimated = latestPerformance(champion.modelVersionId, "estimated");
    if (realised?.rocAuc != null) {
      const at = `scores of ${day(realised.scoredAt)}, ${realised.n} outcomes`;
      if (floor !== null && realised.rocAuc < floor) {
        checks.push({ tone: "critical", text: `Realised ROC AUC ${fmt(realised.rocAuc)} is below the ${floor} floor (${at}).`, href: performance });
      } else if (champion.rocAuc !== null && realised.rocAuc < champion.rocAuc - DEGRADATION) {
        checks.push({ tone: "warning", text: `Realised ROC AUC ${fmt(realised.rocAuc)} is ${fmt(champion.rocAuc - realised.rocAuc)} below its validation ${fmt(champion.rocAuc)} (${at}).`, href: performance });
      } else {
        checks.push({ tone: "good", text: `Realised ROC AUC ${fmt(realised.rocAuc)} against validation ${fmt(champion.rocAuc)} (${at}).`, href: performance });
      }
    } else {
      const guess = estimated?.rocAuc != null ? `; estimated ROC AUC ${fmt(estimated.rocAuc)}` : "";
      checks.push({ tone: "info", text: `No outcomes for its scores yet${guess}.`, href: performance });
    }
    const latest = drifted.get(champion.pipelineId);
    if (latest) {
      const critical = latest.drifted.filter((f) => f.severity === "critical");
      const href = `/drift?pipeline=${champion.pipelineId}&batch=${latest.batchId}`;
      if (critical.length > 0) checks.push({ tone: "warning", text: `${critical.length} feature${critical.length > 1 ? "s" : ""} drifted critically in batch #${latest.batchId}: ${critical.map((f) => f.name).join(", ")}.`, href });
      else checks.push({ tone: "good", text: `No critical drift in batch #${latest.batchId}.`, href });
    }
    const firing = firingAlerts(champion.pipelineId);
    if (firing.length > 0) {
      const tone = firing.some((a) => a.severity === "critical") ? "critical" : "warning";
      checks.push({ tone, text: `Firing: ${firing.map((a) => `${a.name} (${a.severity})`).join(", ")}.`, href: "/alerts" });
    }
    const verdict = checks.some((c) => c.tone === "critical") ? "unhealthy" : checks.some((c) => c.tone === "warning") ? "at risk" : "healthy";
    return { pipelineId: champion.pipelineId, pipelineName: champion.pipelineName, modelVersionId: champion.modelVersionId, version: champion.version, verdict, checks };
  });
}

function floorOf(pipelineId: number): number | null {
  const gates = getDb().select({ gates: pipelines.gates }).from(pipelines).where(eq(pipelines.id, pipelineId)).get()?.gates ?? [];
  const floor = gates.find((g) => g.kind === "floor" && g.metric === "rocAuc");
  return floor?.kind === "floor" ? floor.min : null;
}

/** The newest result of a kind for the scores this version made. */
function latestPerformance(modelVersionId: number, kind: "estimated" | "realised") {
  const row = getDb()
    .select({ metrics: performanceResults.metrics, n: performanceResults.n, scoredAt: runs.startedAt })
    .from(performanceResults)
    .innerJoin(runs, eq(runs.id, performanceResults.scoringRunId))
    .where(and(eq(performanceResults.modelVersionId, modelVersionId), eq(performanceResults.kind, kind)))
    .orderBy(desc(performanceResults.scoringRunId), desc(performanceResults.id))
    .limit(1)
    .get();
  if (!row) return null;
  const rocAuc = typeof row.metrics.rocAuc === "number" ? row.metrics.rocAuc : null;
  return { rocAuc, n: row.n, scoredAt: row.scoredAt };
}

/** The pipeline's firing alerts, named by what they watch. */
function firingAlerts(pipelineId: number) {
  return getDb()
    .select({ signal: alertRules.signal, feature: alertRules.feature, metric: alertRules.metric, severity: alertRules.severity })
    .from(alertRules)
    .where(and(eq(alertRules.pipelineId, pipelineId), eq(alertRules.state, "firing")))
    .all()
    .map((rule) => ({ name: signalLabel(rule), severity: rule.severity }));
}

/** Alert transitions (fired, resolved), newest first. */
export function listRecentAlerts(limit = 6) {
  return getDb()
    .select({ id: alertEvents.id, ruleId: alertEvents.ruleId, state: alertEvents.state, severity: alertEvents.severity, message: alertEvents.message, at: alertEvents.at, pipelineId: alertRules.pipelineId, pipelineName: pipelines.name })
    .from(alertEvents)
    .innerJoin(alertRules, eq(alertRules.id, alertEvents.ruleId))
    .innerJoin(pipelines, eq(pipelines.id, alertRules.pipelineId))
    .where(eq(alertEvents.transition, true))
    .orderBy(desc(alertEvents.at), desc(alertEvents.id))
    .limit(limit)
    .all();
}

export interface Change {
  at: Date;
  text: string;
  href: string;
  tone: Tone;
}

/**
 * Everything that happened in the 24 hours up to the newest batch's as-of time, and after it: batches,
 * runs, champion moves, alert transitions and customers newly in the high-risk band, oldest first (it reads
 * as the day went). Null without data.
 */
export function listChangesSinceYesterday(): { since: Date; latest: Date; changes: Change[] } | null {
  const db = getDb();
  const latest = db.select({ asOf: sql<number | null>`max(${batches.asOf})` }).from(batches).get()?.asOf;
  if (latest === null || latest === undefined) return null;
  const since = new Date(latest - DAY_MS);
  const changes: Change[] = [];
  for (const b of db.select({ id: batches.id, asOf: batches.asOf, rows: batches.rowCount, dataset: datasets.name }).from(batches).innerJoin(datasets, eq(datasets.id, batches.datasetId)).where(gte(batches.asOf, since)).all()) {
    changes.push({ at: b.asOf, tone: "info", text: `Batch #${b.id} of ${b.dataset} arrived: ${b.rows.toLocaleString("en-US")} rows.`, href: `/data/batches/${b.id}` });
  }
  const recentRuns = db
    .select({ id: runs.id, pipelineId: runs.pipelineId, pipeline: pipelines.name, trigger: runs.trigger, status: runs.status, error: runs.error, startedAt: runs.startedAt, batchId: runs.batchId, version: modelVersions.version })
    .from(runs).innerJoin(pipelines, eq(pipelines.id, runs.pipelineId)).leftJoin(modelVersions, eq(modelVersions.id, runs.modelVersionId))
    .where(gte(runs.startedAt, since)).all();
  for (const r of recentRuns) {
    const what = r.version !== null ? `trained v${r.version}` : r.trigger === "ingest" ? "monitored the new batch" : "ran";
    const tone: Tone = r.status === "failed" ? "critical" : r.status === "succeeded" ? "good" : "info";
    changes.push({ at: r.startedAt!, tone, text: `${r.pipeline} run #${r.id} (${r.trigger}) ${what}: ${r.status}${r.error ? ` — ${r.error}` : ""}.`, href: `/pipelines/${r.pipelineId}/runs/${r.id}` });
    if (r.status === "succeeded") {
      const risen = risenToHigh(r.id, r.pipelineId);
      if (risen > 0) changes.push({ at: r.startedAt!, tone: "warning", text: `${risen.toLocaleString("en-US")} customers of ${r.pipeline} moved into the high-risk band.`, href: `/scores?pipeline=${r.pipelineId}&band=high&sort=change` });
    }
    if (r.batchId === null) continue;
    const drift = getBatchDrift(r.pipelineId, r.batchId);
    const critical = drift?.features.filter((f) => f.severity === "critical") ?? [];
    if (r.trigger === "ingest" && critical.length > 0) {
      changes.push({ at: r.startedAt!, tone: "warning", text: `${critical.map((f) => f.name).join(", ")} drifted critically in batch #${r.batchId}.`, href: `/drift?pipeline=${r.pipelineId}&batch=${r.batchId}` });
    }
  }
  for (const move of db
    .select({ at: aliasHistory.at, alias: aliasHistory.alias, actor: aliasHistory.actor, reason: aliasHistory.reason, modelVersionId: aliasHistory.modelVersionId, version: modelVersions.version, pipeline: pipelines.name })
    .from(aliasHistory).innerJoin(modelVersions, eq(modelVersions.id, aliasHistory.modelVersionId)).innerJoin(pipelines, eq(pipelines.id, aliasHistory.pipelineId))
    .where(gte(aliasHistory.at, since)).all()) {
    changes.push({ at: move.at, tone: move.alias === "champion" ? "good" : "info", text: `${move.pipeline} v${move.version} became ${move.alias} (${move.actor}: ${move.reason}).`, href: `/models/${move.modelVersionId}` });
  }
  for (const event of listRecentAlerts(50).filter((e) => e.at >= since)) {
    changes.push({ at: event.at, tone: event.state === "firing" ? "critical" : "good", text: `Alert ${event.state === "firing" ? "fired" : event.state}: ${event.message}`, href: `/alerts/rules/${event.ruleId}` });
  }
  changes.sort((a, b) => a.at.getTime() - b.at.getTime());
  return { since, latest: new Date(latest), changes };
}

/**
 * Customers this run put in the high band who were below it in the pipeline's previous scoring run. The
 * score step counts them as it stores the scores; runs scored before it did are counted here.
 */
function risenToHigh(runId: number, pipelineId: number): number {
  const counted = scoreStepCounts(runId).risenToHigh;
  if (counted !== undefined) return counted;
  const high = getDb().select({ bands: pipelines.riskBands }).from(pipelines).where(eq(pipelines.id, pipelineId)).get()!.bands.high;
  return countRisenToHigh(runId, high);
}

const fmt = (value: number | null) => (value === null ? "—" : value.toFixed(3));
const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "—");
