/**
 * Shapes of lib/drift: the reference profile stored (as JSON) with each model version, and the drift
 * result for one feature and one dataset. Every number in these shapes is finite; anything undefined is
 * null with a reason, so the JSON round-trips and the UI never meets NaN.
 */
export type FeatureKind = "numeric" | "categorical";

/** Display label of the bin that collects values the reference never had. */
export const UNSEEN_LABEL = "(unseen)";

export interface NumericQuantiles {
  min: number;
  p05: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
  max: number;
}

interface ProfileBase {
  /** Bumped when the stored shape changes, so old profiles can be recognised. */
  version: 1;
  name: string;
  /** Non-missing reference values. */
  count: number;
  missing: number;
  /** missing / (count + missing); 0 for an empty column. */
  missingRate: number;
  /** Reference rows per bin, in bin order; the proportions are these over `count`. */
  counts: number[];
  proportions: number[];
}

/**
 * "quantile": bins are (−∞, e0), [e0, e1), …, [e(k−1), +∞) over the k interior `edges` (JSON cannot hold
 * ±∞, so the open outer edges are implied). "discrete" (≤ 10 distinct reference values): one bin per
 * entry of `values`, then the (unseen) bin for every other value.
 */
export interface NumericProfile extends ProfileBase {
  kind: "numeric";
  binning: "quantile" | "discrete";
  edges: number[];
  values: number[];
  mean: number | null;
  /** Population standard deviation (ddof = 0). */
  std: number | null;
  quantiles: NumericQuantiles | null;
  /**
   * Up to SKETCH_SIZE evenly spaced order statistics of the reference, ascending (the whole sorted
   * reference when it is that small). KS and W1 against a stored profile use it in place of the training
   * rows; `compareRaw` computes both exactly from raw arrays.
   */
  sketch: number[];
}

/** `categories` in first-seen order; the last bin of counts/proportions is (unseen), always 0 here. */
export interface CategoricalProfile extends ProfileBase {
  kind: "categorical";
  categories: string[];
}

export type FeatureProfile = NumericProfile | CategoricalProfile;

export interface DriftThresholds {
  /** PSI at or above which a feature is "warning" (default 0.1). */
  warning: number;
  /** PSI at or above which a feature is "critical" (default 0.25). */
  critical: number;
  /** Absolute change in missing rate reported as a data-quality finding (default 0.1 = 10 points). */
  missingRateChange: number;
}

export const DEFAULT_THRESHOLDS: DriftThresholds = { warning: 0.1, critical: 0.25, missingRateChange: 0.1 };

export type Severity = "ok" | "warning" | "critical";

export interface UnseenCategory {
  value: string;
  count: number;
  /** count / non-missing rows of the current window. */
  share: number;
}

export interface BinComparison {
  label: string;
  reference: number;
  current: number;
}

export interface FeatureDrift {
  name: string;
  kind: FeatureKind;
  psi: number | null;
  jsDistance: number | null;
  ksStatistic: number | null;
  ksPValue: number | null;
  wasserstein: number | null;
  wassersteinNormalized: number | null;
  chiSquare: number | null;
  chiSquarePValue: number | null;
  chiSquareDof: number | null;
  missingRateReference: number;
  missingRateCurrent: number;
  /** missingRateCurrent − missingRateReference: a drift signal in its own right. */
  missingRateChange: number;
  unseenCategories: UnseenCategory[];
  /** Reference vs current proportion per profile bin, for charts; null when either side is empty. */
  bins: BinComparison[] | null;
  severity: Severity | null;
  /** Why statistics that apply to this kind are null, or null when all of them are defined. */
  reason: string | null;
  /** Data-quality findings, e.g. a column that is entirely missing in the current window. */
  dataQuality: string[];
}

export interface DatasetDrift {
  features: FeatureDrift[];
  /** Share of features with severity warning or worse, among features with a defined PSI; null if none. */
  driftShare: number | null;
}
