/**
 * Impurity as scikit-learn computes it (same formulas, same operation order, so stored impurities and
 * the min_impurity_decrease test agree with it bit for bit). Entropy is in bits, as in scikit-learn.
 */
import type { Criterion } from "./types";

export function nodeImpurity(criterion: Criterion, negatives: number, positives: number): number {
  const n = negatives + positives;
  if (criterion === "gini") return 1.0 - (negatives * negatives + positives * positives) / (n * n);
  let entropy = 0.0;
  for (const count of [negatives, positives]) {
    if (count > 0) {
      const p = count / n;
      entropy -= p * (Math.log(p) / Math.LN2);
    }
  }
  return entropy;
}

/** scikit-learn's impurity_improvement: the weighted decrease that min_impurity_decrease is compared with. */
export function impurityImprovement(
  totalRows: number,
  nodeRows: number,
  impurity: number,
  leftRows: number,
  leftImpurity: number,
  rightRows: number,
  rightImpurity: number,
): number {
  return (nodeRows / totalRows) * (impurity - (rightRows / nodeRows) * rightImpurity - (leftRows / nodeRows) * leftImpurity);
}

/**
 * Ranks candidate splits of one node: larger is better. It equals −(N_L·I_L + N_R·I_R) up to a constant,
 * which is all the search needs (scikit-learn's proxy_impurity_improvement), without per-candidate logs.
 */
export type SplitProxy = (leftNeg: number, leftPos: number, rightNeg: number, rightPos: number) => number;

export function makeProxy(criterion: Criterion, maxCount: number): SplitProxy {
  if (criterion === "gini") {
    return (l0, l1, r0, r1) => (l0 * l0 + l1 * l1) / (l0 + l1) + (r0 * r0 + r1 * r1) / (r0 + r1);
  }
  // n·H(counts) = n·log2 n − Σ c·log2 c, so a table of c·log2 c turns entropy into lookups.
  const xlog = new Float64Array(maxCount + 1);
  for (let c = 1; c <= maxCount; c++) xlog[c] = c * Math.log2(c);
  return (l0, l1, r0, r1) => xlog[l0] + xlog[l1] - xlog[l0 + l1] + xlog[r0] + xlog[r1] - xlog[r0 + r1];
}
