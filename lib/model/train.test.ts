import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { encodedColumns, encodeRows, featureImportance, MAX_CATEGORIES, MODEL_FORMAT, predictRows, trainModel } from "./index";
import { mulberry32 } from "@/lib/random";
import type { CellRow, FeatureSpec } from "./types";

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return `${error.code} ${JSON.stringify(error.toJSON())}`;
    throw error;
  }
  return "no error";
}

/** A small churn-like table: plan (categorical), paperless (boolean), months (numeric, some blank). */
function churnRows(n: number, seed = 1): CellRow[] {
  const random = mulberry32(seed);
  const plans = ["Monthly", "Yearly", "Two year"];
  return Array.from({ length: n }, () => {
    const plan = plans[Math.floor(random() * 3)];
    const months = Math.floor(random() * 60);
    const paperless = random() < 0.5;
    const risk = (plan === "Monthly" ? 0.5 : 0.1) + (months < 10 ? 0.3 : 0) + (paperless ? 0.1 : 0);
    return {
      plan,
      paperless: paperless ? "Yes" : "No",
      months: random() < 0.05 ? null : String(months),
      churn: random() < risk ? "Yes" : "No",
    };
  });
}

const features: FeatureSpec[] = [
  { name: "plan", kind: "categorical" },
  { name: "paperless", kind: "boolean" },
  { name: "months", kind: "numeric" },
];
const small = { minSamplesLeaf: 5 };

describe("trainModel and the encoding layer", () => {
  it("gives identical trees for Yes/No, true/false and 1/0 labels", () => {
    const rows = churnRows(400);
    const spellings = [["Yes", "No"], ["true", "false"], ["1", "0"], ["Y", "n"]];
    const trees = spellings.map(([yes, no]) => {
      const relabelled = rows.map((row) => ({ ...row, churn: row.churn === "Yes" ? yes : no }));
      const { model } = trainModel({ rows: relabelled, target: "churn", features, hyperparameters: small });
      expect(model.target).toEqual({ name: "churn", positive: yes, negative: no });
      return model.tree;
    });
    for (const tree of trees.slice(1)) expect(tree).toEqual(trees[0]);
    expect(trees[0].feature.length).toBeGreaterThan(5);
  });

  it("accepts rows or columns and produces the same versioned, JSON-serialisable model", () => {
    const rows = churnRows(300);
    const columns = Object.fromEntries(["plan", "paperless", "months", "churn"].map((name) => [name, rows.map((row) => row[name] ?? null)]));
    const fromRows = trainModel({ rows, target: "churn", features, hyperparameters: small }).model;
    const fromColumns = trainModel({ columns, target: "churn", features, hyperparameters: small }).model;
    expect(fromColumns).toEqual(fromRows);
    const stored = JSON.parse(JSON.stringify(fromRows));
    expect(stored).toEqual(fromRows);
    expect(stored.format).toBe(MODEL_FORMAT);
    expect(stored.training).toMatchObject({ splitter: "exact", rows: 300, hyperparameters: { maxDepth: 6, minSamplesLeaf: 5, criterion: "gini" } });
    expect(stored.training.classCounts.positive + stored.training.classCounts.negative).toBe(300);
    expect(Array.from(predictRows(stored, rows).probabilities)).toEqual(Array.from(predictRows(fromRows, rows).probabilities));
  });

  it("maps a custom positive label and refuses a third value, blanks and a single class", () => {
    const rows = churnRows(50).map((row) => ({ ...row, churn: row.churn === "Yes" ? "left" : "stayed" }));
    expect(trainModel({ rows, target: "churn", positive: "left", features }).model.target).toMatchObject({ positive: "left", negative: "stayed" });
    expect(codeOf(() => trainModel({ rows, target: "churn", features }))).toMatch(/^positive_required/);
    const third = rows.map((row, i) => (i === 7 ? { ...row, churn: "unknown" } : row));
    expect(codeOf(() => trainModel({ rows: third, target: "churn", positive: "left", features }))).toMatch(/^invalid_target .*"row":8/);
    const blank = rows.map((row, i) => (i === 3 ? { ...row, churn: null } : row));
    expect(codeOf(() => trainModel({ rows: blank, target: "churn", positive: "left", features }))).toMatch(/^missing_target .*"row":4/);
    expect(codeOf(() => trainModel({ rows: rows.map((row) => ({ ...row, churn: "left" })), target: "churn", positive: "left", features }))).toMatch(/^target_one_class/);
  });

  it("parses numbers strictly and booleans in any known spelling, naming row, column and value", () => {
    const rows = churnRows(40);
    const withComma = rows.map((row, i) => (i === 4 ? { ...row, months: "1,889.50" } : row));
    expect(codeOf(() => trainModel({ rows: withComma, target: "churn", features }))).toMatch(/^invalid_number .*"row":5,"column":"months".*"value":"1,889.50"/);
    const spelled = rows.map((row, i) => ({ ...row, paperless: ["YES", "n", "True", "0"][i % 4] }));
    const { model } = trainModel({ rows: spelled, target: "churn", features });
    expect(model.features[1]).toEqual({ name: "paperless", kind: "boolean", labels: ["n", "YES"] });
    expect(Array.from(encodeRows(model, spelled.slice(0, 4)).matrix.columns[3])).toEqual([1, 0, 1, 0]);
    const maybe = rows.map((row, i) => (i === 2 ? { ...row, paperless: "maybe" } : row));
    expect(codeOf(() => trainModel({ rows: maybe, target: "churn", features }))).toMatch(/^invalid_boolean .*"row":3/);
    expect(codeOf(() => trainModel({ rows, target: "churn", features: [{ name: "nope", kind: "numeric" }] }))).toMatch(/^missing_column/);
  });

  it("one-hot encodes sorted categories, caps them with an (other) column, and counts unseen ones", () => {
    // c00 ×100, then c01..c59 ×8 each: 60 distinct, so the 10 rarest (ties broken by name) fall into (other).
    const cities = [...Array<string>(100).fill("c00"), ...Array.from({ length: 59 * 8 }, (_, i) => `c${String(1 + (i % 59)).padStart(2, "0")}`)];
    const rows: CellRow[] = cities.map((city, i) => ({ city, churn: i % 3 === 0 ? "Yes" : "No" }));
    rows[5] = { ...rows[5], city: null };
    const { model } = trainModel({ rows, target: "churn", features: [{ name: "city", kind: "categorical" }], hyperparameters: { minSamplesLeaf: 1 } });
    const city = model.features[0];
    if (city.kind !== "categorical") throw new Error("expected categorical");
    expect(city.categories).toHaveLength(MAX_CATEGORIES);
    expect(city.categories).toEqual([...city.categories].sort());
    expect(city.other).toEqual(["c50", "c51", "c52", "c53", "c54", "c55", "c56", "c57", "c58", "c59"]);
    expect(encodedColumns(model.features).at(-1)).toMatchObject({ feature: "city", category: "(other)", other: true });
    const { matrix, unseen } = encodeRows(model, [{ city: "c55" }, { city: "Atlantis" }, { city: null }, { city: "Atlantis" }, { city: "c01" }]);
    const row = (i: number) => matrix.columns.map((column) => column[i]);
    expect(row(0).indexOf(1)).toBe(MAX_CATEGORIES);
    expect(row(1).every((v) => v === 0)).toBe(true);
    expect(row(2).every((v) => Number.isNaN(v))).toBe(true);
    expect(row(4).indexOf(1)).toBe(city.categories.indexOf("c01"));
    expect(unseen).toEqual({ city: { Atlantis: 2 } });
    expect(predictRows(model, [{ city: "Atlantis" }]).unseen).toEqual({ city: { Atlantis: 1 } });
  });

  it("reports importance per original feature, summing one-hot columns, normalised to 1", () => {
    const { model } = trainModel({ rows: churnRows(800), target: "churn", features, hyperparameters: small });
    const importance = featureImportance(model);
    expect(importance.map((item) => item.feature).sort()).toEqual(["months", "paperless", "plan"]);
    expect(importance.reduce((sum, item) => sum + item.importance, 0)).toBeCloseTo(1, 12);
    expect(importance[0].feature).toBe("plan");
    expect(importance).toEqual([...importance].sort((a, b) => b.importance - a.importance));
  });

  it("refuses unknown engines, the target as a feature, and ambiguous input", () => {
    const rows = churnRows(20);
    expect(codeOf(() => trainModel({ rows, target: "churn", features, engine: "xgboost" as never }))).toMatch(/^unknown_engine/);
    expect(codeOf(() => trainModel({ rows, target: "churn", features: [...features, { name: "churn", kind: "boolean" }] }))).toMatch(/^target_is_feature/);
    expect(codeOf(() => trainModel({ target: "churn", features }))).toMatch(/^invalid_input/);
    expect(codeOf(() => trainModel({ rows: [], target: "churn", features }))).toMatch(/^no_rows/);
    expect(codeOf(() => trainModel({ rows, target: "churn", features: [features[0], features[0]] }))).toMatch(/^duplicate_feature/);
  });
});
