/**
 * Monitoring one batch against a model version's reference profile: each feature's drift, the drift of
 * the predicted probabilities, and the share of drifted features. The training rows are never needed.
 * Numeric features are read as numbers (a cell that is not one counts as missing); booleans and
 * categories are compared as text, as they were profiled.
 */
import { cellsToNumbers } from "@/lib/data/values";
import { datasetDrift, featureDrift, type DriftThresholds, type FeatureDrift } from "@/lib/drift";
import type { CellColumns } from "@/lib/training/predict-columns";
import type { ReferenceProfile } from "@/lib/training/reference-profile";

export interface BatchMonitoring {
  features: FeatureDrift[];
  prediction: FeatureDrift;
  driftShare: number | null;
}

export function monitorBatch(
  reference: ReferenceProfile,
  columns: CellColumns,
  scores: Float64Array,
  /** Per-feature PSI thresholds; features not named use the defaults. */
  thresholds: Record<string, Partial<DriftThresholds>> = {},
): BatchMonitoring {
  const rows = Object.values(columns)[0]?.length ?? 0;
  const features = reference.features.map((profile) => {
    const cells = columns[profile.name] ?? new Array<string | null>(rows).fill(null);
    return profile.kind === "numeric"
      ? featureDrift(profile, cellsToNumbers(cells), thresholds[profile.name])
      : featureDrift(profile, cells, thresholds[profile.name]);
  });
  return { features, prediction: featureDrift(reference.score, scores), driftShare: datasetDrift(features).driftShare };
}
