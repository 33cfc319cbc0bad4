/**
 * Scoring. The JSON tree is flattened once into typed arrays (cached per tree object), and each row
 * walks it with the same rule as training: x <= threshold goes left, a missing x follows missingGoesLeft.
 */
import { AppError } from "@/lib/errors";
import { encodedColumns, encodeRows } from "./encoding";
import type { CellRow, EncodedMatrix, ModelJson, TreeJson, UnseenCounts } from "./types";

interface FlatTree {
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  missingLeft: Uint8Array;
  probability: Float64Array;
}

const flattened = new WeakMap<TreeJson, FlatTree>();

function flatten(tree: TreeJson): FlatTree {
  let flat = flattened.get(tree);
  if (!flat) {
    flat = {
      feature: Int32Array.from(tree.feature),
      threshold: Float64Array.from(tree.threshold),
      left: Int32Array.from(tree.left),
      right: Int32Array.from(tree.right),
      missingLeft: Uint8Array.from(tree.missingGoesLeft, Number),
      probability: Float64Array.from(tree.positives, (pos, node) => pos / (pos + tree.negatives[node])),
    };
    flattened.set(tree, flat);
  }
  return flat;
}

/** The leaf (node id) each row of an encoded matrix reaches. */
export function predictLeaves(model: ModelJson, matrix: EncodedMatrix): Int32Array {
  const expected = encodedColumns(model.features).length;
  if (matrix.columns.length !== expected) {
    throw new AppError("shape_mismatch", `The model expects ${expected} encoded columns; got ${matrix.columns.length}.`);
  }
  const { feature, threshold, left, right, missingLeft } = flatten(model.tree);
  const columns = matrix.columns;
  const out = new Int32Array(matrix.rowCount);
  for (let row = 0; row < out.length; row++) {
    let node = 0;
    for (let f = feature[0]; f >= 0; f = feature[node]) {
      const x = columns[f][row];
      const t = threshold[node];
      node = x <= t ? left[node] : x > t ? right[node] : missingLeft[node] ? left[node] : right[node];
    }
    out[row] = node;
  }
  return out;
}

/** P(positive) per row of an encoded matrix (see encodeRows). */
export function predictProba(model: ModelJson, matrix: EncodedMatrix): Float64Array {
  const { probability } = flatten(model.tree);
  const leaves = predictLeaves(model, matrix);
  // A loop, not Float64Array.from(leaves, map), whose generic path is slow for a million rows.
  const result = new Float64Array(leaves.length);
  for (let i = 0; i < leaves.length; i++) result[i] = probability[leaves[i]];
  return result;
}

/** Encodes and scores rows of cell text; unseen categories are counted per feature and value. */
export function predictRows(model: ModelJson, rows: readonly CellRow[]): { probabilities: Float64Array; unseen: UnseenCounts } {
  const { matrix, unseen } = encodeRows(model, rows);
  return { probabilities: predictProba(model, matrix), unseen };
}
