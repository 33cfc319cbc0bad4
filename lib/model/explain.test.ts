import { describe, expect, it } from "vitest";
import { explain, growTree, leafRules, predictProba, predictRows, trainModel } from "./index";
import { mulberry32 } from "@/lib/random";
import { MODEL_FORMAT, type ModelJson, type TreeJson } from "./types";

// Encoded columns: 0 tenure, 1–3 Contract, 4–6 InternetService, 7 TotalCharges, 8 Partner.
const splits: Record<number, [column: number, threshold: number, left: number, right: number, missingLeft?: boolean]> = {
  0: [0, 5.5, 1, 6],
  1: [1, 0.5, 2, 3],
  3: [5, 0.5, 4, 5],
  6: [7, 1000, 7, 10, true],
  7: [0, 20.5, 8, 9],
  10: [8, 0.5, 11, 12],
};
const leaves: Record<number, [negatives: number, positives: number]> = { 2: [30, 10], 4: [20, 10], 5: [5, 15], 8: [40, 2], 9: [50, 5], 11: [60, 1], 12: [70, 3] };

function handBuiltModel(): ModelJson {
  const tree: TreeJson = { feature: [], threshold: [], left: [], right: [], missingGoesLeft: [], negatives: [], positives: [], impurity: [] };
  const count = (node: number, side: 0 | 1): number => (leaves[node] ? leaves[node][side] : count(splits[node][2], side) + count(splits[node][3], side));
  for (let node = 0; node < 13; node++) {
    const [column, threshold, left, right, missingLeft] = splits[node] ?? [-1, 0, -1, -1];
    tree.feature.push(column);
    tree.threshold.push(threshold);
    tree.left.push(left);
    tree.right.push(right);
    tree.missingGoesLeft.push(missingLeft ?? false);
    tree.negatives.push(count(node, 0));
    tree.positives.push(count(node, 1));
    tree.impurity.push(0);
  }
  return {
    format: MODEL_FORMAT,
    engine: "cart",
    features: [
      { name: "tenure", kind: "numeric" },
      { name: "Contract", kind: "categorical", categories: ["Month-to-month", "One year", "Two year"], other: [] },
      { name: "InternetService", kind: "categorical", categories: ["DSL", "Fiber optic", "No"], other: [] },
      { name: "TotalCharges", kind: "numeric" },
      { name: "Partner", kind: "boolean", labels: ["No", "Yes"] },
    ],
    target: { name: "Churn", positive: "Yes", negative: "No" },
    tree,
    training: { splitter: "exact", hyperparameters: {} as never, rows: 321, classCounts: { negative: 275, positive: 46 } },
  };
}

const customer = { tenure: "3", Contract: "Month-to-month", InternetService: "Fiber optic", TotalCharges: "100", Partner: "Yes" };

describe("explain", () => {
  const model = handBuiltModel();

  it("renders one-hot conditions as = / ≠ with the original feature names", () => {
    const explanation = explain(model, customer);
    expect(explanation.text).toBe("tenure <= 5.5 and Contract = Month-to-month and InternetService = Fiber optic");
    expect(explanation.conditions).toEqual([
      { feature: "tenure", kind: "numeric", op: "<=", threshold: 5.5 },
      { feature: "Contract", kind: "categorical", op: "=", value: "Month-to-month", other: false },
      { feature: "InternetService", kind: "categorical", op: "=", value: "Fiber optic", other: false },
    ]);
    expect([explanation.leaf, explanation.probability]).toEqual([5, 0.75]);
    expect(explain(model, { ...customer, Contract: "Two year" }).text).toBe("tenure <= 5.5 and Contract ≠ Month-to-month");
  });

  it("shows missing-value routing and merges numeric bounds", () => {
    const explanation = explain(model, { ...customer, tenure: "12", TotalCharges: null });
    expect(explanation.text).toBe("5.5 < tenure <= 20.5 and TotalCharges is missing");
    expect(explanation.conditions[1]).toEqual({ feature: "TotalCharges", kind: "missing", op: "is missing" });
    expect(explain(model, { ...customer, tenure: "30", TotalCharges: "2000", Partner: "No" }).text).toBe(
      "tenure > 5.5 and TotalCharges > 1000 and Partner = No",
    );
    // A missing category is NaN in every one-hot column; node 1 sends missing right.
    expect(explain(model, { ...customer, Contract: null }).text).toBe("tenure <= 5.5 and Contract is missing and InternetService = Fiber optic");
  });

  it("treats an unseen category as 'none of the known ones' and agrees with predictRows", () => {
    const rows = [customer, { ...customer, Contract: "Five year" }, { ...customer, tenure: null, TotalCharges: null }, { ...customer, tenure: "40" }];
    const { probabilities, unseen } = predictRows(model, rows);
    expect(unseen).toEqual({ Contract: { "Five year": 1 } });
    rows.forEach((row, i) => expect(explain(model, row).probability).toBe(probabilities[i]));
    expect(explain(model, rows[1]).text).toBe("tenure <= 5.5 and Contract ≠ Month-to-month");
  });

  it("names a split on missingness alone", () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({ x: i < 10 ? "3" : null, y: i < 10 ? "No" : "Yes" }));
    const { model: trained } = trainModel({ rows, target: "y", features: [{ name: "x", kind: "numeric" }], hyperparameters: { minSamplesLeaf: 1 } });
    expect(explain(trained, { x: "3" }).text).toBe("x is not missing");
    expect(explain(trained, { x: null })).toMatchObject({ text: "x is missing", probability: 1 });
  });
});

describe("leafRules", () => {
  it("describes every leaf's region with its training counts, including where missing values go", () => {
    const rules = leafRules(handBuiltModel());
    expect(rules.map((rule) => rule.leaf)).toEqual([2, 4, 5, 8, 9, 11, 12]);
    expect(rules[0]).toEqual({ leaf: 2, text: "tenure <= 5.5 and Contract ≠ Month-to-month", rows: 40, positives: 10, probability: 0.25 });
    expect(rules[2].text).toBe("tenure <= 5.5 and Contract = Month-to-month (or missing) and InternetService = Fiber optic (or missing)");
    expect(rules[3].text).toBe("5.5 < tenure <= 20.5 and TotalCharges <= 1000 (or missing)");
    expect(rules[5].text).toBe("tenure > 5.5 (or missing) and TotalCharges > 1000 and Partner = No");
    expect(rules.reduce((sum, rule) => sum + rule.rows, 0)).toBe(321);
  });

  it("gives a one-leaf tree a single rule with empty text, and names missing-only splits", () => {
    const constant = Array.from({ length: 10 }, (_, i) => ({ x: "1", y: i < 3 ? "Yes" : "No" }));
    const { model } = trainModel({ rows: constant, target: "y", features: [{ name: "x", kind: "numeric" }] });
    expect(leafRules(model)).toEqual([{ leaf: 0, text: "", rows: 10, positives: 3, probability: 0.3 }]);
    const rows = Array.from({ length: 20 }, (_, i) => ({ x: i < 10 ? "3" : null, y: i < 10 ? "No" : "Yes" }));
    const trained = trainModel({ rows, target: "y", features: [{ name: "x", kind: "numeric" }], hyperparameters: { minSamplesLeaf: 1 } }).model;
    expect(leafRules(trained).map((rule) => rule.text)).toEqual(["x is not missing", "x is missing"]);
  });
});

describe("predictProba", () => {
  it("matches a plain walk of the JSON tree, missing values included", () => {
    const random = mulberry32(5);
    const n = 5000;
    const columns = Array.from({ length: 4 }, () => Float64Array.from({ length: n }, () => (random() < 0.1 ? NaN : Math.round(random() * 50))));
    const labels = Uint8Array.from({ length: n }, (_, i) => (columns[0][i] > 25 !== random() < 0.2 ? 1 : 0));
    const { tree } = growTree(columns, labels, { maxDepth: 8, minSamplesLeaf: 3 });
    const model = { ...handBuiltModel(), tree, features: columns.map((_, f) => ({ name: `x${f}`, kind: "numeric" as const })) };
    const fast = predictProba(model, { rowCount: n, columns });
    for (let row = 0; row < n; row++) {
      let node = 0;
      while (tree.feature[node] >= 0) {
        const x = columns[tree.feature[node]][row];
        const left = Number.isNaN(x) ? tree.missingGoesLeft[node] : x <= tree.threshold[node];
        node = left ? tree.left[node] : tree.right[node];
      }
      expect(fast[row]).toBe(tree.positives[node] / (tree.positives[node] + tree.negatives[node]));
    }
  });

  it("refuses a matrix with the wrong number of columns", () => {
    expect(() => predictProba(handBuiltModel(), { rowCount: 1, columns: [Float64Array.of(1)] })).toThrow(/expects 9 encoded columns/);
  });
});
