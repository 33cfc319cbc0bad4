/**
 * Reference profiles (DESIGN.md "Reference profile"): what drift monitoring keeps of a feature's
 * training values, small enough to store as JSON with the model version.
 */
import { numericBinCounts, tallyCategories } from "./binning";
import { cleanNumeric, distinctUpTo, meanStd, quantileSorted, sketchOf, type CleanNumeric } from "./sorted";
import type { CategoricalProfile, FeatureKind, FeatureProfile, NumericProfile } from "./types";

export const DEFAULT_BINS = 10;
/** A numeric feature with at most this many distinct reference values gets one bin per value. */
export const DISCRETE_MAX_VALUES = 10;
/** Order statistics kept for KS/W1 against a stored profile (exact when the reference is this small). */
export const SKETCH_SIZE = 10_000;

export interface ProfileOptions {
  /** Quantile bins for continuous numeric features (default 10: edges at the deciles). */
  bins?: number;
}

export function buildNumericProfile(
  name: string,
  values: ArrayLike<number> | CleanNumeric,
  options: ProfileOptions = {},
): NumericProfile {
  const { sorted, missing } = "sorted" in values ? values : cleanNumeric(values);
  const n = sorted.length;
  const discrete = distinctUpTo(sorted, DISCRETE_MAX_VALUES);
  const bins = options.bins ?? DEFAULT_BINS;
  if (!Number.isInteger(bins) || bins < 2) throw new RangeError(`bins must be an integer ≥ 2, got ${bins}`);
  const edges = discrete ? [] : quantileEdges(sorted, bins);
  const profile: NumericProfile = {
    version: 1,
    kind: "numeric",
    name,
    count: n,
    missing,
    missingRate: rate(missing, n + missing),
    binning: discrete ? "discrete" : "quantile",
    edges,
    values: discrete ?? [],
    counts: [],
    proportions: [],
    mean: null,
    std: null,
    quantiles: null,
    sketch: sketchOf(sorted, SKETCH_SIZE),
  };
  profile.counts = numericBinCounts(profile, sorted).counts;
  profile.proportions = profile.counts.map((c) => rate(c, n));
  if (n > 0) {
    Object.assign(profile, meanStd(sorted));
    const q = (p: number) => quantileSorted(sorted, p);
    profile.quantiles = { min: sorted[0], p05: q(0.05), p25: q(0.25), p50: q(0.5), p75: q(0.75), p95: q(0.95), max: sorted[n - 1] };
  }
  return profile;
}

/** Interior edges at the i/bins quantiles, duplicates removed (a heavy value would give empty bins). */
function quantileEdges(sorted: Float64Array, bins: number): number[] {
  if (sorted.length === 0) return [];
  const edges: number[] = [];
  for (let i = 1; i < bins; i++) {
    const e = quantileSorted(sorted, i / bins);
    if (edges.length === 0 || e !== edges[edges.length - 1]) edges.push(e);
  }
  return edges;
}

export function buildCategoricalProfile(name: string, values: readonly (string | null)[]): CategoricalProfile {
  const { tally, missing } = tallyCategories(values);
  // Most frequent first, ties by name: a stable order that also reads well in charts.
  const entries = [...tally].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const n = values.length - missing;
  const counts = [...entries.map((e) => e[1]), 0];
  return {
    version: 1,
    kind: "categorical",
    name,
    count: n,
    missing,
    missingRate: rate(missing, values.length),
    categories: entries.map((e) => e[0]),
    counts,
    proportions: counts.map((c) => rate(c, n)),
  };
}

export function buildProfile(
  name: string,
  kind: FeatureKind,
  values: ArrayLike<number> | readonly (string | null)[],
  options: ProfileOptions = {},
): FeatureProfile {
  return kind === "numeric"
    ? buildNumericProfile(name, values as ArrayLike<number>, options)
    : buildCategoricalProfile(name, values as readonly (string | null)[]);
}

/** part / whole, 0 for an empty whole so no NaN reaches a profile. */
export function rate(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
