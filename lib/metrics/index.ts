/** Classification metrics for Driftline: pure functions over labels (0/1) and scores, no I/O. */
export { averagePrecision, rocAuc } from "./auc";
export {
  bootstrap,
  CONFIDENCE,
  MIN_RESAMPLES,
  type BootstrapInterval,
  type BootstrapOptions,
  type BootstrapResult,
} from "./bootstrap";
export { prCurve, rocCurve, type PrPoint, type RocPoint } from "./curves";
export { constantBaseline, evaluate, SCALAR_METRICS, type Evaluation, type ScalarMetric } from "./evaluate";
export {
  IMPORTANCE_METRICS,
  permutationImportance,
  type FeatureColumn,
  type FeatureImportance,
  type ImportanceMetric,
  type PermutationImportance,
  type PermutationOptions,
} from "./importance";
export { DECILES, liftTable, type DecileRow } from "./lift";
export {
  brier,
  CALIBRATION_BINS,
  calibrationBin,
  ece,
  LOG_LOSS_EPSILON,
  logLoss,
  reliabilityCurve,
  type CalibrationBin,
} from "./probability";
export { thresholdMetrics, type Confusion, type ThresholdMetrics } from "./threshold";
export { DEFAULT_THRESHOLD, REASONS, type Labels, type Metric, type Scores } from "./types";
