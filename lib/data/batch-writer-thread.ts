/**
 * The import's writer thread: it owns a connection of its own and the import's one transaction, and
 * stores the rows the parsing thread sends while that thread goes on parsing (two cores instead of one:
 * parsing a million rows and storing them took about the same time each). Messages are handled in order;
 * a failure rolls back at once and is reported at `finish`, which commits only when nothing failed.
 */
import { parentPort, workerData } from "node:worker_threads";
import { openSqlite } from "@/db/client";
import { crashPoint } from "@/lib/crash-point";
import type { WriterReply, WriterRequest } from "./batch-writer";

const sqlite = openSqlite((workerData as { path: string }).path);
// A batch is one transaction of up to millions of rows: a 128 MiB page cache (instead of 2 MiB) keeps
// the primary key and entity index pages in memory rather than spilling them to the WAL over and over.
sqlite.pragma(`cache_size = -${128 * 1024}`);
const insertRow = sqlite.prepare("INSERT INTO batch_rows (batch_id, row_number, entity_id, cells) VALUES (?, ?, ?, ?)");
let batchId = 0;
let failure: string | null = null;

function handle(request: WriterRequest): WriterReply | null {
  switch (request.kind) {
    case "begin": {
      sqlite.exec("BEGIN IMMEDIATE");
      sqlite.prepare("INSERT INTO datasets (name) VALUES (?) ON CONFLICT(name) DO NOTHING").run(request.dataset);
      const datasetId = (sqlite.prepare("SELECT id FROM datasets WHERE name = ?").get(request.dataset) as { id: number }).id;
      batchId = Number(
        sqlite
          .prepare(
            `INSERT INTO batches (dataset_id, as_of, source, source_detail, row_count, columns, profile, warnings, created_at)
             VALUES (?, ?, ?, ?, 0, '[]', '{}', '[]', ?)`,
          )
          .run(datasetId, request.asOf, request.source, request.sourceDetail, request.createdAt).lastInsertRowid,
      );
      return { kind: "begun", datasetId, batchId };
    }
    case "rows":
      for (let i = 0; i < request.rowNumbers.length; i++) insertRow.run(batchId, request.rowNumbers[i], request.entityIds[i], request.cells[i]);
      return null;
    case "finish": {
      const { batch } = request;
      sqlite
        .prepare(
          `UPDATE batches SET row_count = ?, source_bytes = ?, columns = ?, profile = ?, warnings = ?,
             target_column = ?, positive_value = ?, id_column = ? WHERE id = ?`,
        )
        .run(batch.rowCount, batch.sourceBytes, batch.columns, batch.profile, batch.warnings, batch.targetColumn, batch.positiveValue, batch.idColumn, batchId);
      // An id column found by inference is only known at the end; a named one went in with each row.
      if (request.idFromCells !== null) {
        sqlite.prepare("UPDATE batch_rows SET entity_id = json_extract(cells, ?) WHERE batch_id = ?").run(`$[${request.idFromCells}]`, batchId);
      }
      crashPoint("ingest:write");
      sqlite.exec("COMMIT");
      return { kind: "committed" };
    }
    case "abort":
      if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
      return { kind: "aborted" };
  }
}

parentPort!.on("message", (request: WriterRequest) => {
  if (failure !== null && request.kind !== "abort") {
    if (request.kind !== "rows") parentPort!.postMessage({ kind: "failed", message: failure } satisfies WriterReply);
    return;
  }
  try {
    const reply = handle(request);
    if (reply) parentPort!.postMessage(reply);
    if (reply?.kind === "committed" || reply?.kind === "aborted") {
      sqlite.close();
      parentPort!.close(); // nothing more to do: the thread ends
    }
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
    if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
    if (request.kind !== "rows") parentPort!.postMessage({ kind: "failed", message: failure } satisfies WriterReply);
  }
});
