/**
 * The reference profile stored with a model version: one drift profile per feature from the training
 * rows, and one of the model's predicted probabilities on them, so monitoring a later batch never needs
 * the training rows again. Booleans are profiled as categories (their spellings), numbers as numbers.
 */
import { buildCategoricalProfile, buildNumericProfile, type FeatureProfile, type NumericProfile } from "@/lib/drift";
import { cellsToNumbers } from "@/lib/data/values";
import type { FeatureSpec } from "@/lib/model";
import type { CellColumns } from "./predict-columns";

export interface ReferenceProfile {
  version: 1;
  rows: number;
  features: FeatureProfile[];
  /** Distribution of P(positive) on the training rows. */
  score: NumericProfile;
}

export function buildReferenceProfile(features: readonly FeatureSpec[], train: CellColumns, scores: Float64Array): ReferenceProfile {
  return {
    version: 1,
    rows: scores.length,
    features: features.map(({ name, kind }) =>
      kind === "numeric"
        ? buildNumericProfile(name, cellsToNumbers(train[name]))
        : buildCategoricalProfile(name, train[name]),
    ),
    score: buildNumericProfile("score", scores),
  };
}
