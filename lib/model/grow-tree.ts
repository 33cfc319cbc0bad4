/**
 * Grows a CART classification tree with scikit-learn's depth-first rules: a node is split only when
 * depth < maxDepth, rows ≥ minSamplesSplit, rows ≥ 2·minSamplesLeaf and it is impure, and only when the
 * best split's weighted impurity decrease + ε ≥ minImpurityDecrease. Nodes are numbered in preorder.
 */
import { AppError } from "@/lib/errors";
import { EXACT_SPLITTER_MAX_ROWS, resolveHyperparameters } from "./hyperparameters";
import { impurityImprovement, makeProxy, nodeImpurity } from "./impurity";
import { ExactFinder } from "./split-exact";
import { HistogramFinder } from "./split-histogram";
import { FeatureSearch, type NodeRange, SplitChoice, type SplitFinder } from "./split-search";
import type { Hyperparameters, Splitter, TreeJson } from "./types";

export interface GrownTree {
  tree: TreeJson;
  splitter: Splitter;
}

/** Trains on numeric columns (NaN = missing) and labels 0/1; throws AppError on malformed input. */
export function growTree(columns: readonly Float64Array[], labels: Uint8Array, params: Partial<Hyperparameters> = {}): GrownTree {
  const hp = resolveHyperparameters(params);
  checkInput(columns, labels);
  const n = labels.length;
  const splitter = hp.splitter === "auto" ? (n < EXACT_SPLITTER_MAX_ROWS ? "exact" : "histogram") : hp.splitter;
  const search = new FeatureSearch(makeProxy(hp.criterion, n), hp.minSamplesLeaf);
  const finder = splitter === "exact" ? new ExactFinder(columns, labels, search) : new HistogramFinder(columns, labels, search);
  return { tree: buildTree(finder, labels, hp), splitter };
}

interface Task extends NodeRange {
  depth: number;
  parent: number;
  isLeft: boolean;
  impurity: number;
}

function buildTree(finder: SplitFinder, labels: Uint8Array, hp: Hyperparameters): TreeJson {
  const n = labels.length;
  const tree: TreeJson = { feature: [], threshold: [], left: [], right: [], missingGoesLeft: [], negatives: [], positives: [], impurity: [] };
  const maxDepth = hp.maxDepth ?? Infinity;
  const task = (start: number, negatives: number, positives: number, depth: number, parent: number, isLeft: boolean): Task => ({
    start, end: start + negatives + positives, negatives, positives, depth, parent, isLeft,
    impurity: nodeImpurity(hp.criterion, negatives, positives),
  });
  const splittable = (t: Task) => {
    const rows = t.end - t.start;
    return t.depth < maxDepth && rows >= hp.minSamplesSplit && rows >= 2 * hp.minSamplesLeaf && t.negatives > 0 && t.positives > 0;
  };
  const positives = labels.reduce((sum, label) => sum + label, 0);
  const stack = [task(0, n - positives, positives, 0, -1, false)];
  const choice = new SplitChoice();
  while (stack.length > 0) {
    const node = stack.pop()!;
    const id = addNode(tree, node);
    if (!splittable(node)) continue;
    if (!finder.findSplit(node, choice)) {
      finder.release(node);
      continue;
    }
    const left = task(node.start, choice.leftNeg, choice.leftPos, node.depth + 1, id, true);
    const right = task(left.end, node.negatives - choice.leftNeg, node.positives - choice.leftPos, node.depth + 1, id, false);
    const rows = node.end - node.start;
    const leftRows = left.end - left.start;
    const improvement = impurityImprovement(n, rows, node.impurity, leftRows, left.impurity, rows - leftRows, right.impurity);
    if (improvement + Number.EPSILON < hp.minImpurityDecrease) {
      finder.release(node);
      continue;
    }
    tree.feature[id] = choice.feature;
    tree.threshold[id] = choice.threshold;
    tree.missingGoesLeft[id] = choice.missingGoesLeft;
    finder.partition(node, choice, splittable(left), splittable(right));
    stack.push(right, left);
  }
  return tree;
}

/** Appends a node as a leaf (a split overwrites its test later) and links it to its parent. */
function addNode(tree: TreeJson, node: Task): number {
  const id = tree.feature.length;
  tree.feature.push(-1);
  tree.threshold.push(0);
  tree.left.push(-1);
  tree.right.push(-1);
  tree.missingGoesLeft.push(false);
  tree.negatives.push(node.negatives);
  tree.positives.push(node.positives);
  tree.impurity.push(node.impurity);
  if (node.parent >= 0) (node.isLeft ? tree.left : tree.right)[node.parent] = id;
  return id;
}

function checkInput(columns: readonly Float64Array[], labels: Uint8Array): void {
  const n = labels.length;
  if (n === 0) throw new AppError("no_rows", "Cannot train a tree on zero rows.");
  if (n >= 2 ** 30) throw new AppError("too_many_rows", `Cannot train on ${n} rows; the limit is 2^30.`);
  const bad = labels.findIndex((label) => label > 1);
  if (bad >= 0) throw new AppError("invalid_label", `Label in row ${bad + 1} is ${labels[bad]}; labels must be 0 or 1.`, { row: bad + 1 });
  columns.forEach((column, f) => {
    if (column.length !== n) {
      throw new AppError("shape_mismatch", `Column ${f} has ${column.length} values for ${n} labels.`, { column: String(f) });
    }
    for (let row = 0; row < n; row++) {
      if (column[row] === Infinity || column[row] === -Infinity) {
        throw new AppError("invalid_value", `Column ${f}, row ${row + 1} is ${column[row]}; values must be finite or NaN (missing).`, {
          row: row + 1, column: String(f), value: String(column[row]),
        });
      }
    }
  });
}
