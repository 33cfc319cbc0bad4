/**
 * The pipeline steps for a pipeline that points at a source. Extract counts the query's rows where the
 * data lives and takes a fresh batch; above the source's push-down threshold the run scores and profiles
 * inside the warehouse instead of in the app, and every step says which it did and why.
 */
import type { Pipeline, Source } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { monitorWindow } from "@/lib/monitoring/window-profile";
import { featureThresholds, recordMonitoring } from "@/lib/pipeline/monitor-step";
import { getChampionVersion, loadBatchColumns, type StepOutcome } from "@/lib/pipeline/store";
import { connectionOf, countSourceRows } from "./connect";
import { extractSource } from "./extract";
import { readOnly, type PostgresConnection } from "./postgres";
import { profileWithClient } from "./pushdown-profile";
import { expandDistribution, scoreInWarehouse } from "./pushdown-score";
import { tableNameSql } from "./sql-values";
import { getSource } from "./store";

export interface WarehousePlan {
  source: Source;
  /** Rows the saved query returns in the warehouse. */
  rows: number;
  /** Score and profile in the warehouse. */
  pushdown: boolean;
}

/** Counts the source's rows, decides on push-down, and stores a fresh batch for training and checks. */
export async function extractForRun(pipeline: Pipeline): Promise<{ batchId: number; plan: WarehousePlan; messages: string[] }> {
  const source = getSource(pipeline.sourceId!);
  if (source.datasetId !== pipeline.datasetId) {
    throw new AppError("source_dataset", `Source "${source.name}" fills another dataset than pipeline "${pipeline.name}" trains on.`);
  }
  const rows = await countSourceRows(connectionOf(source), source.query);
  const threshold = source.pushdownThreshold;
  const pushdown = threshold !== null && rows > threshold;
  if (pushdown && source.kind !== "postgres") throw new AppError("pushdown_kind", `Push-down needs a PostgreSQL source; "${source.name}" is ${source.kind}.`);
  const stored = await extractSource(source);
  const messages = [
    `Source "${source.name}": the query returns ${rows} rows; batch #${stored.batchId} holds ${stored.profile.rows} of them.`,
    pushdown
      ? `${rows} rows is above the push-down threshold of ${threshold}: scoring and drift profiling run inside the warehouse; training uses the batch.`
      : threshold === null
        ? "Push-down is off for this source: scoring and profiling run in the app."
        : `${rows} rows is within the push-down threshold of ${threshold}: scoring and profiling run in the app.`,
    ...stored.warnings,
  ];
  return { batchId: stored.batchId, plan: { source, rows, pushdown }, messages };
}

function postgresConnection(source: Source): PostgresConnection {
  const connection = connectionOf(source);
  if (connection.kind !== "postgres") throw new AppError("pushdown_kind", `Push-down needs a PostgreSQL source; "${source.name}" is ${source.kind}.`);
  return connection;
}

export async function scoreInWarehouseStep(pipeline: Pipeline, runId: number, plan: WarehousePlan): Promise<StepOutcome> {
  const champion = getChampionVersion(pipeline.id);
  if (!champion) return { status: "skipped", messages: ["No champion yet: promote a version to score customers."] };
  const { source } = plan;
  if (!source.scoreTable) throw new AppError("no_score_table", `Source "${source.name}" names no table for scores: set one to score in the warehouse.`);
  if (!pipeline.idColumn) throw new AppError("no_id_column", "Scoring in the warehouse needs the pipeline's customer id column.");
  const result = await scoreInWarehouse(postgresConnection(source), source.query, champion.model, {
    table: source.scoreTable,
    runId,
    idColumn: pipeline.idColumn,
    bands: pipeline.riskBands,
    scoredAt: new Date(),
  });
  const { bands } = result;
  return {
    status: "succeeded",
    counts: { scored: result.scored, unscorable: result.unscorable, ...bands, warehouseRows: plan.rows, distinctScores: result.distribution.length },
    messages: [
      `Scored ${result.scored} customers in the warehouse with v${champion.version}, written to ${result.table} (run_id ${runId}): ${bands.high} high, ${bands.medium} medium, ${bands.low} low risk.`,
      ...(result.unscorable > 0 ? [`${result.unscorable} rows have no ${pipeline.idColumn} and were not scored.`] : []),
      `Score distribution: ${result.distribution.map(([p, n]) => `${p.toFixed(4)} ×${n}`).join(", ")}.`,
    ],
  };
}

/** Drift counted by the warehouse against the champion's reference, stored like in-app monitoring. */
export async function monitorInWarehouseStep(pipeline: Pipeline, runId: number, plan: WarehousePlan, batchId: number): Promise<StepOutcome> {
  const champion = getChampionVersion(pipeline.id);
  if (!champion?.referenceProfile) return { status: "skipped", messages: ["No champion with a reference profile to monitor against."] };
  const reference = champion.referenceProfile;
  const { source } = plan;
  const connection = postgresConnection(source);
  const { window, served } = await readOnly(connection, async (client) => {
    const window = await profileWithClient(client, source.query, reference);
    const { rows } = await client.query({ text: `SELECT probability, count(*) FROM ${tableFor(source)} WHERE run_id = $1 GROUP BY probability`, values: [runId], rowMode: "array" });
    return { window, served: expandDistribution((rows as [string, string][]).map(([p, n]) => [Number(p), Number(n)])) };
  });
  const result = monitorWindow(reference, window, served, featureThresholds(pipeline));
  const { batch, columns } = loadBatchColumns(batchId);
  const outcome = recordMonitoring(pipeline, runId, champion, { batch, columns, served, result });
  outcome.messages = [`Profiled ${window.rows} rows inside the warehouse against v${champion.version}'s reference (counts only; Wasserstein needs the values and is left out).`, ...(outcome.messages ?? [])];
  outcome.counts = { ...outcome.counts, warehouseRows: window.rows };
  return outcome;
}

function tableFor(source: Source): string {
  return tableNameSql(source.scoreTable!);
}
