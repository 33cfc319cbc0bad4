import "server-only";
import { and, asc, desc, eq, gte, like, lte, sql, type SQL } from "drizzle-orm";
import { getDb, openSqlite } from "@/db/client";
import { batches, batchRows, modelVersions, pipelines, scores } from "@/db/schema";
import { BANDS } from "@/lib/scoring/bands";
import { decodeCells } from "@/lib/data/row-cells";
import { explain } from "@/lib/model";
import { latestScoringRun, scoreStepCounts } from "@/lib/pipeline/scores-store";
import { PAGE_SIZE, type ScoresView } from "@/lib/validation/scores";

export function listScoredPipelines() {
  return getDb().select({ id: pipelines.id, name: pipelines.name }).from(pipelines).orderBy(asc(pipelines.name)).all()
    .map((p) => ({ ...p, runId: latestScoringRun(p.id) }))
    .filter((p) => p.runId !== null);
}

/** The pipeline the view asks for (or the first with scores), its latest scoring run and what it scored. */
function resolveView(view: ScoresView) {
  const scored = listScoredPipelines();
  const current = scored.find((p) => p.id === view.pipeline) ?? scored[0];
  if (!current) return null;
  const runId = current.runId!;
  const batchId = getDb().select({ batchId: scores.batchId }).from(scores).where(eq(scores.runId, runId)).limit(1).get()!.batchId;
  const columns = getDb().select({ columns: batches.columns }).from(batches).where(eq(batches.id, batchId)).get()!.columns.map((c) => c.name);
  return { pipeline: current, pipelines: scored, runId, columns, ...filters(view, runId, batchId, columns) };
}

/** Everything the scores page needs for one view: the run, counts per band and one page of rows. */
export function getScoresView(view: ScoresView) {
  const resolved = resolveView(view);
  if (!resolved) return null;
  const { pipeline, pipelines: scored, runId, columns, where, filtered } = resolved;
  // The score step counted its bands in the transaction that stored the scores: counting a million rows
  // again on every page view took most of the page's time.
  const counts = scoreStepCounts(runId);
  const bandCounts = BANDS.map((band) => ({ band, n: counts[band] ?? 0 })).filter((b) => b.n > 0);
  const total = filtered ? getDb().select({ n: sql<number>`count(*)` }).from(scores).where(where).get()!.n : (counts.scored ?? 0);
  const rows = selectRows(where, view.sort).limit(PAGE_SIZE).offset((view.page - 1) * PAGE_SIZE).all();
  return { pipeline, pipelines: scored, runId, columns, bandCounts, total, rows };
}

/** Every row of the view, for CSV export (iterated, so a million rows never sit in memory twice). */
export function iterateScoresView(view: ScoresView) {
  const resolved = resolveView(view);
  if (!resolved) return null;
  // drizzle has no streaming select for better-sqlite3, so its SQL runs on a connection of its own: an
  // open iterator keeps a connection busy, and the shared one must stay free for other requests.
  const query = selectRows(resolved.where, view.sort).toSQL();
  const connection = openSqlite();
  const rows = connection.prepare(query.sql).raw().iterate(...(query.params as unknown[])) as IterableIterator<ExportRow>;
  return { pipeline: resolved.pipeline, rows, close: () => connection.close() };
}

/** A row of selectRows in selection order: id, probability, previous, band, reasons JSON, version, scored at (ms). */
export type ExportRow = [string, number, number | null, string, string, number, number];

function selectRows(where: SQL | undefined, sort: ScoresView["sort"]) {
  const order = {
    risk: [desc(scores.probability), asc(scores.entityId)],
    safest: [asc(scores.probability), asc(scores.entityId)],
    change: [desc(sql`abs(${scores.probability} - coalesce(${scores.previousProbability}, ${scores.probability}))`), asc(scores.entityId)],
    customer: [asc(scores.entityId)],
  }[sort];
  return getDb()
    .select({
      entityId: scores.entityId,
      probability: scores.probability,
      previousProbability: scores.previousProbability,
      band: scores.band,
      reasons: scores.reasons,
      version: modelVersions.version,
      scoredAt: scores.scoredAt,
    })
    .from(scores)
    .innerJoin(modelVersions, eq(modelVersions.id, scores.modelVersionId))
    .where(where)
    .orderBy(...order);
}

/**
 * Band, id search and a feature filter (equality, or a numeric range) read from the scored batch's rows;
 * `filtered` says whether any applies, i.e. whether the view is narrower than the whole run.
 */
function filters(view: ScoresView, runId: number, batchId: number, columns: string[]): { where: SQL | undefined; filtered: boolean } {
  const parts: (SQL | undefined)[] = [eq(scores.runId, runId)];
  if (view.band) parts.push(eq(scores.band, view.band));
  if (view.q) parts.push(like(scores.entityId, `%${view.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`));
  const index = view.feature ? columns.indexOf(view.feature) : -1;
  if (index >= 0 && (view.value !== undefined || view.min !== undefined || view.max !== undefined)) {
    // The column index is a number we computed, never user text; the value is a bound parameter.
    const cell = sql`json_extract(${batchRows.cells}, ${`$[${index}]`})`;
    const matching = getDb()
      .select({ entityId: batchRows.entityId })
      .from(batchRows)
      .where(
        and(
          eq(batchRows.batchId, batchId),
          view.value !== undefined ? eq(cell, view.value) : undefined,
          view.min !== undefined ? gte(sql`CAST(${cell} AS REAL)`, view.min) : undefined,
          view.max !== undefined ? lte(sql`CAST(${cell} AS REAL)`, view.max) : undefined,
        ),
      );
    parts.push(sql`${scores.entityId} IN ${matching}`);
  }
  return { where: and(...parts), filtered: parts.length > 1 };
}

/** One customer's scores across pipelines and runs, newest first (per pipeline, so the index is used). */
export function getCustomerScores(entityId: string) {
  const all = getDb().select({ id: pipelines.id }).from(pipelines).all().flatMap(({ id }) => customerScoresIn(id, entityId));
  return all.sort((a, b) => b.scoredAt.getTime() - a.scoredAt.getTime());
}

function customerScoresIn(pipelineId: number, entityId: string) {
  return getDb()
    .select({
      pipelineId: scores.pipelineId,
      pipelineName: pipelines.name,
      runId: scores.runId,
      batchId: scores.batchId,
      probability: scores.probability,
      previousProbability: scores.previousProbability,
      band: scores.band,
      reasons: scores.reasons,
      scoredAt: scores.scoredAt,
      modelVersionId: scores.modelVersionId,
      version: modelVersions.version,
    })
    .from(scores)
    .innerJoin(pipelines, eq(pipelines.id, scores.pipelineId))
    .innerJoin(modelVersions, eq(modelVersions.id, scores.modelVersionId))
    .where(and(eq(scores.pipelineId, pipelineId), eq(scores.entityId, entityId)))
    .orderBy(desc(scores.scoredAt), desc(scores.id))
    .all();
}

/** The decision path the model version took for this customer's row in the scored batch. */
export function explainCustomer(modelVersionId: number, batchId: number, entityId: string) {
  const db = getDb();
  const version = db.select({ model: modelVersions.model }).from(modelVersions).where(eq(modelVersions.id, modelVersionId)).get();
  const batch = db.select({ columns: batches.columns }).from(batches).where(eq(batches.id, batchId)).get();
  const row = db.select({ cells: batchRows.cells }).from(batchRows).where(and(eq(batchRows.batchId, batchId), eq(batchRows.entityId, entityId))).get();
  if (!version || !batch || !row) return null;
  const cells = decodeCells(row.cells);
  const record = Object.fromEntries(batch.columns.map((c, i) => [c.name, cells[i]]));
  return { explanation: explain(version.model, record), cells: record };
}
