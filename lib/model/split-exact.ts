/**
 * Exact split finder: every feature is sorted once; each node's rows stay contiguous and sorted in
 * every feature's arrays (stable partition after each split), so a node is scanned linearly with
 * running class counts and every midpoint between consecutive distinct values is a candidate.
 */
import { argsortNaNLast } from "./argsort";
import { type FeatureSearch, MISSING_ONLY_THRESHOLD, midpoint, type NodeRange, type SplitChoice, type SplitFinder } from "./split-search";

export class ExactFinder implements SplitFinder {
  /** Per feature: rank << 1 | label, in node-then-value order; missing rows rank after every value. */
  private readonly keys: Int32Array[] = [];
  /** Per feature: the row id at each position of `keys`. */
  private readonly order: Int32Array[] = [];
  /** Per feature: distinct present values ascending (rank → value). */
  private readonly values: Float64Array[] = [];
  private readonly goesLeft: Uint8Array;
  private readonly spareKeys: Int32Array;
  private readonly spareOrder: Int32Array;

  constructor(
    columns: readonly Float64Array[],
    labels: Uint8Array,
    private readonly search: FeatureSearch,
  ) {
    const n = labels.length;
    for (const column of columns) {
      const { order, sorted } = argsortNaNLast(column);
      const keys = new Int32Array(n);
      const distinct = new Float64Array(sorted.length);
      let rank = -1;
      let previous = NaN;
      for (let p = 0; p < sorted.length; p++) {
        if (sorted[p] !== previous) distinct[++rank] = previous = sorted[p];
        keys[p] = (rank << 1) | labels[order[p]];
      }
      for (let p = sorted.length; p < n; p++) keys[p] = ((rank + 1) << 1) | labels[order[p]];
      this.keys.push(keys);
      this.order.push(order);
      this.values.push(distinct.slice(0, rank + 1));
    }
    this.goesLeft = new Uint8Array(n);
    this.spareKeys = new Int32Array(n);
    this.spareOrder = new Int32Array(n);
  }

  findSplit(node: NodeRange, choice: SplitChoice): boolean {
    const { start, end, negatives, positives } = node;
    choice.reset();
    for (let f = 0; f < this.keys.length; f++) {
      const keys = this.keys[f];
      const present = firstMissing(keys, start, end, this.values[f].length << 1);
      let m1 = 0;
      for (let p = present; p < end; p++) m1 += keys[p] & 1;
      const missing = end - present;
      // Nothing to split on: all missing, or one value and nothing missing.
      if (present === start || (missing === 0 && keys[start] >> 1 === keys[end - 1] >> 1)) continue;
      this.search.begin(negatives, positives, missing - m1, m1);
      let a1 = 0;
      let rank = keys[start] >> 1;
      for (let p = start; p < present; p++) {
        const key = keys[p];
        if (key >> 1 !== rank) {
          this.search.boundary(p - start - a1, a1, p, p - 1);
          rank = key >> 1;
        }
        a1 += key & 1;
      }
      this.search.commit(choice, f, present);
    }
    if (choice.feature < 0) return false;
    const keys = this.keys[choice.feature];
    const values = this.values[choice.feature];
    choice.threshold = choice.missingOnly
      ? MISSING_ONLY_THRESHOLD
      : midpoint(values[keys[choice.previous] >> 1], values[keys[choice.position] >> 1]);
    return true;
  }

  partition(node: NodeRange, choice: SplitChoice, needLeft: boolean, needRight: boolean): void {
    if (!needLeft && !needRight) return;
    const { start, end } = node;
    const order = this.order[choice.feature];
    const present = end - choice.nodeMissing;
    const goesLeft = this.goesLeft;
    for (let p = start; p < choice.position; p++) goesLeft[order[p]] = 1;
    for (let p = choice.position; p < present; p++) goesLeft[order[p]] = 0;
    const missingSide = choice.missingGoesLeft ? 1 : 0;
    for (let p = present; p < end; p++) goesLeft[order[p]] = missingSide;
    for (let f = 0; f < this.keys.length; f++) this.stablePartition(this.keys[f], this.order[f], start, end);
  }

  /** Nothing to free: this finder keeps no per-node state. */
  release(): void {}

  /** Left rows keep their order in place; right rows go through the spare arrays (branch-free). */
  private stablePartition(keys: Int32Array, order: Int32Array, start: number, end: number): void {
    const { goesLeft, spareKeys, spareOrder } = this;
    let w = start;
    let q = 0;
    for (let p = start; p < end; p++) {
      const row = order[p];
      const key = keys[p];
      const left = goesLeft[row];
      order[w] = row;
      keys[w] = key;
      spareOrder[q] = row;
      spareKeys[q] = key;
      w += left;
      q += 1 - left;
    }
    order.set(spareOrder.subarray(0, q), w);
    keys.set(spareKeys.subarray(0, q), w);
  }
}

/** First position in [start, end) whose key is a missing row's (keys are sorted by rank within a node). */
function firstMissing(keys: Int32Array, start: number, end: number, missingKey: number): number {
  if (end === start || keys[end - 1] < missingKey) return end;
  let lo = start;
  let hi = end - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < missingKey) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
