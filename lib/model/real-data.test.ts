/**
 * The default tree (depth 6, min leaf 20, gini) on the two shared churn datasets: 5-fold stratified
 * cross-validated ROC AUC must clear 0.82 (Telco) and 0.83 (bank). AUC is a local Mann–Whitney helper
 * (ties count ½) so this test does not depend on lib/metrics.
 */
import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { normalizeCell } from "@/lib/data/values";
import { SHARED_DATA } from "@/lib/test/temp-files";
import { predictRows, trainModel } from "./index";
import { mulberry32, shuffleInPlace } from "@/lib/random";
import type { CellRow, FeatureSpec } from "./types";

function readCsv(file: string, drop: string[]): CellRow[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(`${SHARED_DATA}/${file}`, "utf8"), { header: true, skipEmptyLines: true });
  return parsed.data.map((raw) =>
    Object.fromEntries(Object.entries(raw).filter(([name]) => !drop.includes(name)).map(([name, cell]) => [name, normalizeCell(cell)])),
  );
}

function auc(scores: Float64Array, labels: number[]): number {
  const order = Array.from(scores.keys()).sort((a, b) => scores[a] - scores[b]);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && scores[order[j]] === scores[order[i]]) j++;
    const midRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (labels[order[k]] === 1) (rankSum += midRank), positives++;
    i = j;
  }
  const negatives = labels.length - positives;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Fold number per row: each class shuffled with a seed, then dealt round-robin. */
function stratifiedFolds(labels: number[], k: number, seed: number): number[] {
  const folds = new Array<number>(labels.length);
  const random = mulberry32(seed);
  for (const label of [0, 1]) {
    const members = shuffleInPlace(labels.flatMap((l, i) => (l === label ? [i] : [])), random);
    members.forEach((row, i) => (folds[row] = i % k));
  }
  return folds;
}

function crossValidatedAuc(rows: CellRow[], target: string, positive: string, features: FeatureSpec[]): number {
  const labels = rows.map((row) => (row[target] === positive ? 1 : 0));
  const folds = stratifiedFolds(labels, 5, 42);
  const scores = new Float64Array(rows.length);
  for (let fold = 0; fold < 5; fold++) {
    const train = rows.filter((_, i) => folds[i] !== fold);
    const testIndex = rows.flatMap((_, i) => (folds[i] === fold ? [i] : []));
    const { model } = trainModel({ rows: train, target, positive, features });
    const { probabilities } = predictRows(model, testIndex.map((i) => rows[i]));
    testIndex.forEach((row, i) => (scores[row] = probabilities[i]));
  }
  return auc(scores, labels);
}

const spec = (kind: FeatureSpec["kind"], names: string[]) => names.map((name) => ({ name, kind }));

describe("default tree on real churn data", () => {
  it("reaches 5-fold CV ROC AUC >= 0.82 on Telco (TotalCharges blanks are missing values)", () => {
    const rows = readCsv("telco-churn.csv", ["customerID"]);
    expect(rows.filter((row) => row.TotalCharges === null)).toHaveLength(11);
    const features = [
      ...spec("categorical", ["gender", "MultipleLines", "InternetService", "OnlineSecurity", "OnlineBackup", "DeviceProtection",
        "TechSupport", "StreamingTV", "StreamingMovies", "Contract", "PaymentMethod"]),
      ...spec("boolean", ["SeniorCitizen", "Partner", "Dependents", "PhoneService", "PaperlessBilling"]),
      ...spec("numeric", ["tenure", "MonthlyCharges", "TotalCharges"]),
    ];
    const value = crossValidatedAuc(rows, "Churn", "Yes", features);
    expect(value).toBeGreaterThanOrEqual(0.82);
  });

  it("reaches 5-fold CV ROC AUC >= 0.83 on bank churn (id columns dropped)", () => {
    const rows = readCsv("bank-churn.csv", ["RowNumber", "CustomerId", "Surname"]);
    const features = [
      ...spec("categorical", ["Geography", "Gender"]),
      ...spec("boolean", ["HasCrCard", "IsActiveMember"]),
      ...spec("numeric", ["CreditScore", "Age", "Tenure", "Balance", "NumOfProducts", "EstimatedSalary"]),
    ];
    const value = crossValidatedAuc(rows, "Exited", "1", features);
    expect(value).toBeGreaterThanOrEqual(0.83);
  });
});
