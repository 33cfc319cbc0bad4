/**
 * The decision path of one row: one structured condition per split passed, and readable text (see
 * conditions.ts), e.g. "tenure <= 5.5 and Contract = Month-to-month and InternetService = Fiber optic".
 * A missing value shows as "… is missing" wherever the row was routed by missingGoesLeft.
 */
import { branchCondition, type Condition, describeConditions } from "./conditions";
import { encodedColumns, encodeRows } from "./encoding";
import type { CellRow, ModelJson } from "./types";

export interface Explanation {
  /** P(positive) at the leaf reached. */
  probability: number;
  leaf: number;
  conditions: Condition[];
  text: string;
}

export function explain(model: ModelJson, row: CellRow): Explanation {
  const { matrix } = encodeRows(model, [row]);
  const columns = encodedColumns(model.features);
  const { tree } = model;
  const conditions: Condition[] = [];
  let node = 0;
  while (tree.feature[node] >= 0) {
    const column = columns[tree.feature[node]];
    const x = matrix.columns[tree.feature[node]][0];
    if (Number.isNaN(x)) {
      conditions.push({ feature: column.feature, kind: "missing", op: "is missing" });
      node = tree.missingGoesLeft[node] ? tree.left[node] : tree.right[node];
    } else {
      const goesLeft = x <= tree.threshold[node];
      conditions.push(branchCondition(column, tree.threshold[node], goesLeft, false));
      node = goesLeft ? tree.left[node] : tree.right[node];
    }
  }
  const probability = tree.positives[node] / (tree.positives[node] + tree.negatives[node]);
  return { probability, leaf: node, conditions, text: describeConditions(conditions) };
}
