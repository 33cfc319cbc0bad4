/** The demo's pipeline: every Telco column but the id and the target, documented as an analyst would. */
import type { NewPipeline } from "@/db/schema";
import { DEFAULT_GATES } from "@/lib/pipeline/gates";
import type { FeatureDefinition } from "@/lib/pipeline/types";
import { DEFAULT_BANDS } from "@/lib/scoring/bands";
import { DEMO_SEED } from "./generate";

export const DEMO_PIPELINE = "Telco churn";
export const DEMO_HISTORY_DATASET = "Telco labelled history";
export const DEMO_CUSTOMERS_DATASET = "Telco customers";
/** A quarterly retrain, 06:00 UTC on the first of January, April, July and October. */
export const DEMO_SCHEDULE = "0 6 1 */3 *";

const DICTIONARY: [name: string, kind: "numeric" | "categorical", description: string][] = [
  ["gender", "categorical", "Gender"],
  ["SeniorCitizen", "categorical", "Senior citizen (1 = yes)"],
  ["Partner", "categorical", "Has a partner"],
  ["Dependents", "categorical", "Has dependents"],
  ["tenure", "numeric", "Months as a customer"],
  ["PhoneService", "categorical", "Phone service"],
  ["MultipleLines", "categorical", "Multiple phone lines"],
  ["InternetService", "categorical", "Internet service"],
  ["OnlineSecurity", "categorical", "Online security add-on"],
  ["OnlineBackup", "categorical", "Online backup add-on"],
  ["DeviceProtection", "categorical", "Device protection add-on"],
  ["TechSupport", "categorical", "Tech support add-on"],
  ["StreamingTV", "categorical", "Streaming TV"],
  ["StreamingMovies", "categorical", "Streaming movies"],
  ["Contract", "categorical", "Contract"],
  ["PaperlessBilling", "categorical", "Paperless billing"],
  ["PaymentMethod", "categorical", "Payment method"],
  ["MonthlyCharges", "numeric", "Monthly charges ($)"],
  ["TotalCharges", "numeric", "Total charged to date ($)"],
];

export const DEMO_FEATURES: FeatureDefinition[] = DICTIONARY.map(([name, kind, description]) => ({
  name,
  kind,
  description,
  transformation: kind === "numeric" ? "as billed; blank when not billed yet" : "one-hot",
  owner: "customer analytics",
}));

export function demoPipelineValues(datasetId: number, scoringDatasetId: number): NewPipeline {
  return {
    name: DEMO_PIPELINE,
    datasetId,
    scoringDatasetId,
    targetColumn: "Churn",
    positiveValue: "Yes",
    idColumn: "customerID",
    features: DEMO_FEATURES,
    hyperparameters: { maxDepth: 6, minSamplesLeaf: 40 },
    split: { kind: "stratified", testSize: 0.2, seed: DEMO_SEED },
    gates: DEFAULT_GATES,
    deployPolicy: "auto",
    riskBands: DEFAULT_BANDS,
    // Outcomes arrive with the next monthly batch, 28 to 31 days after the scores; 27 days leaves room for
    // the minutes a scoring run takes after its batch's midnight.
    labelLagDays: 27,
  };
}
