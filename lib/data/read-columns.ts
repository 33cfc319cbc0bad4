/** Reads a whole CSV into cell columns (for training and evaluation, which need every row at once). */
import { ingestCsv, type IngestOptions, type IngestResult } from "./ingest";

export async function readCsvColumns(path: string, options: IngestOptions = {}) {
  const cells: (string | null)[][] = [];
  const result: IngestResult = await ingestCsv(path, {
    ...options,
    onRow(_, row) {
      if (cells.length === 0) row.forEach(() => cells.push([]));
      row.forEach((cell, i) => cells[i].push(cell));
    },
  });
  const columns = Object.fromEntries(result.columns.map((column, i) => [column.name, cells[i]]));
  return { result, columns };
}
