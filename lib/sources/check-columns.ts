/**
 * What a source's rows must hold before anything is stored: the columns a pipeline needs, each once, and
 * numbers where a numeric feature expects them. Errors name the column, the row and the value.
 */
import { AppError } from "@/lib/errors";
import { parseNumber } from "@/lib/data/values";
import type { QueryRows } from "./types";

export interface ColumnNeeds {
  /** Columns that must be present (target, id, features), with who needs them, for the message. */
  required: { name: string; neededBy: string }[];
  /** Columns whose non-blank values must be plain numbers. */
  numeric: { name: string; neededBy: string }[];
}

export function checkColumns(result: QueryRows, needs: ColumnNeeds): void {
  const seen = new Set<string>();
  for (const name of result.columns) {
    if (seen.has(name)) throw new AppError("duplicate_column", `The query returns column "${name}" twice; give each column its own name.`, { column: name });
    seen.add(name);
  }
  for (const { name, neededBy } of needs.required) {
    if (!seen.has(name)) {
      throw new AppError("missing_column", `The query returns no column "${name}", which ${neededBy} needs; it returns ${result.columns.map((c) => `"${c}"`).join(", ")}.`, {
        column: name,
      });
    }
  }
  for (const { name, neededBy } of needs.numeric) {
    const index = result.columns.indexOf(name);
    if (index < 0) continue;
    const row = result.rows.findIndex((cells) => cells[index] !== null && cells[index]!.trim() !== "" && parseNumber(cells[index]!.trim()) === null);
    if (row >= 0) {
      const value = result.rows[row][index]!;
      throw new AppError("wrong_type", `Column "${name}", row ${row + 1}: "${value}" is not a number, but ${neededBy} reads it as numeric.`, {
        column: name,
        row: row + 1,
        value,
      });
    }
  }
}
