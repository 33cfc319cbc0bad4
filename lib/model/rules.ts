/**
 * One rule per leaf — the region of feature space it covers and its training counts — for reports:
 * "IF tenure <= 5.5 and Contract = Month-to-month THEN P(churn) = 0.62". A branch that missing values
 * also take says so (" (or missing)"); the root of a one-leaf tree gives an empty text.
 */
import { branchCondition, type Condition, describeConditions } from "./conditions";
import { encodedColumns } from "./encoding";
import type { ModelJson } from "./types";

export interface LeafRule {
  leaf: number;
  text: string;
  /** Training rows that reached the leaf, and how many of them were positive. */
  rows: number;
  positives: number;
  probability: number;
}

/** Rules in preorder (left branches first). */
export function leafRules(model: ModelJson): LeafRule[] {
  const { tree } = model;
  const columns = encodedColumns(model.features);
  const rules: LeafRule[] = [];
  const visit = (node: number, path: Condition[]): void => {
    if (tree.feature[node] < 0) {
      const rows = tree.negatives[node] + tree.positives[node];
      rules.push({ leaf: node, text: describeConditions(path), rows, positives: tree.positives[node], probability: tree.positives[node] / rows });
      return;
    }
    const column = columns[tree.feature[node]];
    const missingLeft = tree.missingGoesLeft[node];
    visit(tree.left[node], [...path, branchCondition(column, tree.threshold[node], true, missingLeft)]);
    visit(tree.right[node], [...path, branchCondition(column, tree.threshold[node], false, !missingLeft)]);
  };
  visit(0, []);
  return rules;
}
