/**
 * The score step: the champion scores the latest batch of the scoring dataset; scores are stored in one
 * transaction. Rows that cannot be scored are counted and the first ones listed with their reason.
 */
import type { Pipeline } from "@/db/schema";
import { scoreColumns } from "@/lib/scoring/score-columns";
import { writeScores } from "./scores-store";
import { getChampionVersion, latestBatchId, loadBatchColumns, type StepOutcome } from "./store";

const LISTED_UNSCORABLE = 20;

export function scoreLatestBatch(pipeline: Pipeline, runId: number): StepOutcome {
  const champion = getChampionVersion(pipeline.id);
  if (!champion) return { status: "skipped", messages: ["No champion yet: promote a version to score customers."] };
  const batchId = latestBatchId(pipeline.scoringDatasetId ?? pipeline.datasetId);
  if (batchId === undefined) return { status: "skipped", messages: ["The scoring dataset has no batches."] };
  const { columns } = loadBatchColumns(batchId);
  const descriptions = new Map(champion.featureDictionary.filter((f) => f.description).map((f) => [f.name, f.description]));
  const result = scoreColumns(champion.model, columns, { idColumn: pipeline.idColumn, bands: pipeline.riskBands, descriptions });
  const bands = { high: 0, medium: 0, low: 0 };
  for (const row of result.scored) bands[row.band]++;
  const unseen = Object.entries(result.unseen).map(([feature, values]) => `${feature}: ${Object.entries(values).map(([v, n]) => `"${v}" ×${n}`).join(", ")}`);
  const outcome: StepOutcome = {
    status: "succeeded",
    counts: { scored: result.scored.length, unscorable: result.unscorable.length, batchId, ...bands },
    messages: [
      `Scored ${result.scored.length} customers of batch #${batchId} with v${champion.version}: ${bands.high} high, ${bands.medium} medium, ${bands.low} low risk.`,
      ...(result.unscorable.length > 0 ? [`${result.unscorable.length} rows could not be scored:`] : []),
      ...result.unscorable.slice(0, LISTED_UNSCORABLE).map((u) => `row ${u.row}${u.entityId ? ` (${u.entityId})` : ""}: ${u.reason}`),
      ...(unseen.length > 0 ? [`Categories unseen in training (scored as no category): ${unseen.join("; ")}`] : []),
    ],
  };
  writeScores({ pipelineId: pipeline.id, runId, modelVersionId: champion.id, batchId, rows: result.scored, outcome });
  return outcome;
}
