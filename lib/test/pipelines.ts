/** A Telco pipeline for tests that run the real steps against a real SQLite file. */
import type { NewPipeline } from "@/db/schema";
import { DEFAULT_GATES } from "@/lib/pipeline/gates";
import { insertPipeline } from "@/lib/pipeline/store";
import { DEFAULT_BANDS } from "@/lib/scoring/bands";
import type { FeatureDefinition } from "@/lib/pipeline/types";

const NUMERIC = new Set(["tenure", "MonthlyCharges", "TotalCharges"]);

export function telcoFeatures(names: string[], descriptions: Record<string, string> = {}): FeatureDefinition[] {
  return names.map((name) => ({
    name,
    kind: NUMERIC.has(name) ? "numeric" : "categorical",
    description: descriptions[name] ?? "",
    transformation: "",
    owner: "",
  }));
}

/** Churn = "Yes", customerID, stratified 80/20 split, default gates, automatic deployment unless overridden. */
export function insertTelcoPipeline(datasetId: number, overrides: Partial<NewPipeline> & { name: string }): number {
  return insertPipeline({
    datasetId,
    targetColumn: "Churn",
    positiveValue: "Yes",
    idColumn: "customerID",
    features: telcoFeatures(["tenure", "Contract", "MonthlyCharges"]),
    hyperparameters: { maxDepth: 5, minSamplesLeaf: 20 },
    split: { kind: "stratified", testSize: 0.2, seed: 1 },
    gates: DEFAULT_GATES,
    deployPolicy: "auto",
    riskBands: DEFAULT_BANDS,
    ...overrides,
  });
}
