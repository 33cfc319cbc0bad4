/**
 * Drift of one categorical feature: PSI/JS over the profile's categories plus the (unseen) bin, and
 * chi-square over the union of categories, where each unseen category is a column of its own.
 */
import { categoricalBinCounts, type CategoricalTally } from "./binning";
import { chiSquareHomogeneity } from "./chi-square";
import { baseResult, severityOf, unseenList } from "./drift-result";
import { rate } from "./profile";
import { jsDistance, psi } from "./psi";
import { UNSEEN_LABEL, type CategoricalProfile, type DriftThresholds, type FeatureDrift } from "./types";

export function categoricalDrift(profile: CategoricalProfile, current: CategoricalTally, thresholds: DriftThresholds): FeatureDrift {
  const count = [...current.tally.values()].reduce((a, b) => a + b, 0);
  const { result, emptyReason } = baseResult(profile, { count, missing: current.missing }, thresholds);
  if (emptyReason !== null) return result;

  const { counts, unseen } = categoricalBinCounts(profile, current.tally);
  const proportions = counts.map((c) => rate(c, count));
  const labels = [...profile.categories, UNSEEN_LABEL];
  result.bins = labels.map((label, i) => ({ label, reference: profile.proportions[i], current: proportions[i] }));
  result.psi = psi(profile.proportions, proportions);
  result.jsDistance = jsDistance(profile.proportions, proportions);
  result.unseenCategories = unseenList(unseen, count);

  // The (unseen) bin is dropped here: chi-square sees every unseen category by name instead.
  const seen = profile.categories.length;
  const referenceCounts = [...profile.counts.slice(0, seen), ...new Array<number>(unseen.size).fill(0)];
  const currentCounts = [...counts.slice(0, seen), ...unseen.values()];
  // Both windows have values here, so the test is always defined.
  const chi = chiSquareHomogeneity(referenceCounts, currentCounts)!;
  result.chiSquare = chi.statistic;
  result.chiSquarePValue = chi.pValue;
  result.chiSquareDof = chi.dof;
  result.severity = severityOf(result.psi, thresholds);
  return result;
}
