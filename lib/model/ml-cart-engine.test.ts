import { DecisionTreeClassifier } from "ml-cart";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { explain, ML_CART_MAX_ROWS, predictRows, trainModel } from "./index";
import { mulberry32 } from "@/lib/random";
import type { CellRow, FeatureSpec } from "./types";

const features: FeatureSpec[] = ["a", "b", "c"].map((name) => ({ name, kind: "numeric" }));

function numericRows(n: number): CellRow[] {
  const random = mulberry32(9);
  return Array.from({ length: n }, () => {
    const [a, b, c] = [0, 0, 0].map(() => Math.round(random() * 100) / 4);
    return { a: String(a), b: String(b), c: String(c), y: a + b / 2 + 10 * random() > 20 ? "1" : "0" };
  });
}

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("ml-cart engine", () => {
  it("converts ml-cart's tree to our format: same probabilities, pure leaves padded to P = 0 or 1", () => {
    const rows = numericRows(400);
    const { model } = trainModel({ rows, target: "y", features, engine: "ml-cart", hyperparameters: { maxDepth: 5 } });
    expect(model).toMatchObject({ engine: "ml-cart", training: { splitter: null, hyperparameters: { minSamplesLeaf: 1 } } });
    const reference = new DecisionTreeClassifier({ gainFunction: "gini", maxDepth: 5, minNumSamples: 1, gainThreshold: 0 });
    const X = rows.map((row) => features.map((f) => Number(row[f.name])));
    reference.train(X, rows.map((row) => Number(row.y)));
    const ours = predictRows(model, rows).probabilities;
    const root = reference.root as unknown as { classify(row: number[]): { to1DArray(): number[] } };
    X.forEach((x, i) => expect(ours[i]).toBeCloseTo(root.classify(x).to1DArray()[1] ?? 0, 12));
    expect(ours.some((p) => p === 0)).toBe(true);
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    // ml-cart's "x < v" becomes "x <= the double just below v", which still reads as v.
    const { text } = explain(model, rows[0]);
    expect(text).toMatch(/\ba\b/);
    expect(text).not.toMatch(/\d\.\d{7,}/);
  });

  it("refuses missing values with a clear error pointing to the cart engine", () => {
    const rows = numericRows(50).map((row, i) => (i === 6 ? { ...row, b: null } : row));
    const error = errorOf(() => trainModel({ rows, target: "y", features, engine: "ml-cart" }));
    expect(error.code).toBe("missing_values_unsupported");
    expect(error.location).toEqual({ row: 7, column: "b" });
    expect(error.message).toMatch(/"cart"/);
  });

  it(`refuses more than ${ML_CART_MAX_ROWS} rows and settings ml-cart cannot honour`, () => {
    const error = errorOf(() => trainModel({ rows: numericRows(ML_CART_MAX_ROWS + 1), target: "y", features, engine: "ml-cart" }));
    expect([error.code, error.message]).toEqual(["engine_row_limit", expect.stringMatching(/use the default "cart" engine/)]);
    const rows = numericRows(50);
    for (const hyperparameters of [{ criterion: "entropy" as const }, { minSamplesLeaf: 20 }, { minImpurityDecrease: 0.01 }]) {
      expect(errorOf(() => trainModel({ rows, target: "y", features, engine: "ml-cart", hyperparameters })).code).toBe("unsupported_hyperparameter");
    }
  });
});
