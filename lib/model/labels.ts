/**
 * Target text → labels 0/1. The positive value maps to 1 (compared case-insensitively); the negative is
 * its partner in a known pair (Yes/No, true/false, 1/0, y/n) or, for a custom label, the one other value.
 * Without a positive value, a column holding one known pair uses the pair's positive side.
 */
import { invalidTarget, targetMapping } from "@/lib/data/target";
import { AppError } from "@/lib/errors";
import type { CellColumn } from "./table";

export interface EncodedLabels {
  labels: Uint8Array;
  /** Spellings as seen in the data (the configured one when no row had it). */
  positive: string;
  negative: string;
}

export function encodeLabels(values: CellColumn, target: string, positiveOption?: string): EncodedLabels {
  const missingRow = values.findIndex((value) => value === null || value === undefined);
  if (missingRow >= 0) {
    throw new AppError("missing_target", `Target "${target}" is blank in row ${missingRow + 1}; every row needs a label.`, {
      row: missingRow + 1, column: target,
    });
  }
  const mapping = targetMapping([...new Set(values as string[])], positiveOption, target);
  const labels = new Uint8Array(values.length);
  let negative: string | null = null;
  values.forEach((value, row) => {
    const label = mapping.label(value!);
    if (label === null) throw invalidTarget(target, value!, mapping.positive, row + 1);
    labels[row] = label;
    if (label === 0) negative ??= value!;
  });
  const positives = labels.reduce((sum, label) => sum + label, 0);
  if (positives === 0 || negative === null) {
    throw new AppError("target_one_class", `Target "${target}" has only one class; a model needs both "${mapping.positive}" and another value.`, {
      column: target,
    });
  }
  return { labels, positive: mapping.positive, negative };
}
