/**
 * Target normalisation: the configured positive value maps to 1, its partner in a known pair
 * (Yes/No, 1/0, true/false, y/n, compared case-insensitively) to 0. A custom positive label accepts
 * exactly one other label as the negative class. Anything else is an error naming the row and value.
 */
import { AppError } from "@/lib/errors";
import type { ColumnStats } from "./column-stats";
import type { TargetSummary } from "./types";
import { BOOLEAN_PAIRS, booleanPairOf } from "./values";

export function summarizeTarget(stats: ColumnStats, positiveOption: string | undefined, file: string): TargetSummary {
  const column = stats.name;
  if (stats.firstMissingRow !== null) {
    throw new AppError(
      "missing_target",
      `Target column "${column}" is blank in row ${stats.firstMissingRow}; every row needs a label (${stats.missing} blank in all).`,
      { file, row: stats.firstMissingRow, column },
    );
  }
  const values = [...stats.counts.keys()];
  const positive = positiveOption ?? defaultPositive(values, column, file);
  const isPositive = (value: string) => value.toLowerCase() === positive.toLowerCase();
  const pair = booleanPairOf(positive);
  const isNegative = pair >= 0
    ? (value: string) => value.toLowerCase() === BOOLEAN_PAIRS[pair][1 - BOOLEAN_PAIRS[pair].indexOf(positive.toLowerCase())]
    : (value: string) => value === firstOther(values, isPositive);

  let positives = 0;
  let negatives = 0;
  let negative: string | null = null;
  for (const value of values) {
    const count = stats.counts.get(value)!;
    if (isPositive(value)) positives += count;
    else if (isNegative(value)) {
      negatives += count;
      negative ??= value;
    } else {
      const row = stats.firstRows?.get(value);
      throw new AppError(
        "invalid_target",
        `Target column "${column}"${row ? `, row ${row}` : ""}: "${value}" is neither the positive value "${positive}" nor its negative.`,
        { file, row, column, value },
      );
    }
  }
  if (positives === 0 || negatives === 0) {
    throw new AppError(
      "target_one_class",
      `Target column "${column}" has only one class (${positives === 0 ? `no rows are "${positive}"` : "every row is positive"}); a model needs both.`,
      { file, column },
    );
  }
  return { column, positive, negative, positives, negatives };
}

function firstOther(values: string[], isPositive: (value: string) => boolean): string | undefined {
  return values.find((value) => !isPositive(value));
}

/** Without --positive, a known pair's positive side is used (Yes, true, 1, y). */
function defaultPositive(values: string[], column: string, file: string): string {
  const pairs = new Set(values.map(booleanPairOf));
  if (pairs.size === 1 && !pairs.has(-1)) {
    const [yes] = BOOLEAN_PAIRS[[...pairs][0]];
    return values.find((value) => value.toLowerCase() === yes) ?? yes;
  }
  throw new AppError(
    "positive_required",
    `Target column "${column}" has values ${values.slice(0, 5).map((v) => `"${v}"`).join(", ")}; say which one is positive.`,
    { file, column },
  );
}
