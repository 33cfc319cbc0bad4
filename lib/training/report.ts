/**
 * Builds the validation report from a trained model and the held-out rows: metrics with bootstrap
 * intervals, the constant baseline, the champion on the same rows, curves, a threshold table for the
 * adjustable confusion matrix, impurity and permutation importance, and the tree as readable rules.
 */
import {
  bootstrap,
  constantBaseline,
  evaluate,
  liftTable,
  permutationImportance,
  prCurve,
  reliabilityCurve,
  rocCurve,
  thresholdMetrics,
  type Metric,
} from "@/lib/metrics";
import { featureImportance, leafRules, type ModelJson, type UnseenCounts } from "@/lib/model";
import { predictColumns, type CellColumns } from "./predict-columns";
import type { MaybeCurve, ValidationReport } from "./types";
import type { SplitSettings } from "./split";

/** Permutation importance re-scores the test rows features × repeats times; a sample keeps that bounded. */
const PERMUTATION_MAX_ROWS = 20_000;
const PERMUTATION_REPEATS = 5;
const BOOTSTRAP_SEED = 7;

export interface ReportInput {
  model: ModelJson;
  test: CellColumns;
  y: Uint8Array;
  p: Float64Array;
  trainRows: number;
  trainPositives: number;
  split: SplitSettings;
  threshold: number;
  trainMs: number;
  unseen: UnseenCounts;
  champion: { modelVersionId: number; version: number; model: ModelJson } | null;
}

export function buildReport(input: ReportInput): ValidationReport {
  const { model, y, p, threshold } = input;
  const metrics = evaluate(y, p, { threshold });
  const impurity = featureImportance(model);
  const permutation = permutationOnSample(input);
  return {
    version: 1,
    rows: { train: input.trainRows, test: y.length, trainPositives: input.trainPositives, testPositives: metrics.positives },
    split: input.split,
    metrics,
    intervals: bootstrap(y, p, { seed: BOOTSTRAP_SEED }),
    baseline: constantBaseline(y, { threshold }),
    champion: input.champion && {
      modelVersionId: input.champion.modelVersionId,
      version: input.champion.version,
      metrics: evaluate(y, predictColumns(input.champion.model, input.test).probabilities, { threshold }),
    },
    curves: {
      roc: curve(rocCurve(y, p)),
      pr: curve(prCurve(y, p)),
      calibration: curve(reliabilityCurve(y, p)),
      lift: curve(liftTable(y, p)),
    },
    thresholds: Array.from({ length: 101 }, (_, i) => {
      const at = i / 100;
      return { threshold: at, ...thresholdMetrics(y, p, at).confusion };
    }),
    importance: impurity.map(({ feature, importance }) => {
      const permuted = permutation.value?.features.find((f) => f.feature === feature);
      return { feature, impurity: importance, permutation: permuted?.mean ?? null, permutationStd: permuted?.std ?? null };
    }),
    permutation: {
      metric: "rocAuc",
      rows: Math.min(y.length, PERMUTATION_MAX_ROWS),
      repeats: PERMUTATION_REPEATS,
      reason: permutation.value === null ? permutation.reason : null,
    },
    rules: leafRules(model),
    unseen: input.unseen,
    trainMs: input.trainMs,
    hyperparameters: model.training.hyperparameters,
    engine: model.engine,
  };
}

function curve<T>(metric: Metric<T[]>): MaybeCurve<T> {
  return metric.value === null ? { points: null, reason: metric.reason } : { points: metric.value, reason: null };
}

function permutationOnSample({ model, test, y }: ReportInput) {
  const rows = Math.min(y.length, PERMUTATION_MAX_ROWS);
  const columns: CellColumns = Object.fromEntries(
    model.features.map((feature) => [feature.name, test[feature.name].slice(0, rows)]),
  );
  return permutationImportance({
    predict: (shuffled: CellColumns) => predictColumns(model, shuffled).probabilities,
    columns,
    y: y.subarray(0, rows),
    repeats: PERMUTATION_REPEATS,
    seed: BOOTSTRAP_SEED,
  });
}
