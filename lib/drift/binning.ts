/**
 * Counting a window's values into a profile's bins. Numeric input is sorted, so one merge walk replaces a
 * binary search per value; categorical input is tallied once and the tally also feeds chi-square.
 */
import type { CategoricalProfile, NumericProfile } from "./types";

/** Unseen values kept by name; past this many distinct ones they are still counted in the (unseen) bin. */
const TRACKED_UNSEEN = 10_000;

export interface BinCounts {
  counts: number[];
  /** Values outside a discrete/categorical profile, by name (bounded, see TRACKED_UNSEEN). */
  unseen: Map<string, number>;
}

type NumericBins = Pick<NumericProfile, "binning" | "edges" | "values">;

/** Bin counts of sorted finite values; bin i of a quantile profile is [e(i−1), e(i)). */
export function numericBinCounts(profile: NumericBins, sorted: Float64Array): BinCounts {
  const unseen = new Map<string, number>();
  if (profile.binning === "quantile") {
    const { edges } = profile;
    const counts = new Array<number>(edges.length + 1).fill(0);
    let b = 0;
    for (let i = 0; i < sorted.length; i++) {
      while (b < edges.length && sorted[i] >= edges[b]) b++;
      counts[b]++;
    }
    return { counts, unseen };
  }
  const { values } = profile;
  const counts = new Array<number>(values.length + 1).fill(0);
  let p = 0;
  for (let i = 0; i < sorted.length; ) {
    const x = sorted[i];
    let j = i + 1;
    while (j < sorted.length && sorted[j] === x) j++;
    while (p < values.length && values[p] < x) p++;
    if (p < values.length && values[p] === x) counts[p] += j - i;
    else {
      counts[values.length] += j - i;
      if (unseen.size < TRACKED_UNSEEN) unseen.set(String(x), j - i);
    }
    i = j;
  }
  return { counts, unseen };
}

export interface CategoricalTally {
  /** Non-missing value counts in first-seen order. */
  tally: Map<string, number>;
  missing: number;
}

export function tallyCategories(values: readonly (string | null)[]): CategoricalTally {
  // Mutable cells need one hash lookup per value where get-then-set needs two: ~2× faster at 1M rows.
  const cells = new Map<string, { count: number }>();
  let missing = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null) {
      missing++;
      continue;
    }
    const cell = cells.get(v);
    if (cell) cell.count++;
    else cells.set(v, { count: 1 });
  }
  const tally = new Map<string, number>();
  for (const [value, cell] of cells) tally.set(value, cell.count);
  return { tally, missing };
}

/** Counts per profile category, then the (unseen) bin holding every category the reference lacked. */
export function categoricalBinCounts(profile: CategoricalProfile, tally: Map<string, number>): BinCounts {
  const index = new Map(profile.categories.map((c, i) => [c, i]));
  const counts = new Array<number>(profile.categories.length + 1).fill(0);
  const unseen = new Map<string, number>();
  for (const [value, count] of tally) {
    const i = index.get(value);
    if (i !== undefined) counts[i] += count;
    else {
      counts[profile.categories.length] += count;
      unseen.set(value, count);
    }
  }
  return { counts, unseen };
}
