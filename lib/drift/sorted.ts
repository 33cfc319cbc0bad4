/**
 * Numeric helpers over sorted Float64Arrays: every numeric statistic here works on sorted values, so a
 * column is cleaned and sorted once and then shared by the profile, KS and Wasserstein.
 */
import { sortedFinite } from "./radix-sort";

export interface CleanNumeric {
  /** Finite values, ascending. */
  sorted: Float64Array;
  /** NaN (the missing marker) and ±Infinity, which no statistic can use. */
  missing: number;
}

/** Drop missing values and sort (radix sort: the native typed-array sort is the bottleneck at 1M rows). */
export function cleanNumeric(values: ArrayLike<number>): CleanNumeric {
  return sortedFinite(values);
}

/**
 * numpy's default ("linear") quantile of sorted values: index (n − 1)·q, interpolated as numpy's _lerp
 * does (from the upper neighbour when the weight is ≥ ½), so the edges match numpy bit for bit.
 */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  const index = (n - 1) * q;
  if (index >= n - 1) return sorted[n - 1];
  if (index <= 0) return sorted[0];
  const lo = Math.floor(index);
  const a = sorted[lo];
  const b = sorted[lo + 1];
  const t = index - lo;
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** Mean and population standard deviation (ddof = 0), two-pass for accuracy. */
export function meanStd(values: Float64Array): { mean: number; std: number } {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - mean;
    squares += d * d;
  }
  return { mean, std: Math.sqrt(squares / n) };
}

/** Evenly spaced order statistics (both extremes included); the whole array when it has ≤ size values. */
export function sketchOf(sorted: Float64Array, size: number): number[] {
  const n = sorted.length;
  if (n <= size) return Array.from(sorted);
  const out = new Array<number>(size);
  for (let i = 0; i < size; i++) out[i] = sorted[Math.round((i * (n - 1)) / (size - 1))];
  return out;
}

/** Distinct values of sorted input, stopping (returning null) once there are more than `limit`. */
export function distinctUpTo(sorted: Float64Array, limit: number): number[] | null {
  const out: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) continue;
    if (out.length === limit) return null;
    out.push(sorted[i]);
  }
  return out;
}
