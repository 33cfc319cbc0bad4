/**
 * Target normalisation: the configured positive value maps to 1, its partner in a known pair
 * (Yes/No, 1/0, true/false, y/n, compared case-insensitively) to 0. A custom positive label accepts
 * exactly one other label as the negative class. Anything else is an error naming the row and value.
 */
import { AppError } from "@/lib/errors";
import type { ColumnStats } from "./column-stats";
import type { TargetSummary } from "./types";
import { BOOLEAN_PAIRS, booleanPairOf } from "./values";

export interface TargetMapping {
  positive: string;
  /** 1 for the positive value, 0 for the negative one, null for anything else. */
  label(value: string): 0 | 1 | null;
}

/** The mapping for a target whose distinct values are `values` (in order of first appearance). */
export function targetMapping(values: readonly string[], positiveOption: string | undefined, column: string): TargetMapping {
  const positive = positiveOption ?? defaultPositive(values, column);
  const lower = positive.toLowerCase();
  const pair = booleanPairOf(positive);
  const partner = pair >= 0 ? BOOLEAN_PAIRS[pair][1 - BOOLEAN_PAIRS[pair].indexOf(lower)] : null;
  const customNegative = values.find((value) => value.toLowerCase() !== lower);
  return {
    positive: values.find((value) => value.toLowerCase() === lower) ?? positive,
    label(value) {
      const text = value.toLowerCase();
      if (text === lower) return 1;
      if (partner === null ? value === customNegative : text === partner) return 0;
      return null;
    },
  };
}

export function invalidTarget(column: string, value: string, positive: string, row: number | undefined, file?: string) {
  return new AppError(
    "invalid_target",
    `Target column "${column}"${row ? `, row ${row}` : ""}: "${value}" is neither the positive value "${positive}" nor its negative.`,
    { file, row, column, value },
  );
}

export function summarizeTarget(stats: ColumnStats, positiveOption: string | undefined, file: string): TargetSummary {
  const column = stats.name;
  if (stats.firstMissingRow !== null) {
    throw new AppError(
      "missing_target",
      `Target column "${column}" is blank in row ${stats.firstMissingRow}; every row needs a label (${stats.missing} blank in all).`,
      { file, row: stats.firstMissingRow, column },
    );
  }
  const tallies = new Map(stats.counts());
  const values = [...tallies.keys()];
  const mapping = targetMapping(values, positiveOption, column);
  const counts = [0, 0];
  let negative: string | null = null;
  for (const value of values) {
    const label = mapping.label(value);
    if (label === null) throw invalidTarget(column, value, mapping.positive, stats.firstRows?.get(value), file);
    counts[label] += tallies.get(value)!;
    if (label === 0) negative ??= value;
  }
  const [negatives, positives] = counts;
  if (positives === 0 || negatives === 0) {
    throw new AppError(
      "target_one_class",
      `Target column "${column}" has only one class (${positives === 0 ? `no rows are "${mapping.positive}"` : "every row is positive"}); a model needs both.`,
      { file, column },
    );
  }
  return { column, positive: mapping.positive, negative, positives, negatives };
}

/** Without a positive value, a known pair's positive side is used (Yes, true, 1, y). */
function defaultPositive(values: readonly string[], column: string): string {
  const pairs = new Set(values.map(booleanPairOf));
  if (pairs.size === 1 && !pairs.has(-1)) {
    const [yes] = BOOLEAN_PAIRS[[...pairs][0]];
    return values.find((value) => value.toLowerCase() === yes) ?? yes;
  }
  throw new AppError(
    "positive_required",
    `Target column "${column}" has values ${values.slice(0, 5).map((v) => `"${v}"`).join(", ")}; say which one is positive.`,
    { column },
  );
}
