/**
 * Permutation feature importance: how much a metric worsens when one feature's values are shuffled,
 * which breaks the feature's link to the target but keeps its distribution. Model-agnostic: the caller
 * passes a predict callback, so this module never imports a model.
 */
import { AppError } from "@/lib/errors";
import { averagePrecision, rocAuc } from "./auc";
import { brier, logLoss } from "./probability";
import { mulberry32, permutation } from "@/lib/random";
import { defined, undefinedBecause, type Labels, type Metric, type Scores } from "./types";

/** One feature's values, one per row, of any element type the model understands. */
export type FeatureColumn = Float64Array | Float32Array | Int32Array | Uint8Array | readonly unknown[];

export interface ImportanceMetric {
  name: string;
  /** Decides the sign of a drop, so a positive drop always means "the feature helped". */
  higherIsBetter: boolean;
  compute: (y: Labels, p: Scores) => Metric;
}

export const IMPORTANCE_METRICS = {
  rocAuc: { name: "rocAuc", higherIsBetter: true, compute: rocAuc },
  averagePrecision: { name: "averagePrecision", higherIsBetter: true, compute: averagePrecision },
  logLoss: { name: "logLoss", higherIsBetter: false, compute: logLoss },
  brier: { name: "brier", higherIsBetter: false, compute: brier },
} as const satisfies Record<string, ImportanceMetric>;

export interface PermutationOptions<C extends FeatureColumn> {
  predict: (columns: Record<string, C>) => Float64Array;
  columns: Record<string, C>;
  y: Labels;
  /** Default ROC AUC. */
  metric?: ImportanceMetric;
  /** Shuffles per feature; default 5. */
  repeats?: number;
  seed?: number;
}

export interface FeatureImportance {
  feature: string;
  /** Mean and population std of the drops; null, with `reason`, when every shuffle left the metric undefined. */
  mean: number | null;
  std: number | null;
  reason?: string;
  drops: number[];
  skipped: number;
}

export interface PermutationImportance {
  metric: string;
  baseline: number;
  repeats: number;
  seed: number;
  /** In the order of `columns`' keys; sort by `mean` for a ranking. */
  features: FeatureImportance[];
}

export function permutationImportance<C extends FeatureColumn>(
  options: PermutationOptions<C>,
): Metric<PermutationImportance> {
  const { predict, columns, y, metric = IMPORTANCE_METRICS.rocAuc, repeats = 5, seed = 1 } = options;
  if (!Number.isInteger(repeats) || repeats < 1) {
    throw new AppError("metric_bad_repeats", `Permutation importance needs at least 1 repeat, got ${repeats}.`);
  }
  for (const [name, column] of Object.entries(columns)) {
    if (column.length !== y.length) {
      const message = `Column "${name}" has ${column.length} rows but labels have ${y.length}.`;
      throw new AppError("metric_length_mismatch", message, { column: name });
    }
  }
  const baseline = metric.compute(y, predict(columns));
  if (baseline.value === null) return undefinedBecause(`baseline ${metric.name} undefined: ${baseline.reason}`);

  const random = mulberry32(seed);
  const features = Object.keys(columns).map((feature): FeatureImportance => {
    const drops: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const order = permutation(random, y.length);
      const shuffled = metric.compute(y, predict({ ...columns, [feature]: permuted(columns[feature], order) }));
      if (shuffled.value === null) continue;
      drops.push(metric.higherIsBetter ? baseline.value - shuffled.value : shuffled.value - baseline.value);
    }
    const skipped = repeats - drops.length;
    const summary = meanAndStd(drops);
    if (summary === null) {
      return { feature, mean: null, std: null, reason: `${metric.name} undefined after every shuffle`, drops, skipped };
    }
    return { feature, ...summary, drops, skipped };
  });
  return defined({ metric: metric.name, baseline: baseline.value, repeats, seed, features });
}

/** Mean and population standard deviation (ddof = 0, as sklearn's permutation_importance reports). */
function meanAndStd(values: readonly number[]): { mean: number; std: number } | null {
  if (values.length === 0) return null;
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
  return { mean, std: Math.sqrt(variance) };
}

/** A copy of the column of the same kind (typed array or array) with rows reordered. */
function permuted<C extends FeatureColumn>(column: C, order: Uint32Array): C {
  const copy = column.slice() as C;
  const writable = copy as unknown as { [row: number]: unknown };
  for (let i = 0; i < order.length; i++) writable[i] = column[order[i]];
  return copy;
}
