/**
 * Impurity-based importance (scikit-learn's feature_importances_): each split adds
 * N_t·I_t − N_L·I_L − N_R·I_R to its column; totals are normalised to sum to 1 (all 0 for a single leaf).
 */
import { encodedColumns } from "./encoding";
import type { ModelJson, TreeJson } from "./types";

export interface FeatureImportance {
  feature: string;
  importance: number;
}

/** Importance per encoded column. */
export function columnImportance(tree: TreeJson, columnCount: number): Float64Array {
  const importance = new Float64Array(columnCount);
  const rows = (node: number) => tree.negatives[node] + tree.positives[node];
  tree.feature.forEach((column, node) => {
    if (column < 0) return;
    const left = tree.left[node];
    const right = tree.right[node];
    importance[column] +=
      rows(node) * tree.impurity[node] - rows(left) * tree.impurity[left] - rows(right) * tree.impurity[right];
  });
  const total = importance.reduce((sum, value) => sum + value / rows(0), 0);
  return total > 0 ? importance.map((value) => value / rows(0) / total) : importance;
}

/** Importance per original feature (one-hot columns summed), largest first, ties in feature order. */
export function featureImportance(model: ModelJson): FeatureImportance[] {
  const columns = encodedColumns(model.features);
  const perColumn = columnImportance(model.tree, columns.length);
  const totals = new Map(model.features.map((feature) => [feature.name, 0]));
  columns.forEach((column, i) => totals.set(column.feature, totals.get(column.feature)! + perColumn[i]));
  return [...totals].map(([feature, importance]) => ({ feature, importance })).sort((a, b) => b.importance - a.importance);
}
