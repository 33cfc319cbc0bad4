/**
 * Ingestion of one CSV file: one streaming pass validates the structure, gathers column statistics,
 * and (when a sink is given) hands each row to it; afterwards types are inferred or checked, the
 * target is normalised, the id column chosen and the profile built. Any problem throws an AppError
 * naming the file, row, column and value; storage is the caller's transaction, so nothing partial stays.
 */
import { basename } from "node:path";
import { AppError, isAppError } from "@/lib/errors";
import { ColumnStats } from "./column-stats";
import { openCsv, streamCsv } from "./csv-source";
import { checkType, inferType } from "./infer";
import { buildProfile, profileWarnings } from "./profile";
import { summarizeTarget } from "./target";
import { COLUMN_TYPES, type ColumnSpec, type ColumnType, type BatchProfile } from "./types";
import { normalizeCell } from "./values";
import { checkHeader } from "./header";

export interface IngestOptions {
  /** Name used in messages; defaults to the file's base name. */
  label?: string;
  target?: string;
  positive?: string;
  id?: string;
  delimiter?: string;
  /** Types chosen by the user, overriding inference. */
  types?: Record<string, ColumnType>;
  onProgress?: (progress: { bytesRead: number; totalBytes: number; rows: number }) => void;
  /**
   * Report cells that do not fit their column's type in `typeErrors` instead of throwing, so a person
   * reviewing an upload can change the type. Imports never set it.
   */
  collectTypeErrors?: boolean;
  /** Receives the checked header before any row. */
  onHeader?: (header: string[]) => void;
  /** Receives each data row as normalised cells (null = blank) in header order. */
  onRow?: (rowNumber: number, cells: (string | null)[]) => void;
}

export interface IngestResult {
  file: string;
  bytes: number;
  delimiter: string;
  columns: ColumnSpec[];
  profile: BatchProfile;
  warnings: string[];
  /** Columns whose values do not fit their type (only with `collectTypeErrors`). */
  typeErrors: ReturnType<AppError["toJSON"]>[];
}

export async function ingestCsv(path: string, options: IngestOptions = {}): Promise<IngestResult> {
  const label = options.label ?? basename(path);
  const csv = openCsv(path, label, options.delimiter);
  let header = null as string[] | null;
  let stats: ColumnStats[] = [];
  let rows = 0;

  await streamCsv(csv, {
    onRecords(records) {
      let start = 0;
      if (header === null) {
        header = checkHeader(records[0], label);
        checkOptionsAgainstHeader(header, options, label);
        options.onHeader?.(header);
        stats = header.map(
          (name) => new ColumnStats(name, { trackFirstRows: name === options.target, uncapped: name === options.id }),
        );
        start = 1;
      }
      const width = header.length;
      const firstRow = rows + 1;
      // Normalised in place (each record is this chunk's own array) and checked row by row, so a ragged
      // row stops the file at that row.
      const kept: (string | null)[][] = [];
      for (let r = start; r < records.length; r++) {
        const record = records[r];
        if (record.length !== width) {
          if (record.length === 1 && record[0].trim() === "") continue; // a whitespace-only line
          throw new AppError(
            "ragged_row",
            `${label}, row ${rows + 1}: ${record.length} fields, but the header has ${width}.`,
            { file: label, row: rows + 1 },
          );
        }
        const cells = record as (string | null)[];
        for (let i = 0; i < width; i++) cells[i] = normalizeCell(record[i]);
        rows++;
        kept.push(cells);
        options.onRow?.(rows, cells);
      }
      // Column by column: each column's statistics still see its values in row order, and each inner
      // loop stays on one column's kind of value instead of alternating between twenty.
      for (let i = 0; i < width; i++) {
        const column = stats[i];
        for (let r = 0; r < kept.length; r++) column.add(kept[r][i], firstRow + r);
      }
    },
    onProgress(bytesRead) {
      options.onProgress?.({ bytesRead, totalBytes: csv.bytes, rows });
    },
  });

  if (header === null) throw new AppError("empty_file", `${label} has no header row.`, { file: label });
  if (rows === 0) throw new AppError("no_rows", `${label} has a header but no data rows.`, { file: label });

  const typeErrors: AppError[] = [];
  const columns = stats.map((column): ColumnSpec => {
    const inferredType = inferType(column, rows);
    // Own keys only: a column named "constructor" or "toString" must not find Object.prototype's.
    const type = (options.types && Object.hasOwn(options.types, column.name) ? options.types[column.name] : undefined) ?? inferredType;
    try {
      checkType(column, type, label);
    } catch (error) {
      if (!options.collectTypeErrors || !isAppError(error)) throw error;
      typeErrors.push(error);
    }
    return { name: column.name, type, inferredType };
  });
  const target = options.target === undefined
    ? null
    : summarizeTarget(stats[header.indexOf(options.target)], options.positive, label);
  const idColumn = chooseIdColumn(stats, columns, options.id, label);
  const profile = buildProfile(stats, columns, rows, target, idColumn);
  return {
    file: label,
    bytes: csv.bytes,
    delimiter: csv.delimiter,
    columns,
    profile,
    warnings: profileWarnings(profile, options.target),
    typeErrors: typeErrors.map((error) => error.toJSON()),
  };
}

function checkOptionsAgainstHeader(header: string[], options: IngestOptions, file: string): void {
  const named: [string, string | undefined][] = [
    ["target", options.target],
    ["id", options.id],
    ...Object.keys(options.types ?? {}).map((name): [string, string] => ["type override", name]),
  ];
  for (const [role, column] of named) {
    if (column !== undefined && !header.includes(column)) {
      throw new AppError(
        "unknown_column",
        `The ${role} column "${column}" is not in ${file}; its columns are ${header.map((h) => `"${h}"`).join(", ")}.`,
        { file, column },
      );
    }
  }
  for (const [name, type] of Object.entries(options.types ?? {})) {
    if (!(COLUMN_TYPES as readonly string[]).includes(type)) {
      throw new AppError("bad_type", `Type "${type}" for column "${name}" is not one of ${COLUMN_TYPES.join(", ")}.`, {
        column: name,
      });
    }
  }
}

/** The given id column must be unique; otherwise the detected id whose name is not a row counter wins. */
function chooseIdColumn(stats: ColumnStats[], columns: ColumnSpec[], option: string | undefined, file: string) {
  if (option !== undefined) {
    const column = stats.find((s) => s.name === option)!;
    if (column.firstMissingRow !== null) {
      throw new AppError("missing_id", `Id column "${option}" is blank in row ${column.firstMissingRow}.`, {
        file,
        row: column.firstMissingRow,
        column: option,
      });
    }
    if (column.firstDuplicate !== null) {
      const { row, value } = column.firstDuplicate;
      throw new AppError("duplicate_id", `Id column "${option}", row ${row}: "${value}" appears more than once.`, {
        file,
        row,
        column: option,
        value,
      });
    }
    return option;
  }
  const ids = columns.filter((c) => c.type === "id").map((c) => c.name);
  return ids.find((name) => !/row/i.test(name)) ?? ids[0] ?? null;
}
