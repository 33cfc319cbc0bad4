/**
 * Bootstrap 95% intervals (percentile method) for ROC AUC, average precision and Brier.
 *
 * The scores are sorted once; a resample only changes how many times each row counts, so it is scored
 * by refilling the tie-group counts: O(n + groups) per resample instead of another sort.
 * Resamples where a metric is undefined (e.g. no positive drawn) are skipped and counted.
 */
import { AppError } from "@/lib/errors";
import { averagePrecisionOfGroups, rocAucOfGroups } from "./auc";
import { checkInputs } from "./input";
import { mulberry32, randomIndex } from "@/lib/random";
import { emptyLike, groupOfRows, scoreGroups } from "./ranking";
import { defined, REASONS, undefinedBecause, type Labels, type Metric, type Scores } from "./types";

export const MIN_RESAMPLES = 200;
export const CONFIDENCE = 0.95;
/** The 2.5th and 97.5th percentiles, written out: (1 − 0.95) / 2 is not exactly 0.025 in floating point. */
const TAILS = [0.025, 0.975] as const;

export interface BootstrapOptions {
  /** At least 200; default 200. */
  resamples?: number;
  /** Seed for mulberry32; the same seed and data give the same intervals. Default 1. */
  seed?: number;
  /** Fewest valid resamples for an interval; default half of `resamples`. */
  minValid?: number;
}

export type BootstrapInterval = Metric<{ lower: number; upper: number }> & { valid: number; skipped: number };

export interface BootstrapResult {
  resamples: number;
  seed: number;
  confidence: number;
  rocAuc: BootstrapInterval;
  averagePrecision: BootstrapInterval;
  brier: BootstrapInterval;
}

export function bootstrap(y: Labels, p: Scores, options: BootstrapOptions = {}): BootstrapResult {
  const { resamples = MIN_RESAMPLES, seed = 1, minValid = Math.ceil(resamples / 2) } = options;
  if (!Number.isInteger(resamples) || resamples < MIN_RESAMPLES) {
    throw new AppError("metric_bad_resamples", `Bootstrap needs ${MIN_RESAMPLES}+ resamples, got ${resamples}.`);
  }
  if (!Number.isInteger(minValid) || minValid < 1 || minValid > resamples) {
    throw new AppError("metric_bad_resamples", `minValid must be an integer in [1, ${resamples}], got ${minValid}.`);
  }
  const checked = checkInputs(y, p, { probabilities: true });
  const kept = resampledMetrics(checked.y, checked.p, resamples, seed);
  const interval = (values: number[]): BootstrapInterval => {
    const counts = { valid: values.length, skipped: resamples - values.length };
    if (checked.n === 0) return { ...undefinedBecause(REASONS.noRows), ...counts };
    if (values.length < minValid) {
      const reason =
        `too few valid resamples: ${values.length} of ${resamples} (need ${minValid}); ` +
        "the others had the metric undefined, e.g. only one class drawn";
      return { ...undefinedBecause(reason), ...counts };
    }
    const sorted = Float64Array.from(values).sort();
    const [lower, upper] = TAILS.map((q) => quantileSorted(sorted, q));
    return { ...defined({ lower, upper }), ...counts };
  };
  const [rocAuc, averagePrecision, brier] = [kept.rocAuc, kept.averagePrecision, kept.brier].map(interval);
  return { resamples, seed, confidence: CONFIDENCE, rocAuc, averagePrecision, brier };
}

/**
 * The q-quantile of non-empty values sorted ascending, with numpy's default "linear" rule (position
 * (m − 1)·q, interpolated between its neighbours), as `np.percentile` computes it in the fixtures.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/** Each metric's value on every resample where it is defined. Rows are drawn as floor(random() · n). */
function resampledMetrics(labels: Uint8Array, scores: Float64Array, resamples: number, seed: number) {
  const kept = { rocAuc: [] as number[], averagePrecision: [] as number[], brier: [] as number[] };
  const n = labels.length;
  if (n === 0) return kept;
  const groups = scoreGroups(labels, scores);
  const groupOf = groupOfRows(scores, groups.scores);
  const counts = emptyLike(groups);
  const drawn = new Uint32Array(n);
  const random = mulberry32(seed);
  for (let r = 0; r < resamples; r++) {
    // Tally draws per row, then sweep rows in order: one random write per draw rather than several
    // random reads, which is what dominates on large inputs.
    drawn.fill(0);
    for (let i = 0; i < n; i++) drawn[randomIndex(random, n)]++;
    counts.pos.fill(0);
    counts.neg.fill(0);
    let squares = 0;
    for (let row = 0; row < n; row++) {
      if (drawn[row] === 0) continue;
      if (labels[row] === 1) counts.pos[groupOf[row]] += drawn[row];
      else counts.neg[groupOf[row]] += drawn[row];
      squares += drawn[row] * (scores[row] - labels[row]) ** 2;
    }
    counts.positives = counts.pos.reduce((sum, count) => sum + count, 0);
    counts.negatives = n - counts.positives;
    const auc = rocAucOfGroups(counts);
    const ap = averagePrecisionOfGroups(counts);
    if (auc.value !== null) kept.rocAuc.push(auc.value);
    if (ap.value !== null) kept.averagePrecision.push(ap.value);
    kept.brier.push(squares / n);
  }
  return kept;
}
