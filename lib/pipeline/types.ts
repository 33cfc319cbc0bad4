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
}

export type StepName = (typeof STEP_NAMES)[number];

export interface RunProgress {
  step: StepName;
  /** 0–100 over the whole run. */
  percent: number;
  message: string;
}
