/**
 * The score step: the champion scores the latest batch of the scoring dataset; scores are stored in one
 * transaction. Rows that cannot be scored are counted and the first ones listed with their reason.
 * The batch streams through in chunks (read, score, insert), so a million customers never sit in memory
 * as twenty million cell strings at once: that, and the garbage collector walking them, was most of the
 * step's time and its 2.6 GB peak.
 */
import type { Pipeline } from "@/db/schema";
import type { UnseenCounts } from "@/lib/model";
import { leafReasons } from "@/lib/scoring/leaf-reasons";
import { scoreColumns, type ScoredRow, type Unscorable } from "@/lib/scoring/score-columns";
import { writeScores } from "./scores-store";
import { getChampionVersion, latestBatchId, streamBatchColumns, type StepOutcome } from "./store";

const LISTED_UNSCORABLE = 20;
const CHUNK_ROWS = 50_000;

interface Tally {
  bands: { high: number; medium: number; low: number };
  unscorable: number;
  listed: Unscorable[];
  unseen: UnseenCounts;
}

export function scoreLatestBatch(pipeline: Pipeline, runId: number, chunkRows = CHUNK_ROWS): StepOutcome {
  const champion = getChampionVersion(pipeline.id);
  if (!champion) return { status: "skipped", messages: ["No champion yet: promote a version to score customers."] };
  const batchId = latestBatchId(pipeline.scoringDatasetId ?? pipeline.datasetId);
  if (batchId === undefined) return { status: "skipped", messages: ["The scoring dataset has no batches."] };
  const { model } = champion;
  const descriptions = new Map(champion.featureDictionary.filter((f) => f.description).map((f) => [f.name, f.description]));
  const options = { idColumn: pipeline.idColumn, bands: pipeline.riskBands, reasonsByLeaf: leafReasons(model, descriptions) };
  const wanted = [...new Set([...(pipeline.idColumn ? [pipeline.idColumn] : []), ...model.features.map((f) => f.name)])];
  const tally: Tally = { bands: { high: 0, medium: 0, low: 0 }, unscorable: 0, listed: [], unseen: {} };
  function* chunks(): Generator<ScoredRow[]> {
    let firstRow = 0;
    for (const { columns, rows } of streamBatchColumns(batchId!, wanted, chunkRows)) {
      const result = scoreColumns(model, columns, { ...options, rowCount: rows, firstRow });
      firstRow += rows;
      add(tally, result.scored, result.unscorable, result.unseen);
      yield result.scored;
    }
  }
  return writeScores({
    pipelineId: pipeline.id,
    runId,
    modelVersionId: champion.id,
    batchId,
    highCutoff: pipeline.riskBands.high,
    chunks: chunks(),
    outcome: (risenToHigh) => outcomeOf(tally, { batchId, version: champion.version, risenToHigh }),
  });
}

function add(tally: Tally, scored: ScoredRow[], unscorable: Unscorable[], unseen: UnseenCounts): void {
  for (const row of scored) tally.bands[row.band]++;
  tally.unscorable += unscorable.length;
  tally.listed.push(...unscorable.slice(0, LISTED_UNSCORABLE - tally.listed.length));
  // Own keys only: a category named "constructor" must not find Object.prototype's.
  for (const [feature, values] of Object.entries(unseen)) {
    const counts = Object.hasOwn(tally.unseen, feature) ? tally.unseen[feature] : (tally.unseen[feature] = {});
    for (const [value, n] of Object.entries(values)) counts[value] = (Object.hasOwn(counts, value) ? counts[value] : 0) + n;
  }
}

function outcomeOf(tally: Tally, run: { batchId: number; version: number; risenToHigh: number }): StepOutcome {
  const { bands } = tally;
  const scored = bands.high + bands.medium + bands.low;
  const unseen = Object.entries(tally.unseen).map(([feature, values]) => `${feature}: ${Object.entries(values).map(([v, n]) => `"${v}" ×${n}`).join(", ")}`);
  return {
    status: "succeeded",
    counts: { scored, unscorable: tally.unscorable, batchId: run.batchId, ...bands, risenToHigh: run.risenToHigh },
    messages: [
      `Scored ${scored} customers of batch #${run.batchId} with v${run.version}: ${bands.high} high, ${bands.medium} medium, ${bands.low} low risk.`,
      ...(tally.unscorable > 0 ? [`${tally.unscorable} rows could not be scored:`] : []),
      ...tally.listed.map((u) => `row ${u.row}${u.entityId ? ` (${u.entityId})` : ""}: ${u.reason}`),
      ...(unseen.length > 0 ? [`Categories unseen in training (scored as no category): ${unseen.join("; ")}`] : []),
    ],
  };
}
