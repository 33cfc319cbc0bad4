/** The validation report stored with each model version: what an analyst reads before promoting it. */
import type { BootstrapResult, CalibrationBin, Confusion, DecileRow, Evaluation, PrPoint, RocPoint } from "@/lib/metrics";
import type { EngineName, FeatureSpec, Hyperparameters, UnseenCounts } from "@/lib/model";
import type { SplitSettings } from "./split";

export interface TrainingSettings {
  target: string;
  positive: string;
  features: FeatureSpec[];
  engine: EngineName;
  hyperparameters: Partial<Hyperparameters>;
  split: SplitSettings;
  /** A row is predicted positive when P(positive) ≥ threshold. */
  threshold: number;
}

/** A metric curve, or null with the reason it does not exist (e.g. one class in the test set). */
export type MaybeCurve<T> = { points: T[]; reason: null } | { points: null; reason: string };

export interface LeafRule {
  text: string;
  rows: number;
  positives: number;
  probability: number;
}

export interface ValidationReport {
  version: 1;
  rows: { train: number; test: number; trainPositives: number; testPositives: number };
  split: SplitSettings;
  metrics: Evaluation;
  intervals: BootstrapResult;
  baseline: Evaluation;
  /** The champion at training time, scored on the same test rows. */
  champion: { modelVersionId: number; version: number; metrics: Evaluation } | null;
  curves: {
    roc: MaybeCurve<RocPoint>;
    pr: MaybeCurve<PrPoint>;
    calibration: MaybeCurve<CalibrationBin>;
    lift: MaybeCurve<DecileRow>;
  };
  /** Confusion counts at thresholds 0.00, 0.01, …, 1.00 for the adjustable matrix. */
  thresholds: ({ threshold: number } & Confusion)[];
  importance: { feature: string; impurity: number; permutation: number | null; permutationStd: number | null }[];
  permutation: { metric: string; rows: number; repeats: number; reason: string | null };
  rules: LeafRule[];
  /** Categories in the test set that training never saw, per feature. */
  unseen: UnseenCounts;
  trainMs: number;
  hyperparameters: Hyperparameters;
  engine: EngineName;
}
