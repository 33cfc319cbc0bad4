/**
 * Stores a CSV file as a batch in one transaction on a connection of its own: the rows are written while
 * the file streams, and the transaction commits only after every check passed. A failure (or a killed
 * process) rolls everything back, so a batch is either fully imported or absent.
 */
import { openSqlite } from "@/db/client";
import { crashPoint } from "@/lib/crash-point";
import { ingestCsv, type IngestOptions, type IngestResult } from "./ingest";
import type { BATCH_SOURCES } from "@/db/schema";
import { now } from "@/lib/clock";

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
  // A connection of its own, so no other write of this process can slip into the open transaction.
  const sqlite = openSqlite();
  // A batch is one transaction of up to millions of rows: a 128 MiB page cache (instead of 2 MiB) keeps
  // the primary key and entity index pages in memory rather than spilling them to the WAL over and over.
  sqlite.pragma(`cache_size = -${128 * 1024}`);
  try {
    sqlite.exec("BEGIN IMMEDIATE");
    const datasetId = ensureDataset(sqlite, options.dataset);
    const batchId = Number(
      sqlite
        .prepare(
          `INSERT INTO batches (dataset_id, as_of, source, source_detail, row_count, columns, profile, warnings, created_at)
           VALUES (?, ?, ?, ?, 0, '[]', '{}', '[]', ?)`,
        )
        .run(datasetId, (options.asOf ?? now()).getTime(), options.source, options.label ?? path, now().getTime()).lastInsertRowid,
    );
    const insertRow = sqlite.prepare("INSERT INTO batch_rows (batch_id, row_number, entity_id, cells) VALUES (?, ?, ?, ?)");
    // A named id column is stored with each row as it goes in; an inferred one is only known at the end.
    let idIndex = -1;
    const result = await ingestCsv(path, {
      ...options,
      onHeader(header) {
        idIndex = options.id === undefined ? -1 : header.indexOf(options.id);
      },
      onRow(rowNumber, cells) {
        insertRow.run(batchId, rowNumber, idIndex < 0 ? null : cells[idIndex], JSON.stringify(cells));
        options.onRow?.(rowNumber, cells);
      },
    });
    const { profile } = result;
    sqlite
      .prepare(
        `UPDATE batches SET row_count = ?, source_bytes = ?, columns = ?, profile = ?, warnings = ?,
           target_column = ?, positive_value = ?, id_column = ? WHERE id = ?`,
      )
      .run(
        profile.rows,
        result.bytes,
        JSON.stringify(result.columns),
        JSON.stringify(profile),
        JSON.stringify(result.warnings),
        profile.target?.column ?? null,
        profile.target?.positive ?? null,
        profile.idColumn,
        batchId,
      );
    if (profile.idColumn !== null && profile.idColumn !== options.id) {
      const index = result.columns.findIndex((c) => c.name === profile.idColumn);
      sqlite
        .prepare("UPDATE batch_rows SET entity_id = json_extract(cells, ?) WHERE batch_id = ?")
        .run(`$[${index}]`, batchId);
    }
    crashPoint("ingest:write");
    sqlite.exec("COMMIT");
    return { ...result, datasetId, batchId };
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
    throw error;
  } finally {
    sqlite.close();
  }
}

function ensureDataset(sqlite: ReturnType<typeof openSqlite>, name: string): number {
  sqlite.prepare("INSERT INTO datasets (name) VALUES (?) ON CONFLICT(name) DO NOTHING").run(name);
  const row = sqlite.prepare("SELECT id FROM datasets WHERE name = ?").get(name) as { id: number };
  return row.id;
}
