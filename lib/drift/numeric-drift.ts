/**
 * Drift of one numeric feature: PSI/JS over the profile's bins, KS and Wasserstein-1 against the
 * reference. With only a stored profile, the reference ECDF is the profile's sketch (exact when the
 * reference had ≤ 10,000 values; otherwise within ~1/10,000 of it) while the KS p-value uses the true
 * reference count; given the raw sorted reference (compareRaw), both are exact.
 */
import { numericBinCounts } from "./binning";
import { baseResult, severityOf, unseenList } from "./drift-result";
import { ecdfGaps, ksFromGaps } from "./ks";
import { rate } from "./profile";
import { jsDistance, psi } from "./psi";
import type { CleanNumeric } from "./sorted";
import { UNSEEN_LABEL, type DriftThresholds, type FeatureDrift, type NumericProfile } from "./types";
import { wasserstein1 } from "./wasserstein";

export function numericDrift(
  profile: NumericProfile,
  current: CleanNumeric,
  thresholds: DriftThresholds,
  exactReference?: Float64Array,
): FeatureDrift {
  const cur = current.sorted;
  const { result, emptyReason } = baseResult(profile, { count: cur.length, missing: current.missing }, thresholds);
  if (emptyReason !== null) return result;

  const { counts, unseen } = numericBinCounts(profile, cur);
  const proportions = counts.map((c) => rate(c, cur.length));
  const labels = binLabels(profile);
  result.bins = labels.map((label, i) => ({ label, reference: profile.proportions[i], current: proportions[i] }));
  result.psi = psi(profile.proportions, proportions);
  result.jsDistance = jsDistance(profile.proportions, proportions);
  result.unseenCategories = unseenList(unseen, cur.length);

  const reference = exactReference ?? profile.sketch;
  const ks = ksFromGaps(ecdfGaps(reference, cur), profile.count, cur.length);
  result.ksStatistic = ks.statistic;
  result.ksPValue = ks.pValue;
  result.wasserstein = wasserstein1(reference, cur);
  if (profile.std !== null && profile.std > 0) result.wassersteinNormalized = result.wasserstein / profile.std;
  else result.reason = "reference standard deviation is 0, so normalised Wasserstein is undefined";
  result.severity = severityOf(result.psi, thresholds);
  return result;
}

/** "< e0", "[e0, e1)", …, "≥ e(k−1)" for quantile bins; each value then (unseen) for discrete ones. */
function binLabels(profile: NumericProfile): string[] {
  if (profile.binning === "discrete") return [...profile.values.map(String), UNSEEN_LABEL];
  // A quantile profile with values has ≥ 11 distinct ones, hence at least one edge.
  const e = profile.edges;
  return [`< ${e[0]}`, ...e.slice(1).map((hi, i) => `[${e[i]}, ${hi})`), `≥ ${e[e.length - 1]}`];
}
