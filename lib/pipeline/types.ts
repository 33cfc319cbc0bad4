/** Shapes the pipeline stores: its features with their dictionary entries, and a run's progress. */
import type { FeatureKind } from "@/lib/model/types";
import type { STEP_NAMES } from "@/db/schema";

/** One feature of a pipeline and what the data dictionary says about it. */
export interface FeatureDefinition {
  name: string;
  kind: FeatureKind;
  description: string;
  /** How the raw column becomes the model input: imputation, encoding, derived formula. */
  transformation: string;
  owner: string;
  /** PSI thresholds for this feature's drift; absent = the defaults (warning 0.1, critical 0.25). */
  psiWarning?: number;
  psiCritical?: number;
}

export type StepName = (typeof STEP_NAMES)[number];

export interface RunProgress {
  step: StepName;
  /** 0–100 over the whole run. */
  percent: number;
  message: string;
}

/** A validation gate: an absolute floor, or "not worse than the champion by more than `maxDrop`". */
export type Gate =
  | { kind: "floor"; metric: GateMetric; min: number }
  | { kind: "vs_champion"; metric: GateMetric; maxDrop: number };

export type GateMetric = "rocAuc" | "prAuc" | "recall" | "precision" | "f1" | "accuracy";

export interface GateResult {
  gate: Gate;
  passed: boolean;
  /** The candidate's value (and the champion's, for a relative gate); null when undefined. */
  value: number | null;
  championValue: number | null;
  message: string;
}
