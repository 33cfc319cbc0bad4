/** `driftline ingest <file>`: validate and profile a CSV, and store it as a batch with --store. */
import { basename, extname } from "node:path";
import { migrateDatabase } from "@/db/migrate";
import { ingestCsv, type IngestResult } from "@/lib/data/ingest";
import { importCsvBatch } from "@/lib/data/import-batch";
import { executeMonitoringRun, startMonitoringRuns } from "@/lib/pipeline/run-monitoring";
import { recoverInterruptedRuns } from "@/lib/pipeline/store";
import type { ColumnType } from "@/lib/data/types";
import { UsageError, type CommandResult } from "./output";

export const INGEST_USAGE =
  "driftline ingest <file> [--target COL] [--positive VALUE] [--id COL] [--delimiter C] [--type COL=TYPE]... [--store [--dataset NAME] [--as-of ISO]] [--json]";

export const ingestOptions = {
  target: { type: "string" },
  positive: { type: "string" },
  id: { type: "string" },
  delimiter: { type: "string" },
  type: { type: "string", multiple: true },
  store: { type: "boolean" },
  dataset: { type: "string" },
  "as-of": { type: "string" },
} as const;

interface IngestFlags {
  target?: string;
  positive?: string;
  id?: string;
  delimiter?: string;
  type?: string[];
  store?: boolean;
  dataset?: string;
  "as-of"?: string;
}

export async function ingestCommand(positionals: string[], flags: IngestFlags): Promise<CommandResult> {
  if (positionals.length !== 1) throw new UsageError(`ingest takes one file. Usage: ${INGEST_USAGE}`);
  const [file] = positionals;
  const options = {
    target: flags.target,
    positive: flags.positive,
    id: flags.id,
    delimiter: flags.delimiter,
    types: parseTypes(flags.type ?? []),
  };
  if (!flags.store) {
    if (flags.dataset || flags["as-of"]) throw new UsageError("--dataset and --as-of only apply with --store.");
    return present(await ingestCsv(file, options), null);
  }
  migrateDatabase();
  recoverInterruptedRuns();
  const stored = await importCsvBatch(file, {
    ...options,
    dataset: flags.dataset ?? basename(file, extname(file)),
    source: "cli",
    asOf: parseAsOf(flags["as-of"]),
  });
  // A new batch for a pipeline's scoring dataset is monitored at once, as an upload is.
  for (const runId of startMonitoringRuns(stored.datasetId, stored.batchId)) await executeMonitoringRun(runId);
  return present(stored, stored.batchId);
}

function parseTypes(pairs: string[]): Record<string, ColumnType> {
  const types: Record<string, ColumnType> = {};
  for (const pair of pairs) {
    const at = pair.lastIndexOf("=");
    if (at <= 0) throw new UsageError(`--type takes COLUMN=TYPE, got "${pair}".`);
    types[pair.slice(0, at)] = pair.slice(at + 1) as ColumnType;
  }
  return types;
}

function parseAsOf(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new UsageError(`--as-of "${text}" is not a date; use ISO 8601.`);
  return date;
}

function present(result: IngestResult, batchId: number | null): CommandResult {
  const { profile } = result;
  const target = profile.target && {
    column: profile.target.column,
    positive: profile.target.positive,
    positives: profile.target.positives,
    negatives: profile.target.negatives,
  };
  const json = {
    rows: profile.rows,
    columns: profile.columns.map((c) => ({ name: c.name, type: c.type, missing: c.missing, distinct: c.distinct })),
    target,
    idColumn: profile.idColumn,
    warnings: result.warnings,
    ...(batchId !== null ? { batchId } : {}),
  };
  const width = Math.max(...profile.columns.map((c) => c.name.length));
  const lines = [
    `${result.file}: ${profile.rows.toLocaleString("en")} rows, ${profile.columns.length} columns (delimiter ${JSON.stringify(result.delimiter)})`,
    ...profile.columns.map(
      (c) => `  ${c.name.padEnd(width)}  ${c.type.padEnd(11)}  missing ${String(c.missing).padStart(7)}  distinct ${c.distinct}${c.distinctCapped ? "+" : ""}`,
    ),
    target ? `target ${target.column}: positive "${target.positive}" ${target.positives}, negative ${target.negatives}` : "no target",
    `id column: ${profile.idColumn ?? "none"}`,
    ...result.warnings.map((w) => `warning: ${w}`),
    ...(batchId !== null ? [`stored as batch ${batchId}`] : []),
  ];
  return { json, text: lines.join("\n") };
}
