/**
 * Public entry points: drift of one feature against its stored profile, of a whole dataset, and the
 * raw-vs-raw comparison used by `driftline drift ref.csv cur.csv`.
 */
import { tallyCategories } from "./binning";
import { categoricalDrift } from "./categorical-drift";
import { numericDrift } from "./numeric-drift";
import { buildCategoricalProfile, buildNumericProfile, type ProfileOptions } from "./profile";
import { cleanNumeric } from "./sorted";
import {
  DEFAULT_THRESHOLDS,
  type CategoricalProfile,
  type DatasetDrift,
  type DriftThresholds,
  type FeatureDrift,
  type FeatureKind,
  type FeatureProfile,
  type NumericProfile,
} from "./types";

export type NumericValues = ArrayLike<number>;
export type CategoricalValues = readonly (string | null)[];

/**
 * Drift of one feature's current window against its reference profile. Numeric values use NaN for
 * missing, categorical ones null. KS and W1 use the profile's sketch (see NumericProfile.sketch).
 */
export function featureDrift(profile: NumericProfile, current: NumericValues, thresholds?: Partial<DriftThresholds>): FeatureDrift;
export function featureDrift(profile: CategoricalProfile, current: CategoricalValues, thresholds?: Partial<DriftThresholds>): FeatureDrift;
export function featureDrift(profile: FeatureProfile, current: NumericValues | CategoricalValues, thresholds?: Partial<DriftThresholds>): FeatureDrift;
export function featureDrift(
  profile: FeatureProfile,
  current: NumericValues | CategoricalValues,
  thresholds: Partial<DriftThresholds> = {},
): FeatureDrift {
  const t = { ...DEFAULT_THRESHOLDS, ...thresholds };
  return profile.kind === "numeric"
    ? numericDrift(profile, cleanNumeric(current as NumericValues), t)
    : categoricalDrift(profile, tallyCategories(current as CategoricalValues), t);
}

/**
 * driftShare = features with severity warning or critical (PSI ≥ their warning threshold) over the
 * features with a defined PSI; features without one (empty windows) count in neither, and the share is
 * null when no feature has a PSI.
 */
export function datasetDrift(features: FeatureDrift[]): DatasetDrift {
  const scored = features.filter((f) => f.psi !== null);
  const drifted = scored.filter((f) => f.severity === "warning" || f.severity === "critical").length;
  return { features, driftShare: scored.length === 0 ? null : drifted / scored.length };
}

export interface CompareRawOptions extends ProfileOptions {
  name?: string;
  thresholds?: Partial<DriftThresholds>;
}

/** Profile the reference, then drift the current window against it with exact KS and W1 on raw values. */
export function compareRaw(
  reference: NumericValues | CategoricalValues,
  current: NumericValues | CategoricalValues,
  kind: FeatureKind,
  options: CompareRawOptions = {},
): FeatureDrift {
  const name = options.name ?? "value";
  const t = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  if (kind === "categorical") {
    const profile = buildCategoricalProfile(name, reference as CategoricalValues);
    return categoricalDrift(profile, tallyCategories(current as CategoricalValues), t);
  }
  const ref = cleanNumeric(reference as NumericValues);
  const profile = buildNumericProfile(name, ref, options);
  return numericDrift(profile, cleanNumeric(current as NumericValues), t, ref.sorted);
}
