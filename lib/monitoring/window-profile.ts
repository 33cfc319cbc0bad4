/**
 * A batch's profile against a reference: per feature the counts per reference bin, per category and the
 * missing count — all drift needs except Wasserstein. The app computes it from cells here; a warehouse
 * computes the same object with one aggregate query (lib/sources/pushdown-profile.ts), so monitoring can
 * run where the data lives and the two agree exactly.
 */
import { parseNumber } from "@/lib/data/values";
import { datasetDrift, featureDrift, type DriftThresholds } from "@/lib/drift";
import { tallyCategories, type CategoricalTally } from "@/lib/drift/binning";
import { categoricalDrift } from "@/lib/drift/categorical-drift";
import { numericDriftFromCounts, numericWindowCounts, type NumericWindowCounts } from "@/lib/drift/numeric-drift";
import { cleanNumeric } from "@/lib/drift/sorted";
import { DEFAULT_THRESHOLDS } from "@/lib/drift/types";
import type { CellColumns } from "@/lib/training/predict-columns";
import type { ReferenceProfile } from "@/lib/training/reference-profile";
import type { BatchMonitoring } from "./monitor-batch";

export type FeatureWindow =
  | { kind: "numeric"; name: string; counts: NumericWindowCounts }
  | { kind: "categorical"; name: string; tally: CategoricalTally };

export interface WindowProfile {
  rows: number;
  features: FeatureWindow[];
}

/** The window profile of cells as the app reads them: numbers parsed as in monitoring, categories as text. */
export function windowProfileInApp(reference: ReferenceProfile, columns: CellColumns): WindowProfile {
  const rows = Object.values(columns)[0]?.length ?? 0;
  const features = reference.features.map((profile): FeatureWindow => {
    const cells = columns[profile.name] ?? new Array<string | null>(rows).fill(null);
    if (profile.kind === "categorical") return { kind: "categorical", name: profile.name, tally: tallyCategories(cells) };
    const values = cleanNumeric(Float64Array.from(cells, (cell) => (cell === null ? NaN : parseNumber(cell) ?? NaN)));
    return { kind: "numeric", name: profile.name, counts: numericWindowCounts(profile, values) };
  });
  return { rows, features };
}

/** Drift of every feature from a window profile, and of the served scores, as monitorBatch reports it. */
export function monitorWindow(
  reference: ReferenceProfile,
  window: WindowProfile,
  scores: Float64Array,
  thresholds: Record<string, Partial<DriftThresholds>> = {},
): BatchMonitoring {
  const features = reference.features.map((profile, i) => {
    const feature = window.features[i];
    const t = { ...DEFAULT_THRESHOLDS, ...thresholds[profile.name] };
    if (profile.kind === "numeric" && feature.kind === "numeric") return numericDriftFromCounts(profile, feature.counts, t);
    if (profile.kind === "categorical" && feature.kind === "categorical") return categoricalDrift(profile, feature.tally, t);
    throw new Error(`Window of "${feature.name}" is ${feature.kind}, its reference ${profile.kind}.`);
  });
  return { features, prediction: featureDrift(reference.score, scores), driftShare: datasetDrift(features).driftShare };
}
