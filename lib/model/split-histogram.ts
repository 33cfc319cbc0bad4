/**
 * Histogram split finder: features are binned once; each node gets per-feature class-count histograms
 * (the smaller child is counted, the larger one is parent − smaller), and only gaps between non-empty
 * bins are candidates, at the midpoint between the neighbouring bins' training values.
 */
import { binFeatures, type BinnedFeatures } from "./binning";
import { type FeatureSearch, MISSING_ONLY_THRESHOLD, midpoint, type NodeRange, type SplitChoice, type SplitFinder } from "./split-search";

export class HistogramFinder implements SplitFinder {
  private readonly binned: BinnedFeatures;
  /** Where each feature's histogram starts: [negatives, positives] per bin, the missing bin last. */
  private readonly offsets: Int32Array;
  private readonly histogramLength: number;
  private readonly rows: Int32Array;
  private readonly spare: Int32Array;
  /** Histograms of nodes waiting on the stack, keyed by start (pending nodes never share one). */
  private readonly histograms = new Map<number, Int32Array>();
  private readonly pool: Int32Array[] = [];

  constructor(
    columns: readonly Float64Array[],
    private readonly labels: Uint8Array,
    private readonly search: FeatureSearch,
  ) {
    const n = labels.length;
    this.binned = binFeatures(columns, n);
    this.offsets = new Int32Array(columns.length);
    let length = 0;
    this.binned.binCount.forEach((bins, f) => {
      this.offsets[f] = length;
      length += 2 * (bins + 1);
    });
    this.histogramLength = length;
    this.rows = Int32Array.from({ length: n }, (_, i) => i);
    this.spare = new Int32Array(n);
  }

  findSplit(node: NodeRange, choice: SplitChoice): boolean {
    const { start, end, negatives, positives } = node;
    let histogram = this.histograms.get(start);
    // Only the root arrives without one: children's are prepared in partition.
    if (!histogram) this.histograms.set(start, (histogram = this.count(start, end)));
    choice.reset();
    const { binCount, binMin, binMax } = this.binned;
    for (let f = 0; f < binCount.length; f++) {
      const offset = this.offsets[f];
      const bins = binCount[f];
      const m0 = histogram[offset + 2 * bins];
      const m1 = histogram[offset + 2 * bins + 1];
      if (m0 + m1 === end - start) continue;
      this.search.begin(negatives, positives, m0, m1);
      let a0 = 0;
      let a1 = 0;
      let previous = -1;
      for (let b = 0; b < bins; b++) {
        const c0 = histogram[offset + 2 * b];
        const c1 = histogram[offset + 2 * b + 1];
        if (c0 + c1 === 0) continue;
        if (previous >= 0) this.search.boundary(a0, a1, b, previous);
        a0 += c0;
        a1 += c1;
        previous = b;
      }
      this.search.commit(choice, f, bins);
    }
    if (choice.feature < 0) return false;
    const f = choice.feature;
    choice.threshold = choice.missingOnly ? MISSING_ONLY_THRESHOLD : midpoint(binMax[f][choice.previous], binMin[f][choice.position]);
    return true;
  }

  partition(node: NodeRange, choice: SplitChoice, needLeft: boolean, needRight: boolean): void {
    const { start, end } = node;
    const parent = this.histograms.get(start)!;
    this.histograms.delete(start);
    if (!needLeft && !needRight) return void this.pool.push(parent);
    const { codes, binCount } = this.binned;
    const featureCount = binCount.length;
    const f = choice.feature;
    const missingCode = binCount[f];
    const { rows, spare } = this;
    const { position } = choice;
    const missingLeft = choice.missingGoesLeft ? 1 : 0;
    let w = start;
    let q = 0;
    for (let p = start; p < end; p++) {
      const row = rows[p];
      const code = codes[row * featureCount + f];
      const left = code === missingCode ? missingLeft : code < position ? 1 : 0;
      rows[w] = row;
      spare[q] = row;
      w += left;
      q += 1 - left;
    }
    rows.set(spare.subarray(0, q), w);
    // Count the smaller child; the larger one's histogram is the parent's minus it, in place.
    const leftIsSmaller = w - start <= end - w;
    const small = leftIsSmaller ? this.count(start, w) : this.count(w, end);
    for (let i = 0; i < this.histogramLength; i++) parent[i] -= small[i];
    const [left, right] = leftIsSmaller ? [small, parent] : [parent, small];
    this.keep(start, left, needLeft);
    this.keep(w, right, needRight);
  }

  release(node: NodeRange): void {
    const histogram = this.histograms.get(node.start);
    this.histograms.delete(node.start);
    if (histogram) this.pool.push(histogram);
  }

  private keep(start: number, histogram: Int32Array, needed: boolean): void {
    if (needed) this.histograms.set(start, histogram);
    else this.pool.push(histogram);
  }

  private count(start: number, end: number): Int32Array {
    const histogram = this.pool.pop()?.fill(0) ?? new Int32Array(this.histogramLength);
    const { codes } = this.binned;
    const { offsets, rows, labels } = this;
    const featureCount = offsets.length;
    for (let p = start; p < end; p++) {
      const row = rows[p];
      const label = labels[row];
      const base = row * featureCount;
      for (let f = 0; f < featureCount; f++) histogram[offsets[f] + 2 * codes[base + f] + label]++;
    }
    return histogram;
  }
}
