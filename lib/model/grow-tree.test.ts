import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { growTree } from "./grow-tree";
import { MODEL_FORMAT, type ModelJson, type TreeJson } from "./types";
import { predictProba } from "./predict";
import { mulberry32 } from "@/lib/random";
import { MISSING_ONLY_THRESHOLD } from "./split-search";

const full = { maxDepth: null, minSamplesLeaf: 1, minSamplesSplit: 2 } as const;

/** Scores a numeric-only tree through the public predictor (a bare model around the tree). */
function score(tree: TreeJson, columns: Float64Array[]): Float64Array {
  const model: ModelJson = {
    format: MODEL_FORMAT, engine: "cart", tree,
    features: columns.map((_, f) => ({ name: `x${f}`, kind: "numeric" })),
    target: { name: "y", positive: "1", negative: "0" },
    training: { splitter: "exact", hyperparameters: {} as never, rows: 0, classCounts: { negative: 0, positive: 0 } },
  };
  return predictProba(model, { rowCount: columns[0].length, columns });
}

const cols = (rows: number[][]) => rows[0].map((_, f) => Float64Array.from(rows, (row) => row[f]));

function randomData(n: number, features: number, seed: number, value: (random: () => number) => number) {
  const random = mulberry32(seed);
  const columns = Array.from({ length: features }, () => Float64Array.from({ length: n }, () => value(random)));
  const labels = Uint8Array.from({ length: n }, (_, i) => (columns[0][i] + columns[1][i] + 40 * random() > 120 ? 1 : 0));
  return { columns, labels };
}

describe("growTree", () => {
  it("fits the 8-row binary table to purity (8/8 correct; ml-cart gets this wrong)", () => {
    const X = cols([[0, 1, 0], [0, 1, 1], [1, 1, 0], [1, 1, 1], [0, 0, 0], [0, 0, 1], [1, 0, 1], [1, 0, 0]]);
    const y = Uint8Array.from([0, 0, 0, 0, 0, 1, 1, 1]);
    for (const criterion of ["gini", "entropy"] as const) {
      for (const splitter of ["exact", "histogram"] as const) {
        const { tree } = growTree(X, y, { ...full, criterion, splitter });
        expect(Array.from(score(tree, X), (p) => (p >= 0.5 ? 1 : 0))).toEqual(Array.from(y));
      }
    }
  });

  it("breaks ties by column order first, then by the lowest threshold", () => {
    const x = Float64Array.from([1, 2, 3, 4]);
    const { tree } = growTree([Float64Array.from([5, 5, 5, 5]), x, x.slice()], Uint8Array.from([1, 0, 0, 1]), { ...full, maxDepth: 1 });
    // Splits at 1.5 and 3.5 score the same on both copies of x: column 1 and threshold 1.5 win.
    expect([tree.feature[0], tree.threshold[0]]).toEqual([1, 1.5]);
  });

  it("learns which side missing values go to, records it, and prediction follows it", () => {
    const x = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, NaN, NaN]);
    for (const missingLabel of [0, 1]) {
      const y = Uint8Array.from([0, 0, 0, 0, 1, 1, 1, 1, missingLabel, missingLabel]);
      for (const splitter of ["exact", "histogram"] as const) {
        const { tree } = growTree([x], y, { ...full, maxDepth: 1, splitter });
        expect([tree.threshold[0], tree.missingGoesLeft[0]]).toEqual([4.5, missingLabel === 0]);
        expect(score(tree, [Float64Array.from([NaN])])[0]).toBe(missingLabel);
      }
    }
  });

  it("on a tie between sending missing rows left or right, sends them right", () => {
    // At 1.5 both options score 4.5 (gini proxy): (2,0 | 1,3) with missing right, (3,1 | 0,2) with missing left.
    const x = Float64Array.from([1, 1, 2, 2, NaN, NaN]);
    const { tree } = growTree([x], Uint8Array.from([0, 0, 1, 1, 0, 1]), { ...full, maxDepth: 1 });
    expect([tree.threshold[0], tree.missingGoesLeft[0], tree.negatives[1], tree.positives[1]]).toEqual([1.5, false, 2, 0]);
  });

  it("sends missing values to the larger child when the node had none", () => {
    const x = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const { tree } = growTree([x], Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 1, 1, 1]), { ...full, maxDepth: 1 });
    expect([tree.threshold[0], tree.missingGoesLeft[0]]).toEqual([7.5, true]);
    expect(score(tree, [Float64Array.from([NaN])])[0]).toBe(0);
  });

  it("can split on missingness alone (present values left, missing right)", () => {
    const x = Float64Array.from([3, 3, 3, 3, NaN, NaN, NaN]);
    const { tree } = growTree([x], Uint8Array.from([0, 0, 0, 0, 1, 1, 1]), full);
    expect([tree.threshold[0], tree.missingGoesLeft[0]]).toEqual([MISSING_ONLY_THRESHOLD, false]);
    expect(Array.from(score(tree, [Float64Array.from([3, NaN, 1e300])]))).toEqual([0, 1, 0]);
  });

  it("histogram and exact build the identical tree when every feature has <= 256 distinct values", () => {
    const { columns, labels } = randomData(3000, 4, 7, (random) => (random() < 0.05 ? NaN : Math.floor(random() * 100)));
    for (const criterion of ["gini", "entropy"] as const) {
      const params = { criterion, maxDepth: 8, minSamplesLeaf: 5 };
      const exact = growTree(columns, labels, { ...params, splitter: "exact" });
      const histogram = growTree(columns, labels, { ...params, splitter: "histogram" });
      expect(histogram.tree).toEqual(exact.tree);
      expect(exact.tree.missingGoesLeft.length).toBeGreaterThan(30);
    }
  });

  it("histogram stays close to exact on continuous values (quantile bins)", () => {
    const { columns, labels } = randomData(5000, 3, 11, (random) => random() * 100);
    const accuracy = (tree: TreeJson) => score(tree, columns).reduce((sum, p, i) => sum + ((p >= 0.5 ? 1 : 0) === labels[i] ? 1 : 0), 0) / 5000;
    const exact = growTree(columns, labels, { splitter: "exact" }).tree;
    const histogram = growTree(columns, labels, { splitter: "histogram" }).tree;
    expect(histogram.feature[0]).toBe(exact.feature[0]);
    expect(Math.abs(histogram.threshold[0] - exact.threshold[0])).toBeLessThan(1);
    expect(Math.abs(accuracy(histogram) - accuracy(exact))).toBeLessThan(0.01);
  });

  it("respects maxDepth and minSamplesLeaf, and picks the splitter by row count", () => {
    const { columns, labels } = randomData(2000, 3, 3, (random) => random() * 100);
    const { tree, splitter } = growTree(columns, labels, { maxDepth: 4, minSamplesLeaf: 30 });
    expect(splitter).toBe("exact");
    const depth = (node: number): number => (tree.feature[node] < 0 ? 0 : 1 + Math.max(depth(tree.left[node]), depth(tree.right[node])));
    expect(depth(0)).toBe(4);
    tree.feature.forEach((f, node) => f < 0 && expect(tree.negatives[node] + tree.positives[node]).toBeGreaterThanOrEqual(30));
    const big = Float64Array.from({ length: 200_000 }, (_, i) => i % 1000);
    expect(growTree([big], Uint8Array.from(big, (v) => (v > 500 ? 1 : 0)), { maxDepth: 1 }).splitter).toBe("histogram");
  });

  it("refuses bad hyperparameters, labels and values with coded errors", () => {
    const x = [Float64Array.from([1, 2])];
    const code = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error instanceof AppError ? error.code : String(error);
      }
      return "no error";
    };
    expect(code(() => growTree(x, Uint8Array.from([0, 1]), { maxDepth: 0 }))).toBe("invalid_hyperparameter");
    expect(code(() => growTree(x, Uint8Array.from([0, 1]), { minSamplesSplit: 1 }))).toBe("invalid_hyperparameter");
    expect(code(() => growTree(x, Uint8Array.from([0, 1]), { criterion: "log_loss" as never }))).toBe("invalid_hyperparameter");
    expect(code(() => growTree(x, Uint8Array.from([0, 1]), { max_depth: 3 } as never))).toBe("invalid_hyperparameter");
    expect(code(() => growTree(x, Uint8Array.from([0, 2])))).toBe("invalid_label");
    expect(code(() => growTree([Float64Array.from([1, Infinity])], Uint8Array.from([0, 1])))).toBe("invalid_value");
    expect(code(() => growTree(x, Uint8Array.from([0, 1, 1])))).toBe("shape_mismatch");
  });
});
