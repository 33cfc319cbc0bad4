/**
 * Trees must equal scikit-learn's (1.2.1) on the committed fixtures: same preorder structure, features,
 * thresholds, leaf probabilities, impurities and importances — with both split finders. Fixtures are
 * tie-free by construction (see fixtures/generate.py), so the tie rule cannot make them differ.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { growTree } from "./grow-tree";
import { columnImportance } from "./importance";
import type { Criterion, TreeJson } from "./types";

interface Fixture {
  name: string;
  params: { criterion: Criterion; max_depth: number | null; min_samples_split: number; min_samples_leaf: number; min_impurity_decrease: number };
  X: number[][];
  y: number[];
  tree: { children_left: number[]; children_right: number[]; feature: number[]; threshold: number[]; value: number[][]; impurity: number[] };
  feature_importances: number[];
}

const dir = join(__dirname, "fixtures");
const fixtures: Fixture[] = readdirSync(dir)
  .filter((file) => file.startsWith("sklearn-") && file.endsWith(".json"))
  .map((file) => JSON.parse(readFileSync(join(dir, file), "utf8")));

function train(fixture: Fixture, splitter: "exact" | "histogram", overrides = {}): TreeJson {
  const columns = fixture.X[0].map((_, f) => Float64Array.from(fixture.X, (row) => row[f]));
  const { params } = fixture;
  return growTree(columns, Uint8Array.from(fixture.y), {
    criterion: params.criterion,
    maxDepth: params.max_depth,
    minSamplesSplit: params.min_samples_split,
    minSamplesLeaf: params.min_samples_leaf,
    minImpurityDecrease: params.min_impurity_decrease,
    splitter,
    ...overrides,
  }).tree;
}

describe("scikit-learn reference trees", () => {
  it("has the committed fixtures", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(8);
  });

  for (const fixture of fixtures) {
    for (const splitter of ["exact", "histogram"] as const) {
      it(`${fixture.name} (${splitter}) builds scikit-learn's tree`, () => {
        const tree = train(fixture, splitter);
        const expected = fixture.tree;
        expect(tree.left).toEqual(expected.children_left);
        expect(tree.right).toEqual(expected.children_right);
        expect(tree.feature).toEqual(expected.feature.map((f) => (f < 0 ? -1 : f)));
        tree.feature.forEach((f, node) => {
          if (f >= 0) expect(tree.threshold[node]).toBeCloseTo(expected.threshold[node], 9);
          const [neg, pos] = expected.value[node];
          expect([tree.negatives[node], tree.positives[node]]).toEqual([neg, pos]);
          expect(tree.impurity[node]).toBeCloseTo(expected.impurity[node], 12);
        });
        const importance = columnImportance(tree, fixture.X[0].length);
        importance.forEach((value, f) => expect(value).toBeCloseTo(fixture.feature_importances[f], 12));
      });
    }
  }

  it("the min_impurity_decrease fixtures would grow larger without it (the setting is exercised)", () => {
    for (const fixture of fixtures.filter((f) => f.params.min_impurity_decrease > 0)) {
      expect(train(fixture, "exact", { minImpurityDecrease: 0 }).feature.length).toBeGreaterThan(fixture.tree.feature.length);
    }
  });
});
