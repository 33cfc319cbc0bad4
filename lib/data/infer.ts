/** Turns a column's streamed statistics into a type, and checks a chosen type against the values. */
import { AppError } from "@/lib/errors";
import type { ColumnStats } from "./column-stats";
import type { ColumnType } from "./types";
import { nameSuggestsId } from "./values";

/** Share of numeric-looking cells above which a column is read as numbers and the rest are errors. */
const NUMERIC_MAJORITY = 0.9;
/** Text identifiers need enough rows for uniqueness to mean something, unless the name says "id". */
const MIN_ROWS_FOR_TEXT_ID = 50;

export function inferType(stats: ColumnStats, rowCount: number): ColumnType {
  if (stats.count === 0) return "categorical";
  if (stats.isBoolean) return "boolean";
  const unique = stats.couldBeId && stats.count === rowCount && rowCount > 1;
  if (stats.isNumeric) return unique && stats.allIntegers && nameSuggestsId(stats.name) ? "id" : "numeric";
  if (isMostlyNumeric(stats)) return "numeric";
  if (stats.isDatetime) return "datetime";
  if (unique && (rowCount >= MIN_ROWS_FOR_TEXT_ID || nameSuggestsId(stats.name))) return "id";
  return "categorical";
}

/** Numbers with a few cells that are not (a stray "N/A", "1,889.50"): the column is numeric and those cells are errors. */
function isMostlyNumeric(stats: ColumnStats): boolean {
  const numericLooking = stats.numericCount + stats.formattedNumberCount;
  return stats.numericCount > 0 || stats.formattedNumberCount > 0
    ? numericLooking / stats.count >= NUMERIC_MAJORITY
    : false;
}

/** Throws when the values of a column cannot be read as the chosen type, naming the first bad cell. */
export function checkType(stats: ColumnStats, type: ColumnType, file: string): void {
  if (stats.count === 0) return;
  if (type === "numeric" && !stats.isNumeric) {
    const bad = stats.firstNonNumeric!;
    const others = stats.nonNumericCount - 1;
    const hint = stats.formattedNumberCount > 0
      ? " Thousands separators and decimal commas are not read as numbers; write 1889.50, not 1,889.50 or 1889,50."
      : "";
    throw new AppError(
      "unparseable_number",
      `${file}: column "${stats.name}", row ${bad.row}: "${bad.value}" is not a number` +
        (others > 0 ? ` (and ${others} more cells in this column).` : ".") +
        hint +
        ` To keep the column as text, set its type to categorical.`,
      { file, row: bad.row, column: stats.name, value: bad.value },
    );
  }
  if (type === "boolean" && !stats.isBoolean) {
    throw new AppError(
      "not_boolean",
      `${file}: column "${stats.name}" cannot be boolean: its values are not one of the pairs yes/no, true/false, 1/0, y/n.`,
      { file, column: stats.name },
    );
  }
  if (type === "datetime" && !stats.isDatetime) {
    const bad = stats.firstNonDate!;
    throw new AppError(
      "unparseable_date",
      `${file}: column "${stats.name}", row ${bad.row}: "${bad.value}" is not an ISO 8601 date (expected e.g. 2026-12-03 or 2026-12-03T10:00:00Z).`,
      { file, row: bad.row, column: stats.name, value: bad.value },
    );
  }
}
