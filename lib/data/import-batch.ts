/**
 * Stores a CSV file as a batch in one transaction, held by a writer thread on a connection of its own
 * (./batch-writer.ts): the rows are stored while the file streams and parses here, and the transaction
 * commits only after every check passed. A failure (or a killed process) rolls everything back, so a
 * batch is either fully imported or absent.
 */
import { databasePath } from "@/db/client";
import { ingestCsv, type IngestOptions, type IngestResult } from "./ingest";
import type { BATCH_SOURCES } from "@/db/schema";
import { now } from "@/lib/clock";
import { BatchWriter } from "./batch-writer";

export interface ImportOptions extends IngestOptions {
  dataset: string;
  source: (typeof BATCH_SOURCES)[number];
  asOf?: Date;
}

export interface ImportResult extends IngestResult {
  datasetId: number;
  batchId: number;
}

export async function importCsvBatch(path: string, options: ImportOptions): Promise<ImportResult> {
  const writer = new BatchWriter(databasePath());
  try {
    const { datasetId, batchId } = await writer.begin({
      dataset: options.dataset,
      asOf: (options.asOf ?? now()).getTime(),
      source: options.source,
      sourceDetail: options.label ?? path,
      createdAt: now().getTime(),
    });
    // A named id column is stored with each row as it goes in; an inferred one is only known at the end.
    let idIndex = -1;
    const result = await ingestCsv(path, {
      ...options,
      onHeader(header) {
        idIndex = options.id === undefined ? -1 : header.indexOf(options.id);
      },
      onRow(rowNumber, cells) {
        writer.write(rowNumber, idIndex < 0 ? null : cells[idIndex], JSON.stringify(cells));
        options.onRow?.(rowNumber, cells);
      },
    });
    const { profile } = result;
    const inferredId = profile.idColumn !== null && profile.idColumn !== options.id ? result.columns.findIndex((c) => c.name === profile.idColumn) : null;
    await writer.commit(
      {
        rowCount: profile.rows,
        sourceBytes: result.bytes,
        columns: JSON.stringify(result.columns),
        profile: JSON.stringify(profile),
        warnings: JSON.stringify(result.warnings),
        targetColumn: profile.target?.column ?? null,
        positiveValue: profile.target?.positive ?? null,
        idColumn: profile.idColumn,
      },
      inferredId,
    );
    return { ...result, datasetId, batchId };
  } catch (error) {
    await writer.abort();
    throw error;
  }
}
