/**
 * Feature encoding: cell text → numeric columns (NaN = missing).
 * - numeric: plain decimal only (no thousands separators, no "1e", no hex), else invalid_number.
 * - boolean: yes/no, true/false, 1/0, y/n (any case) → 1/0, else invalid_boolean.
 * - categorical: one-hot over the MAX_CATEGORIES most frequent training values (ties by name), in sorted
 *   order, plus an `(other)` column for the rarer training values when there are any. A missing cell is
 *   NaN in every column of the feature; a value never seen in training is 0 in every column and counted.
 */
import { BOOLEAN_PAIRS, booleanPairOf, parseNumber } from "@/lib/data/values";
import { AppError } from "@/lib/errors";
import { type CellColumn, type CellTable, tableFromRows } from "./table";
import type { CellRow, EncodedMatrix, FeatureEncoding, FeatureSpec, UnseenCounts } from "./types";

export const MAX_CATEGORIES = 50;
export const OTHER_COLUMN = "(other)";

/** What one encoded column holds: a numeric/boolean feature, or one category (or `(other)`) of one. */
export interface EncodedColumn {
  feature: string;
  encoding: FeatureEncoding;
  category: string | null;
  other: boolean;
}

export function encodedColumns(features: readonly FeatureEncoding[]): EncodedColumn[] {
  return features.flatMap((encoding): EncodedColumn[] => {
    const feature = encoding.name;
    if (encoding.kind !== "categorical") return [{ feature, encoding, category: null, other: false }];
    const columns = encoding.categories.map((category) => ({ feature, encoding, category, other: false }));
    return encoding.other.length > 0 ? [...columns, { feature, encoding, category: OTHER_COLUMN, other: true }] : columns;
  });
}

/** Learns boolean spellings and category lists from training cells. */
export function fitEncoding(features: readonly FeatureSpec[], table: CellTable): FeatureEncoding[] {
  const names = new Set<string>();
  return features.map(({ name, kind }) => {
    if (names.has(name)) throw new AppError("duplicate_feature", `Feature "${name}" is listed twice.`, { column: name });
    names.add(name);
    const cells = table.column(name);
    if (kind === "numeric") return { name, kind };
    if (kind === "boolean") {
      const parsed = booleanCells(cells, name);
      const labels: [string, string] = ["false", "true"];
      for (const truth of [0, 1]) {
        const first = parsed.find((cell) => cell?.truth === truth);
        if (first) labels[truth] = first.text;
      }
      return { name, kind, labels };
    }
    if (kind !== "categorical") throw new AppError("invalid_feature_kind", `Feature "${name}" has unknown kind "${kind}".`, { column: name });
    const counts = new Map<string, number>();
    for (const cell of cells) if (cell != null) counts.set(cell, (counts.get(cell) ?? 0) + 1);
    const byFrequency = [...counts].sort((a, b) => b[1] - a[1] || compare(a[0], b[0])).map(([value]) => value);
    return { name, kind, categories: byFrequency.slice(0, MAX_CATEGORIES).sort(compare), other: byFrequency.slice(MAX_CATEGORIES).sort(compare) };
  });
}

/** Encodes cells with a fitted encoding; throws AppError naming row, column and value on bad cells. */
export function encodeTable(features: readonly FeatureEncoding[], table: CellTable): { matrix: EncodedMatrix; unseen: UnseenCounts } {
  const n = table.rowCount;
  const columns: Float64Array[] = [];
  const unseen: UnseenCounts = {};
  for (const feature of features) {
    const cells = table.column(feature.name);
    // Plain loops into typed arrays: Float64Array.from(array, map) goes through the iterator protocol
    // and was the slowest part of encoding a million rows.
    if (feature.kind === "numeric") {
      const column = new Float64Array(n);
      for (let row = 0; row < n; row++) column[row] = numberCell(cells[row], row, feature.name);
      columns.push(column);
    } else if (feature.kind === "boolean") {
      const parsed = booleanCells(cells, feature.name);
      const column = new Float64Array(n);
      for (let row = 0; row < n; row++) column[row] = parsed[row] === null ? NaN : parsed[row]!.truth;
      columns.push(column);
    } else {
      const index = new Map(feature.categories.map((category, i) => [category, i]));
      const other = new Set(feature.other);
      const oneHot = encodedColumns([feature]).map(() => new Float64Array(n));
      cells.forEach((cell, row) => {
        if (cell == null) {
          for (const column of oneHot) column[row] = NaN;
          return;
        }
        const hot = index.get(cell) ?? (other.has(cell) ? feature.categories.length : undefined);
        if (hot !== undefined) oneHot[hot][row] = 1;
        else {
          const counts = (unseen[feature.name] ??= {});
          counts[cell] = (counts[cell] ?? 0) + 1;
        }
      });
      columns.push(...oneHot);
    }
  }
  return { matrix: { rowCount: n, columns }, unseen };
}

/** Encodes scoring rows for a trained model. */
export function encodeRows(model: { features: readonly FeatureEncoding[] }, rows: readonly CellRow[]) {
  return encodeTable(model.features, tableFromRows(rows));
}

function numberCell(cell: string | null | undefined, row: number, column: string): number {
  if (cell == null) return NaN;
  const value = parseNumber(cell);
  if (value === null) {
    throw new AppError("invalid_number", `Feature "${column}", row ${row + 1}: "${cell}" is not a plain decimal number.`, {
      row: row + 1, column, value: cell,
    });
  }
  return value;
}

function booleanCells(cells: CellColumn, column: string): ({ text: string; truth: number } | null)[] {
  return cells.map((cell, row) => {
    if (cell == null) return null;
    const pair = booleanPairOf(cell);
    if (pair < 0) {
      throw new AppError("invalid_boolean", `Feature "${column}", row ${row + 1}: "${cell}" is not yes/no, true/false, 1/0 or y/n.`, {
        row: row + 1, column, value: cell,
      });
    }
    return { text: cell, truth: cell.toLowerCase() === BOOLEAN_PAIRS[pair][0] ? 1 : 0 };
  });
}

/** Code-unit order: the same on every machine and locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
