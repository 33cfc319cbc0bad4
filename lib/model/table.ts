/** Training and scoring input as columns of cell text, whichever shape (rows or columns) it came in. */
import { AppError } from "@/lib/errors";
import type { CellRow } from "./types";

export type CellColumn = readonly (string | null | undefined)[];

export interface CellTable {
  rowCount: number;
  /** The named column; throws missing_column when the input has no such column. */
  column(name: string): CellColumn;
}

export function tableFromRows(rows: readonly CellRow[]): CellTable {
  return {
    rowCount: rows.length,
    column(name) {
      if (rows.length > 0 && !(name in rows[0])) throw missingColumn(name);
      return rows.map((row) => row[name]);
    },
  };
}

export function tableFromColumns(columns: Readonly<Record<string, CellColumn>>): CellTable {
  const lengths = new Set(Object.values(columns).map((column) => column.length));
  if (lengths.size > 1) throw new AppError("shape_mismatch", `Columns have different lengths: ${[...lengths].join(", ")}.`);
  return {
    rowCount: lengths.size === 0 ? 0 : [...lengths][0],
    column(name) {
      if (!Object.hasOwn(columns, name)) throw missingColumn(name);
      return columns[name];
    },
  };
}

function missingColumn(name: string): AppError {
  return new AppError("missing_column", `The data has no column "${name}".`, { column: name });
}
