/**
 * Stores a scoring run's scores in one transaction, each with the customer's probability from the
 * pipeline's previous scoring run, so a failure leaves the previous scores as they were.
 */
import { and, desc, eq, ne, sql } from "drizzle-orm";
import { getDb, getSqlite } from "@/db/client";
import { runs, runSteps } from "@/db/schema";
import { crashPoint } from "@/lib/crash-point";
import type { ScoredRow } from "@/lib/scoring/score-columns";
import { now } from "@/lib/clock";
import { endStep, type StepOutcome } from "./store";

/**
 * The latest earlier run of the pipeline whose score step succeeded and stored scores here, if any (a run
 * that scored inside the warehouse keeps its scores there).
 */
export function previousScoringRun(pipelineId: number, runId: number): number | null {
  const previous = getDb()
    .select({ id: runs.id })
    .from(runs)
    .innerJoin(runSteps, and(eq(runSteps.runId, runs.id), eq(runSteps.name, "score"), eq(runSteps.status, "succeeded")))
    .where(and(eq(runs.pipelineId, pipelineId), ne(runs.id, runId), sql`EXISTS (SELECT 1 FROM scores WHERE scores.run_id = ${runs.id})`))
    .orderBy(desc(runs.id))
    .limit(1)
    .get();
  return previous?.id ?? null;
}

/**
 * Stores the scores, chunk by chunk as `chunks` produces them, and completes the run's score step with
 * `outcome` in the same transaction: the step is what makes them the current scores, so a process killed
 * after the commit cannot leave them orphaned. `outcome` is called once every chunk is stored, with the
 * number of customers now in the high band who were below `highCutoff` in the previous scoring run (the
 * overview reports it, and counting it later would scan the run's high band on every page view).
 * Returns the outcome.
 */
export function writeScores(input: {
  pipelineId: number;
  runId: number;
  modelVersionId: number;
  batchId: number;
  highCutoff: number;
  chunks: Iterable<ScoredRow[]>;
  outcome: (risenToHigh: number) => StepOutcome;
}): StepOutcome {
  const sqlite = getSqlite();
  const previousRun = previousScoringRun(input.pipelineId, input.runId);
  // The customer's probability in the previous scoring run is one probe of scores_run_entity inside the
  // insert: cheaper than a million-entry map of that run's scores built in JavaScript first.
  const insert = sqlite.prepare(
    `INSERT INTO scores (pipeline_id, run_id, model_version_id, batch_id, entity_id, probability, previous_probability, band, reasons, scored_at)
     VALUES (?, ?, ?, ?, ?, ?, (SELECT probability FROM scores WHERE run_id = ? AND entity_id = ?), ?, ?, ?)`,
  );
  const at = now().getTime();
  // Customers in one leaf share one reasons array: encode each array once, not once per customer.
  const reasonsJson = new Map<string[], string>();
  const encode = (reasons: string[]) => {
    let json = reasonsJson.get(reasons);
    if (json === undefined) reasonsJson.set(reasons, (json = JSON.stringify(reasons)));
    return json;
  };
  // A million rows land in the indexes of scores at once; with the default 2 MiB page cache their pages
  // are evicted and re-read constantly. 256 MiB for this transaction, then back to what it was.
  const cacheSize = sqlite.pragma("cache_size", { simple: true }) as number;
  sqlite.pragma(`cache_size = -${256 * 1024}`);
  try {
    return sqlite.transaction(() => {
      for (const rows of input.chunks) {
        for (const row of rows) {
          insert.run(input.pipelineId, input.runId, input.modelVersionId, input.batchId, row.entityId, row.probability, previousRun, row.entityId, row.band, encode(row.reasons), at);
        }
      }
      const outcome = input.outcome(countRisenToHigh(input.runId, input.highCutoff));
      endStep(input.runId, "score", outcome);
      crashPoint("score:write");
      return outcome;
    })();
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
  }
}

/** The pipeline's latest run whose score step succeeded: the scores the app currently shows. */
export function latestScoringRun(pipelineId: number): number | null {
  return previousScoringRun(pipelineId, -1);
}

/** What a run's score step counted as it stored the scores: scored, unscorable, each band, risenToHigh. */
export function scoreStepCounts(runId: number): Record<string, number> {
  return getDb().select({ counts: runSteps.counts }).from(runSteps).where(and(eq(runSteps.runId, runId), eq(runSteps.name, "score"))).get()?.counts ?? {};
}

/** Customers of a run in the high band whose probability in the previous scoring run was below `highCutoff`. */
export function countRisenToHigh(runId: number, highCutoff: number): number {
  return getSqlite().prepare("SELECT count(*) FROM scores WHERE run_id = ? AND band = 'high' AND previous_probability < ?").pluck().get(runId, highCutoff) as number;
}
