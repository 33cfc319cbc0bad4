/**
 * Extraction: the saved query's rows (read-only, at most the row limit) become a new batch of the source's
 * dataset with its as-of time. The rows pass through the same ingestion as a CSV upload — types, target,
 * id and profile — by way of a temporary CSV file, so a warehouse batch and an uploaded one are checked
 * and stored identically, and an error stores nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import type { Source } from "@/db/schema";
import { importCsvBatch, type ImportResult } from "@/lib/data/import-batch";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { batches } from "@/db/schema";
import { checkColumns } from "./check-columns";
import { connectionOf, readRows } from "./connect";
import { columnNeeds, datasetName, recordExtraction } from "./store";
import type { QueryRows } from "./types";

export interface Extraction extends ImportResult {
  /** True when the query had more rows than the source's row limit; the batch holds the first ones. */
  truncated: boolean;
}

/** Reads the source once and stores the rows as a batch; the source remembers the outcome. */
export async function extractSource(source: Source, asOf: Date = new Date()): Promise<Extraction> {
  try {
    const result = await readRows(connectionOf(source), source.query, source.rowLimit);
    checkColumns(result, columnNeeds(source));
    const stored = await storeRows(source, result, asOf);
    recordExtraction(source.id, { at: new Date(), error: null });
    return stored;
  } catch (error) {
    recordExtraction(source.id, { at: new Date(), error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}

async function storeRows(source: Source, result: QueryRows, asOf: Date): Promise<Extraction> {
  const dir = mkdtempSync(join(tmpdir(), "driftline-extract-"));
  try {
    const path = join(dir, "rows.csv");
    writeFileSync(path, Papa.unparse({ fields: result.columns, data: result.rows.map((row) => row.map((cell) => cell ?? "")) }, { newline: "\n", quotes: true }));
    const stored = await importCsvBatch(path, {
      dataset: datasetName(source.datasetId),
      source: source.kind,
      label: `${source.name} (${source.kind})`,
      asOf,
      delimiter: ",",
      ...(source.targetColumn && { target: source.targetColumn }),
      ...(source.positiveValue && { positive: source.positiveValue }),
      ...(source.idColumn && { id: source.idColumn }),
    });
    if (result.truncated) {
      stored.warnings.push(`The query returns more than ${source.rowLimit} rows; this batch holds the first ${source.rowLimit}.`);
      getDb().update(batches).set({ warnings: stored.warnings }).where(eq(batches.id, stored.batchId)).run();
    }
    return { ...stored, truncated: result.truncated };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
