/**
 * Drift of one numeric feature: PSI/JS over the profile's bins, KS and Wasserstein-1 against the
 * reference. With only a stored profile, the reference ECDF is the profile's sketch (exact when the
 * reference had ≤ 10,000 values; otherwise within ~1/10,000 of it) while the KS p-value uses the true
 * reference count; given the raw sorted reference (compareRaw), both are exact.
 *
 * Everything but Wasserstein needs only counts of the current window (NumericWindowCounts), so a
 * warehouse can compute them with one aggregate query (lib/sources/pushdown-profile.ts) and get the
 * same statistics as in the app.
 */
import { numericBinCounts } from "./binning";
import { baseResult, severityOf, unseenList } from "./drift-result";
import { ecdfGaps as ecdfGapsOf, ksFromGaps } from "./ks";
import { clip01 } from "./numeric";
import { rate } from "./profile";
import { jsDistance, psi } from "./psi";
import type { CleanNumeric } from "./sorted";
import { UNSEEN_LABEL, type DriftThresholds, type FeatureDrift, type NumericProfile } from "./types";
import { wasserstein1 } from "./wasserstein";

/** What a numeric window contributes to drift, as counts only. */
export interface NumericWindowCounts {
  /** Non-missing values, and missing ones (blank, unreadable or infinite). */
  count: number;
  missing: number;
  /** Values per profile bin, in bin order. */
  counts: number[];
  /** Values a discrete profile lacks, by their text. */
  unseen: Map<string, number>;
  /** For each distinct value u of the reference sketch, ascending: values < u and values ≤ u. */
  sketchBelow: number[];
  sketchAtOrBelow: number[];
}

/** Distinct values of the sketch (ascending) and, for each, how many sketch points are ≤ it. */
export function sketchSteps(sketch: readonly number[]): { values: number[]; atOrBelow: number[] } {
  const values: number[] = [];
  const atOrBelow: number[] = [];
  for (let i = 0; i < sketch.length; i++) {
    if (i + 1 < sketch.length && sketch[i + 1] === sketch[i]) continue;
    values.push(sketch[i]);
    atOrBelow.push(i + 1);
  }
  return { values, atOrBelow };
}

/** The counts of sorted current values against a profile, as the app computes them. */
export function numericWindowCounts(profile: NumericProfile, current: CleanNumeric): NumericWindowCounts {
  const cur = current.sorted;
  const { counts, unseen } = numericBinCounts(profile, cur);
  const steps = sketchSteps(profile.sketch).values;
  const sketchBelow: number[] = [];
  const sketchAtOrBelow: number[] = [];
  let below = 0;
  for (const u of steps) {
    while (below < cur.length && cur[below] < u) below++;
    let atOrBelow = below;
    while (atOrBelow < cur.length && cur[atOrBelow] <= u) atOrBelow++;
    sketchBelow.push(below);
    sketchAtOrBelow.push(atOrBelow);
  }
  return { count: cur.length, missing: current.missing, counts, unseen, sketchBelow, sketchAtOrBelow };
}

/**
 * Largest positive and negative gaps of ECDF(sketch) − ECDF(current) from counts at the sketch's
 * values. Between two sketch values the sketch's ECDF is flat while the current one only rises, so the
 * extremes of ecdfGaps' merge walk sit at a sketch value (largest gap) or just below the next one
 * (smallest); each is the same i/n1 − j/n2 the walk computes, so the result is identical.
 */
export function gapsFromCounts(sketch: readonly number[], window: Pick<NumericWindowCounts, "count" | "sketchBelow" | "sketchAtOrBelow">): { maxS: number; minS: number } {
  const { atOrBelow } = sketchSteps(sketch);
  const n1 = sketch.length;
  const n2 = window.count;
  let max = -Infinity;
  let min = Infinity;
  const see = (diff: number) => {
    if (diff > max) max = diff;
    if (diff < min) min = diff;
  };
  // Current values below the whole sketch: the sketch's ECDF is 0 there.
  if (window.sketchBelow[0] > 0) see(0 / n1 - window.sketchBelow[0] / n2);
  for (let k = 0; k < atOrBelow.length; k++) {
    see(atOrBelow[k] / n1 - window.sketchAtOrBelow[k] / n2);
    const nextBelow = k + 1 < atOrBelow.length ? window.sketchBelow[k + 1] : n2;
    if (nextBelow > window.sketchAtOrBelow[k]) see(atOrBelow[k] / n1 - nextBelow / n2);
  }
  return { maxS: max, minS: clip01(-min) };
}

/** PSI, JS, unseen values and KS from counts; Wasserstein is left null (it needs the values). */
export function numericDriftFromCounts(profile: NumericProfile, window: NumericWindowCounts, thresholds: DriftThresholds): FeatureDrift {
  const { result, emptyReason } = baseResult(profile, { count: window.count, missing: window.missing }, thresholds);
  if (emptyReason !== null) return result;
  const proportions = window.counts.map((c) => rate(c, window.count));
  result.bins = binLabels(profile).map((label, i) => ({ label, reference: profile.proportions[i], current: proportions[i] }));
  result.psi = psi(profile.proportions, proportions);
  result.jsDistance = jsDistance(profile.proportions, proportions);
  result.unseenCategories = unseenList(window.unseen, window.count);
  const ks = ksFromGaps(gapsFromCounts(profile.sketch, window), profile.count, window.count);
  result.ksStatistic = ks.statistic;
  result.ksPValue = ks.pValue;
  result.severity = severityOf(result.psi, thresholds);
  result.reason = "Wasserstein distance needs the current values, which profiling in the warehouse does not copy into the app";
  return result;
}

export function numericDrift(
  profile: NumericProfile,
  current: CleanNumeric,
  thresholds: DriftThresholds,
  exactReference?: Float64Array,
): FeatureDrift {
  const cur = current.sorted;
  if (exactReference === undefined && cur.length > 0 && profile.count > 0) {
    // Against a stored profile: the count-based statistics, then Wasserstein from the values.
    const result = numericDriftFromCounts(profile, numericWindowCounts(profile, current), thresholds);
    result.reason = null;
    return withWasserstein(result, profile, profile.sketch, cur);
  }
  const { result, emptyReason } = baseResult(profile, { count: cur.length, missing: current.missing }, thresholds);
  if (emptyReason !== null) return result;

  const { counts, unseen } = numericBinCounts(profile, cur);
  const proportions = counts.map((c) => rate(c, cur.length));
  result.bins = binLabels(profile).map((label, i) => ({ label, reference: profile.proportions[i], current: proportions[i] }));
  result.psi = psi(profile.proportions, proportions);
  result.jsDistance = jsDistance(profile.proportions, proportions);
  result.unseenCategories = unseenList(unseen, cur.length);
  const ks = ksFromGaps(ecdfGapsOf(exactReference!, cur), profile.count, cur.length);
  result.ksStatistic = ks.statistic;
  result.ksPValue = ks.pValue;
  result.severity = severityOf(result.psi, thresholds);
  return withWasserstein(result, profile, exactReference!, cur);
}

function withWasserstein(result: FeatureDrift, profile: NumericProfile, reference: ArrayLike<number>, cur: Float64Array): FeatureDrift {
  result.wasserstein = wasserstein1(reference, cur);
  if (profile.std !== null && profile.std > 0) result.wassersteinNormalized = result.wasserstein / profile.std;
  else result.reason = "reference standard deviation is 0, so normalised Wasserstein is undefined";
  return result;
}

/** "< e0", "[e0, e1)", …, "≥ e(k−1)" for quantile bins; each value then (unseen) for discrete ones. */
function binLabels(profile: NumericProfile): string[] {
  if (profile.binning === "discrete") return [...profile.values.map(String), UNSEEN_LABEL];
  // A quantile profile with values has ≥ 11 distinct ones, hence at least one edge.
  const e = profile.edges;
  return [`< ${e[0]}`, ...e.slice(1).map((hi, i) => `[${e[i]}, ${hi})`), `≥ ${e[e.length - 1]}`];
}
