/**
 * lib/drift: reference profiles and drift statistics, pure functions over plain arrays (no database,
 * no Next.js). See README.md beside this file for the definitions and the profile's JSON shape.
 */
export { buildCategoricalProfile, buildNumericProfile, buildProfile, DEFAULT_BINS, SKETCH_SIZE } from "./profile";
export type { ProfileOptions } from "./profile";
export { compareRaw, datasetDrift, featureDrift } from "./feature-drift";
export type { CategoricalValues, CompareRawOptions, NumericValues } from "./feature-drift";
export { psi, jsDistance } from "./psi";
export { ks2samp } from "./ks";
export type { KsAlternative, KsOptions, KsResult } from "./ks";
export { wassersteinDistance } from "./wasserstein";
export { chiSquareHomogeneity } from "./chi-square";
export type { ChiSquareResult } from "./chi-square";
export { chiSquareSurvival } from "./gamma";
export * from "./types";
