/**
 * ml-cart 2.1.1 as an alternative engine, fenced in: it is O(n²) (hence the row limit), has no notion of
 * missing values (refused), and its leaves carry class distributions that are one entry short when a
 * leaf is pure. Its tree is converted to our format and the node counts are recomputed by routing the
 * training rows, so predictions and explanations work exactly as for the default engine.
 */
import { DecisionTreeClassifier, type MlCartNode } from "ml-cart";
import { AppError } from "@/lib/errors";
import { nodeImpurity } from "./impurity";
import type { Hyperparameters, TreeJson } from "./types";

export const ML_CART_MAX_ROWS = 5_000;

/** What ml-cart can do: gini, depth and minimum split size only. */
export const ML_CART_DEFAULTS: Readonly<Hyperparameters> = {
  criterion: "gini",
  maxDepth: 6,
  minSamplesSplit: 2,
  minSamplesLeaf: 1,
  minImpurityDecrease: 0,
  splitter: "auto",
};

/** Trains ml-cart and returns its tree in our format; `names` label encoded columns in error messages. */
export function trainMlCart(columns: readonly Float64Array[], labels: Uint8Array, hp: Hyperparameters, names?: readonly string[]): TreeJson {
  checkInput(columns, labels.length, hp, names);
  const rows = Array.from({ length: labels.length }, (_, i) => columns.map((column) => column[i]));
  // minNumSamples: ml-cart makes a leaf when rows <= minNumSamples, so a split needs minSamplesSplit rows.
  const classifier = new DecisionTreeClassifier({
    gainFunction: "gini",
    maxDepth: hp.maxDepth ?? Infinity,
    minNumSamples: hp.minSamplesSplit - 1,
    gainThreshold: 0,
  });
  classifier.train(rows, Array.from(labels));
  const tree: TreeJson = { feature: [], threshold: [], left: [], right: [], missingGoesLeft: [], negatives: [], positives: [], impurity: [] };
  convert(classifier.root, tree);
  countRows(tree, rows, labels);
  return tree;
}

function checkInput(columns: readonly Float64Array[], n: number, hp: Hyperparameters, names?: readonly string[]): void {
  const useCart = 'use the default "cart" engine';
  if (hp.criterion !== "gini" || hp.minSamplesLeaf !== 1 || hp.minImpurityDecrease !== 0) {
    throw new AppError(
      "unsupported_hyperparameter",
      `The ml-cart engine supports only criterion gini, minSamplesLeaf 1 and minImpurityDecrease 0; ${useCart}.`,
    );
  }
  if (n > ML_CART_MAX_ROWS) {
    throw new AppError(
      "engine_row_limit",
      `The ml-cart engine is limited to ${ML_CART_MAX_ROWS} rows (its training time grows as rows²); got ${n}. Please ${useCart}.`,
    );
  }
  columns.forEach((column, f) => {
    const row = column.findIndex((value) => Number.isNaN(value));
    if (row >= 0) {
      const name = names?.[f] ?? `column ${f}`;
      throw new AppError(
        "missing_values_unsupported",
        `The ml-cart engine cannot handle missing values ("${name}" is missing in row ${row + 1}); ${useCart}.`,
        { row: row + 1, column: name },
      );
    }
  });
}

/** Preorder copy; ml-cart sends x < v left, so our x <= t uses t = the largest double below v. */
function convert(node: MlCartNode, tree: TreeJson): number {
  const id = tree.feature.length;
  const split = node.left && node.right && node.splitColumn !== undefined && node.splitValue !== undefined;
  tree.feature.push(split ? node.splitColumn! : -1);
  tree.threshold.push(split ? nextDown(node.splitValue!) : 0);
  tree.left.push(-1);
  tree.right.push(-1);
  tree.missingGoesLeft.push(false);
  if (split) {
    tree.left[id] = convert(node.left!, tree);
    tree.right[id] = convert(node.right!, tree);
  }
  return id;
}

/** Class counts and impurity per node from the training rows; missing values follow the larger child. */
function countRows(tree: TreeJson, rows: number[][], labels: Uint8Array): void {
  tree.negatives = tree.feature.map(() => 0);
  tree.positives = tree.feature.map(() => 0);
  rows.forEach((row, i) => {
    let node = 0;
    for (;;) {
      (labels[i] ? tree.positives : tree.negatives)[node]++;
      if (tree.feature[node] < 0) break;
      node = row[tree.feature[node]] <= tree.threshold[node] ? tree.left[node] : tree.right[node];
    }
  });
  const size = (node: number) => tree.negatives[node] + tree.positives[node];
  tree.impurity = tree.feature.map((_, node) => nodeImpurity("gini", tree.negatives[node], tree.positives[node]));
  tree.missingGoesLeft = tree.feature.map((f, node) => f >= 0 && size(tree.left[node]) > size(tree.right[node]));
}

function nextDown(x: number): number {
  if (x === 0) return -Number.MIN_VALUE;
  const bits = new BigInt64Array(new Float64Array([x]).buffer);
  bits[0] += x > 0 ? -1n : 1n;
  return new Float64Array(bits.buffer)[0];
}
