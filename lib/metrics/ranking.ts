/**
 * The one sort behind every ranking metric. Scores are split by label and each half is sorted natively
 * (a typed-array sort without a comparator, which is what keeps 1M rows fast), then the two halves are
 * merged from the top into tie groups: one group per distinct score, highest first, with how many
 * positives and negatives share it. That is sklearn's `_binary_clf_curve` before its cumulative sum, and
 * ties can never be split, because a group is all the rows with one score.
 */

export interface ScoreGroups {
  /** Distinct scores, descending. */
  scores: Float64Array;
  /** Positives and negatives per group; floats so bootstrap resamples can reuse the groups as counts. */
  pos: Float64Array;
  neg: Float64Array;
  positives: number;
  negatives: number;
}

export function scoreGroups(y: Uint8Array, p: Float64Array): ScoreGroups {
  let positives = 0;
  for (let i = 0; i < y.length; i++) positives += y[i];
  const posScores = new Float64Array(positives);
  const negScores = new Float64Array(y.length - positives);
  for (let i = 0, a = 0, b = 0; i < y.length; i++) {
    if (y[i] === 1) posScores[a++] = p[i];
    else negScores[b++] = p[i];
  }
  posScores.sort();
  negScores.sort();

  const scores = new Float64Array(y.length);
  const pos = new Float64Array(y.length);
  const neg = new Float64Array(y.length);
  let g = 0;
  for (let i = posScores.length - 1, j = negScores.length - 1; i >= 0 || j >= 0; g++) {
    const score = Math.max(i >= 0 ? posScores[i] : -Infinity, j >= 0 ? negScores[j] : -Infinity);
    let dp = 0;
    let dn = 0;
    while (i >= 0 && posScores[i] === score) {
      dp++;
      i--;
    }
    while (j >= 0 && negScores[j] === score) {
      dn++;
      j--;
    }
    scores[g] = score;
    pos[g] = dp;
    neg[g] = dn;
  }
  return {
    scores: scores.subarray(0, g),
    pos: pos.subarray(0, g),
    neg: neg.subarray(0, g),
    positives,
    negatives: y.length - positives,
  };
}

/** For each row, the index of its tie group (binary search in the descending distinct scores). */
export function groupOfRows(p: Float64Array, scores: Float64Array): Uint32Array {
  const group = new Uint32Array(p.length);
  for (let i = 0; i < p.length; i++) {
    let lo = 0;
    let hi = scores.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (scores[mid] > p[i]) lo = mid + 1;
      else hi = mid;
    }
    group[i] = lo;
  }
  return group;
}

/** Groups with every count set to 0, same scores: the bootstrap refills the counts per resample. */
export function emptyLike(groups: ScoreGroups): ScoreGroups {
  const size = groups.scores.length;
  const [pos, neg] = [new Float64Array(size), new Float64Array(size)];
  return { scores: groups.scores, pos, neg, positives: 0, negatives: 0 };
}
