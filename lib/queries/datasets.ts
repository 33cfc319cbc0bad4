import "server-only";
import { asc, count, desc, eq, max, sum } from "drizzle-orm";
import { getDb } from "@/db/client";
import { batchRows, batches, datasets } from "@/db/schema";
import { decodeCells } from "@/lib/data/row-cells";

export function listDatasets() {
  return getDb()
    .select({
      id: datasets.id,
      name: datasets.name,
      createdAt: datasets.createdAt,
      batchCount: count(batches.id),
      latestAsOf: max(batches.asOf),
    })
    .from(datasets)
    .leftJoin(batches, eq(batches.datasetId, datasets.id))
    .groupBy(datasets.id)
    .orderBy(asc(datasets.name))
    .all();
}

export function datasetExists(id: number): boolean {
  return getDb().select({ id: datasets.id }).from(datasets).where(eq(datasets.id, id)).get() !== undefined;
}

/** The newest batches by the time their data describes (as-of), not by when they were stored. */
export function listBatches(limit = 50) {
  return getDb()
    .select({
      id: batches.id,
      datasetId: batches.datasetId,
      datasetName: datasets.name,
      asOf: batches.asOf,
      source: batches.source,
      sourceDetail: batches.sourceDetail,
      rowCount: batches.rowCount,
      targetColumn: batches.targetColumn,
      createdAt: batches.createdAt,
    })
    .from(batches)
    .innerJoin(datasets, eq(datasets.id, batches.datasetId))
    .orderBy(desc(batches.asOf), desc(batches.id))
    .limit(limit)
    .all();
}

export function getBatch(id: number) {
  return getDb()
    .select({ batch: batches, datasetName: datasets.name })
    .from(batches)
    .innerJoin(datasets, eq(datasets.id, batches.datasetId))
    .where(eq(batches.id, id))
    .get();
}

/** The first rows of a batch as stored (cells aligned with the batch's columns). */
export function previewBatchRows(batchId: number, limit = 20) {
  return getDb()
    .select({ rowNumber: batchRows.rowNumber, cells: batchRows.cells })
    .from(batchRows)
    .where(eq(batchRows.batchId, batchId))
    .orderBy(asc(batchRows.rowNumber))
    .limit(limit)
    .all()
    .map((row) => ({ rowNumber: row.rowNumber, cells: decodeCells(row.cells) }));
}

export function countOverview() {
  const db = getDb();
  return {
    datasets: db.select({ n: count() }).from(datasets).get()?.n ?? 0,
    batches: db.select({ n: count() }).from(batches).get()?.n ?? 0,
    rows: Number(db.select({ n: sum(batches.rowCount) }).from(batches).get()?.n ?? 0),
  };
}
