/**
 * The reasons shown with a score, worked out once per leaf rather than once per customer: along the
 * leaf's path, each split moved P(positive) from the parent's rate to the child's; the reasons are the
 * conditions that moved it most in the direction of the final score (up for customers above the base
 * rate, down for those below), in the data dictionary's words where it has some.
 */
import { branchCondition, describeConditions, type Condition } from "@/lib/model/conditions";
import { encodedColumns } from "@/lib/model/encoding";
import type { ModelJson } from "@/lib/model";

const MAX_REASONS = 3;

export function leafReasons(model: ModelJson, descriptions: ReadonlyMap<string, string>): Map<number, string[]> {
  const { tree } = model;
  const columns = encodedColumns(model.features);
  const rate = (node: number) => tree.positives[node] / (tree.positives[node] + tree.negatives[node]);
  const baseRate = rate(0);
  const reasons = new Map<number, string[]>();
  const visit = (node: number, path: { condition: Condition; delta: number }[]): void => {
    if (tree.feature[node] < 0) {
      const up = rate(node) >= baseRate;
      const ranked = path
        .filter((step) => (up ? step.delta > 0 : step.delta < 0))
        .sort((a, b) => (up ? b.delta - a.delta : a.delta - b.delta))
        .slice(0, MAX_REASONS);
      reasons.set(node, ranked.map(({ condition }) => words(condition, descriptions)));
      return;
    }
    const column = columns[tree.feature[node]];
    const missingLeft = tree.missingGoesLeft[node];
    for (const [child, goesLeft] of [[tree.left[node], true], [tree.right[node], false]] as const) {
      const condition = branchCondition(column, tree.threshold[node], goesLeft, goesLeft === missingLeft);
      visit(child, [...path, { condition, delta: rate(child) - rate(node) }]);
    }
  };
  visit(0, []);
  return reasons;
}

function words(condition: Condition, descriptions: ReadonlyMap<string, string>): string {
  const text = describeConditions([condition]);
  const description = descriptions.get(condition.feature);
  return description ? `${text} (${description})` : text;
}
