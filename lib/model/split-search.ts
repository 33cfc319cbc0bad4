/**
 * The candidate search shared by both split finders, so they rank, filter and break ties identically
 * (which is what makes the histogram tree equal the exact tree when every value has its own bin).
 *
 * Tie rule: a candidate replaces the best only when its proxy is strictly larger, and candidates are
 * offered in a fixed order — features in column order; within a feature first every threshold with
 * missing rows sent right (lowest threshold first), then every threshold with missing rows sent left,
 * then the "present left, missing right" split. So the first feature, then the lowest threshold wins.
 */
import type { SplitProxy } from "./impurity";

/** A node's rows: positions [start, end) in the finder's arrays, and its class counts. */
export interface NodeRange {
  start: number;
  end: number;
  negatives: number;
  positives: number;
}

export interface SplitFinder {
  /** Fills `choice` with the node's best split; false when no split satisfies minSamplesLeaf. */
  findSplit(node: NodeRange, choice: SplitChoice): boolean;
  /** Reorders the node's rows so the left child's come first; prepares the children that will be split. */
  partition(node: NodeRange, choice: SplitChoice, needLeft: boolean, needRight: boolean): void;
  /** Frees per-node state of a node that became a leaf after findSplit. */
  release(node: NodeRange): void;
}

/** x <= threshold separates a from b (a < b) like scikit-learn: the midpoint, or a when it rounds to b. */
export function midpoint(a: number, b: number): number {
  const t = a / 2 + b / 2;
  return t === b || !Number.isFinite(t) ? a : t;
}

/** Threshold of the "present left, missing right" split: every finite value is <= it; JSON-safe. */
export const MISSING_ONLY_THRESHOLD = Number.MAX_VALUE;

export class SplitChoice {
  proxy = -Infinity;
  feature = -1;
  /** Finder-specific: first sorted position (exact) or bin (histogram) that goes right. */
  position = 0;
  /** Finder-specific: last position or non-empty bin that goes left (−1 for a missing-only split). */
  previous = 0;
  missingOnly = false;
  missingGoesLeft = false;
  /** Rows of the node missing this feature. */
  nodeMissing = 0;
  leftNeg = 0;
  leftPos = 0;
  threshold = 0;

  reset(): void {
    this.proxy = -Infinity;
    this.feature = -1;
  }
}

class Candidate {
  proxy = -Infinity;
  position = 0;
  previous = 0;
  leftNeg = 0;
  leftPos = 0;

  offer(proxy: number, position: number, previous: number, leftNeg: number, leftPos: number): void {
    if (proxy > this.proxy) {
      this.proxy = proxy;
      this.position = position;
      this.previous = previous;
      this.leftNeg = leftNeg;
      this.leftPos = leftPos;
    }
  }
}

/** Best candidates for one feature of one node; a finder calls begin, boundary for each gap, commit. */
export class FeatureSearch {
  private readonly missingRight = new Candidate();
  private readonly missingLeft = new Candidate();
  private readonly missingOnly = new Candidate();
  private n0 = 0;
  private n1 = 0;
  private m0 = 0;
  private m1 = 0;

  constructor(
    private readonly proxy: SplitProxy,
    private readonly minLeaf: number,
  ) {}

  begin(negatives: number, positives: number, missingNeg: number, missingPos: number): void {
    this.n0 = negatives;
    this.n1 = positives;
    this.m0 = missingNeg;
    this.m1 = missingPos;
    this.missingRight.proxy = this.missingLeft.proxy = this.missingOnly.proxy = -Infinity;
  }

  /** A gap between two distinct present values, with (a0, a1) present rows of each class before it. */
  boundary(a0: number, a1: number, position: number, previous: number): void {
    const { n0, n1, m0, m1, minLeaf } = this;
    const size = n0 + n1;
    const left = a0 + a1;
    if (left >= minLeaf && size - left >= minLeaf) {
      this.missingRight.offer(this.proxy(a0, a1, n0 - a0, n1 - a1), position, previous, a0, a1);
    }
    const missing = m0 + m1;
    if (missing > 0 && left + missing >= minLeaf && size - left - missing >= minLeaf) {
      this.missingLeft.offer(this.proxy(a0 + m0, a1 + m1, n0 - a0 - m0, n1 - a1 - m1), position, previous, a0 + m0, a1 + m1);
    }
  }

  /** Adds the missing-only split (position = where missing rows start), then offers the bests to `choice`. */
  commit(choice: SplitChoice, feature: number, missingPosition: number): void {
    const { n0, n1, m0, m1, minLeaf } = this;
    const missing = m0 + m1;
    const present = n0 + n1 - missing;
    if (missing >= minLeaf && present >= minLeaf) {
      this.missingOnly.offer(this.proxy(n0 - m0, n1 - m1, m0, m1), missingPosition, -1, n0 - m0, n1 - m1);
    }
    this.take(choice, this.missingRight, feature, false, false);
    this.take(choice, this.missingLeft, feature, true, false);
    this.take(choice, this.missingOnly, feature, false, true);
  }

  private take(choice: SplitChoice, best: Candidate, feature: number, missingLeft: boolean, missingOnly: boolean): void {
    if (!(best.proxy > choice.proxy)) return;
    const missing = this.m0 + this.m1;
    const leftRows = best.leftNeg + best.leftPos;
    choice.proxy = best.proxy;
    choice.feature = feature;
    choice.position = best.position;
    choice.previous = best.previous;
    choice.missingOnly = missingOnly;
    // Without missing rows here, a missing value at scoring time follows the majority (ties go right).
    choice.missingGoesLeft = missing > 0 ? missingLeft : leftRows > this.n0 + this.n1 - leftRows;
    choice.nodeMissing = missing;
    choice.leftNeg = best.leftNeg;
    choice.leftPos = best.leftPos;
  }
}
