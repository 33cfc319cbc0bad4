/**
 * Reads behind the scores API. "Latest scoring run" of a pipeline = its highest run id that has scores.
 *
 * Listing is keyset pagination on scores.id, one run at a time: a run's scores are written in one
 * transaction, so they form one block of ids, and a page is a primary-key range scan inside that block
 * (O(page), whatever the table size). The block's bounds come once, on the first page, from a covering
 * probe of scores_run_band_id per band and end, and travel in the cursor.
 * Ordering by id through those indexes instead would sort the whole run on every page.
 * Plain module (no "server-only") so tests can run it against a real SQLite file.
 */
import { and, type AnyColumn, asc, desc, eq, exists, gt, gte, inArray, lte, max, type Placeholder, sql, type SQL } from "drizzle-orm";
import { getDb, preparedQuery } from "@/db/client";
import { modelVersions, pipelines, runs, scores } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { BANDS, type Band } from "@/lib/scoring/bands";
import { decodeCursor, encodeCursor, type FilterKey, type Segment } from "./cursor";
import type { ListParams } from "./params";

export interface ScoreItem {
  customerId: string;
  pipeline: string;
  probability: number;
  band: "high" | "medium" | "low";
  previousProbability: number | null;
  change: number | null;
  reasons: string[];
  modelVersion: number;
  scoredAt: string;
}

const ITEM = {
  id: scores.id,
  customerId: scores.entityId,
  pipeline: pipelines.name,
  probability: scores.probability,
  band: scores.band,
  previousProbability: scores.previousProbability,
  reasons: scores.reasons,
  modelVersion: modelVersions.version,
  scoredAt: scores.scoredAt,
};

function selectItems() {
  return getDb()
    .select(ITEM)
    .from(scores)
    .innerJoin(pipelines, eq(pipelines.id, scores.pipelineId))
    .innerJoin(modelVersions, eq(modelVersions.id, scores.modelVersionId));
}

type ItemRow = ReturnType<ReturnType<typeof selectItems>["all"]>[number];

function toItem(row: ItemRow): ScoreItem {
  return {
    customerId: row.customerId,
    pipeline: row.pipeline,
    probability: row.probability,
    band: row.band,
    previousProbability: row.previousProbability,
    change: row.previousProbability === null ? null : row.probability - row.previousProbability,
    reasons: row.reasons,
    modelVersion: row.modelVersion,
    scoredAt: row.scoredAt.toISOString(),
  };
}

/** A pipeline by exact name, or else by id when the value is a number; 404 when neither exists. */
export function resolvePipeline(value: string): number {
  const byName = getDb().select({ id: pipelines.id }).from(pipelines).where(eq(pipelines.name, value)).get();
  const found = byName ?? (/^\d+$/.test(value) ? getDb().select({ id: pipelines.id }).from(pipelines).where(eq(pipelines.id, Number(value))).get() : undefined);
  if (!found) throw new AppError("not_found", `No pipeline is named or numbered "${value}".`, {}, 404);
  return found.id;
}

/** A query's value, or a placeholder for it in the prepared form the listing runs. */
type Value<T> = T | Placeholder;
const placeholder = sql.placeholder;

/**
 * The listing's queries, built and prepared once per connection with placeholders for their values: a
 * first page runs eight of them, and building each anew cost more than running it.
 */
const prepared = {
  latestRuns: (onePipeline: boolean) =>
    preparedQuery(`scores-api latest runs ${onePipeline}`, () => latestRunsQuery(onePipeline ? placeholder("pipelineId") : undefined).prepare()),
  edge: (end: "first" | "last") => preparedQuery(`scores-api edge ${end}`, () => edgeQuery(placeholder("runId"), placeholder("band"), end).prepare()),
  page: ({ band, updatedSince }: Filters) =>
    preparedQuery(`scores-api page ${band !== undefined} ${updatedSince !== undefined}`, () =>
      pageQuery(
        [placeholder("runId"), placeholder("afterId"), placeholder("lastId")],
        { band: band === undefined ? undefined : placeholder("band"), updatedSince: updatedSince === undefined ? undefined : placeholder("updatedSince") },
        placeholder("limit"),
      ).prepare()),
};

/**
 * Each pipeline's latest scoring run, found through runs (few per pipeline) with an index probe of scores
 * per run. With max() as the only aggregate, SQLite takes the bare column finishedAt from that same run.
 */
export function latestRunsQuery(pipelineId?: Value<number>) {
  const hasScores = exists(getDb().select({ one: sql`1` }).from(scores).where(eq(scores.runId, runs.id)));
  return getDb()
    .select({ pipelineId: pipelines.id, runId: max(runs.id), finishedAt: runs.finishedAt })
    .from(pipelines)
    .innerJoin(runs, and(eq(runs.pipelineId, pipelines.id), hasScores))
    .where(pipelineId === undefined ? undefined : eq(pipelines.id, pipelineId))
    .groupBy(pipelines.id)
    .orderBy(pipelines.id);
}

/** The first (or last) id of a run's scores in one band: one probe of scores_run_band_id. */
export function edgeQuery(runId: Value<number>, band: Value<Band>, end: "first" | "last") {
  return getDb()
    .select({ id: scores.id })
    .from(scores)
    .where(and(eq(scores.runId, runId), eq(scores.band, band)))
    .orderBy(end === "first" ? asc(scores.id) : desc(scores.id))
    .limit(1);
}

/** First and last id of a run's scores (in one band, or across the three). */
export function runBounds(runId: number, band?: Band): { first: number; last: number } | null {
  let first = Infinity;
  let last = -Infinity;
  for (const each of band ? [band] : BANDS) {
    first = Math.min(first, prepared.edge("first").get({ runId, band: each })?.id ?? Infinity);
    last = Math.max(last, prepared.edge("last").get({ runId, band: each })?.id ?? -Infinity);
  }
  return first === Infinity ? null : { first, last };
}

interface Filters<V extends "value" | "placeholder" = "value"> {
  band?: V extends "value" ? ListParams["band"] : Placeholder;
  updatedSince?: V extends "value" ? Date : Placeholder;
}

/** `+column`: the same value, but SQLite will not pick an index for it, so a page stays a primary-key range. */
const unindexed = (column: AnyColumn) => sql`+${column}`;

function rowFilters({ band, updatedSince }: Filters<"value" | "placeholder">): SQL | undefined {
  return and(band ? eq(unindexed(scores.band), band) : undefined, updatedSince ? gte(scores.scoredAt, updatedSince) : undefined);
}

/** The id block of each latest run holding matching scores: the listing's snapshot. */
function snapshot(pipelineId: number | undefined, filters: Filters): Segment[] {
  const segments: Segment[] = [];
  for (const run of prepared.latestRuns(pipelineId !== undefined).all({ pipelineId })) {
    // Scores are written before their run finishes, so a run finished before updatedSince has none newer.
    if (filters.updatedSince && run.finishedAt && run.finishedAt < filters.updatedSince) continue;
    const runId = run.runId!; // never null: the inner join keeps only pipelines with a scored run
    const bounds = runBounds(runId, filters.band);
    if (bounds) segments.push([runId, bounds.first - 1, bounds.last]);
  }
  return segments;
}

/** One page of a run's block: a primary-key range scan, filtered. */
export function pageQuery([runId, afterId, lastId]: [Value<number>, Value<number>, Value<number>], filters: Filters<"value" | "placeholder">, limit: Value<number>) {
  return selectItems()
    .where(and(eq(unindexed(scores.runId), runId), gt(scores.id, afterId), lte(scores.id, lastId), rowFilters(filters)))
    .orderBy(scores.id)
    .limit(limit);
}

/** Scores of each pipeline's latest scoring run (or one pipeline's), `limit` at a time. */
export function listLatestScores(params: ListParams): { data: ScoreItem[]; nextCursor: string | null } {
  const pipelineId = params.pipeline === undefined ? undefined : resolvePipeline(params.pipeline);
  const filters: Filters = { band: params.band, updatedSince: params.updatedSince };
  const key: FilterKey = [pipelineId ?? null, params.band ?? null, params.updatedSince?.getTime() ?? null];
  const segments = params.cursor === undefined ? snapshot(pipelineId, filters) : decodeCursor(params.cursor, key);
  const rows: ScoreItem[] = [];
  while (segments.length > 0 && rows.length < params.limit) {
    const [runId, afterId, lastId] = segments[0];
    const wanted = params.limit - rows.length;
    // A placeholder is bound as given, without the column's mapping: the time goes in as the stored epoch ms.
    const page = prepared.page(filters).all({ runId, afterId, lastId, limit: wanted, band: filters.band, updatedSince: filters.updatedSince?.getTime() });
    rows.push(...page.map(toItem));
    const reached = page.at(-1)?.id;
    if (page.length < wanted || reached === lastId) segments.shift();
    else segments[0] = [runId, reached!, lastId];
  }
  return { data: rows, nextCursor: encodeCursor(key, segments) };
}

/** Every score of a customer, newest first, through scores_pipeline_entity probed once per pipeline. */
export function customerHistoryQuery(customerId: string) {
  return selectItems()
    .where(and(inArray(scores.pipelineId, getDb().select({ id: pipelines.id }).from(pipelines)), eq(scores.entityId, customerId)))
    .orderBy(desc(scores.scoredAt), desc(scores.id));
}

/** A customer's newest score per pipeline and every score they have, newest first; 404 when none. */
export function getCustomerScores(customerId: string): { customerId: string; latest: ScoreItem[]; history: ScoreItem[] } {
  const history = customerHistoryQuery(customerId).all().map(toItem);
  if (history.length === 0) throw new AppError("not_found", `No scores for customer "${customerId}".`, {}, 404);
  const latest = new Map<string, ScoreItem>();
  for (const item of history) if (!latest.has(item.pipeline)) latest.set(item.pipeline, item);
  return { customerId, latest: [...latest.values()], history };
}
