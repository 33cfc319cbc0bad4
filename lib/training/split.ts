/**
 * Train/test splits. Stratified: each class is shuffled with the seed and its first `testSize` share goes
 * to the test set, so both sets keep the base rate and the split replays from its recorded seed.
 * Time-based: rows ordered by the date column, the latest `testSize` share is the test set (how the model
 * will be used: trained on the past, judged on what came after).
 */
import { parseIsoDate } from "@/lib/data/values";
import { AppError } from "@/lib/errors";
import { mulberry32, shuffleInPlace } from "@/lib/random";

export type SplitSettings =
  | { kind: "stratified"; testSize: number; seed: number }
  | { kind: "time"; column: string; testSize: number };

export interface Split {
  train: Int32Array;
  test: Int32Array;
}

export function stratifiedSplit(labels: Uint8Array, testSize: number, seed: number): Split {
  checkTestSize(testSize);
  const random = mulberry32(seed);
  const train: number[] = [];
  const test: number[] = [];
  for (const label of [0, 1]) {
    const rows: number[] = [];
    labels.forEach((value, row) => value === label && rows.push(row));
    shuffleInPlace(rows, random);
    const testCount = Math.round(rows.length * testSize);
    // A loop, not push(...rows): spreading hundreds of thousands of arguments overflows the stack.
    for (let i = 0; i < rows.length; i++) (i < testCount ? test : train).push(rows[i]);
  }
  return finish(train, test);
}

export function timeSplit(dates: readonly (string | null)[], column: string, testSize: number): Split {
  checkTestSize(testSize);
  const times = dates.map((text, row) => {
    const time = text === null ? null : parseIsoDate(text);
    if (time === null) {
      throw new AppError("bad_split_date", `Time split on "${column}": row ${row + 1} has ${text === null ? "no date" : `"${text}", not an ISO date`}.`, {
        row: row + 1,
        column,
        value: text ?? undefined,
      });
    }
    return time;
  });
  // Stable by row number for equal times, so the split never depends on sort internals.
  const order = times.map((_, row) => row).sort((a, b) => times[a] - times[b] || a - b);
  const testCount = Math.round(order.length * testSize);
  return finish(order.slice(0, order.length - testCount), order.slice(order.length - testCount));
}

function checkTestSize(testSize: number): void {
  if (!(testSize > 0 && testSize < 1)) {
    throw new AppError("bad_test_size", `The test share must be between 0 and 1 (exclusive), got ${testSize}.`);
  }
}

function finish(train: number[], test: number[]): Split {
  if (train.length === 0 || test.length === 0) {
    throw new AppError("split_too_small", `Too few rows to split into training (${train.length}) and test (${test.length}) sets.`);
  }
  return { train: Int32Array.from(train).sort(), test: Int32Array.from(test).sort() };
}
