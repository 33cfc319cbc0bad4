/**
 * The parts of a FeatureDrift that every kind shares: missing rates, the empty-window rule, data-quality
 * findings, severity and the reason text. Kind-specific code fills in the statistics in between.
 */
import { rate } from "./profile";
import type { DriftThresholds, FeatureDrift, FeatureProfile, Severity, UnseenCategory } from "./types";

/** Unseen values listed by name; the (unseen) bin still counts all of them. */
export const UNSEEN_LIST_LIMIT = 100;

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * A result with every statistic null, plus the missing-rate facts, which are defined even for an empty
 * window. `emptyReason` is set when one side has no non-missing values, so nothing can be compared.
 */
export function baseResult(
  profile: FeatureProfile,
  current: { count: number; missing: number },
  thresholds: DriftThresholds,
): { result: FeatureDrift; emptyReason: string | null } {
  const missingRateCurrent = rate(current.missing, current.count + current.missing);
  const missingRateChange = missingRateCurrent - profile.missingRate;
  const dataQuality: string[] = [];
  if (current.count === 0 && current.missing > 0) dataQuality.push(`missing share 100% in current (reference ${percent(profile.missingRate)})`);
  else if (profile.count === 0 && profile.missing > 0) dataQuality.push("missing share 100% in reference");
  else if (Math.abs(missingRateChange) >= thresholds.missingRateChange)
    dataQuality.push(`missing rate ${missingRateChange > 0 ? "rose" : "fell"} from ${percent(profile.missingRate)} to ${percent(missingRateCurrent)}`);
  const emptyReason =
    profile.count === 0 ? "no non-missing values in reference" : current.count === 0 ? "no non-missing values in current" : null;
  const result: FeatureDrift = {
    name: profile.name,
    kind: profile.kind,
    psi: null,
    jsDistance: null,
    ksStatistic: null,
    ksPValue: null,
    wasserstein: null,
    wassersteinNormalized: null,
    chiSquare: null,
    chiSquarePValue: null,
    chiSquareDof: null,
    missingRateReference: profile.missingRate,
    missingRateCurrent,
    missingRateChange,
    unseenCategories: [],
    bins: null,
    severity: null,
    reason: emptyReason,
    dataQuality,
  };
  return { result, emptyReason };
}

/** PSI decides severity (DESIGN.md): warning from `warning`, critical from `critical`, both inclusive. */
export function severityOf(psi: number | null, thresholds: DriftThresholds): Severity | null {
  if (psi === null) return null;
  return psi >= thresholds.critical ? "critical" : psi >= thresholds.warning ? "warning" : "ok";
}

/** Largest unseen values first (ties by name), with their share of the current window's values. */
export function unseenList(unseen: Map<string, number>, currentCount: number): UnseenCategory[] {
  return [...unseen]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, UNSEEN_LIST_LIMIT)
    .map(([value, count]) => ({ value, count, share: rate(count, currentCount) }));
}
