/** Fast "which bin" for the histogram finder's binning pass (tens of millions of calls). */
const GRID_CELLS = 4096;

/**
 * value → number of edges below it (x <= edge stays in the lower bin, as in a split). A uniform grid
 * over the edges' range narrows each binary search to the edges near one cell, usually one or two.
 * A class rather than a closure so the hot call site stays monomorphic and inlinable.
 */
export class BinLookup {
  private readonly low: number;
  private readonly scale: number;
  /** below[c] = edges below the start of cell c. */
  private readonly below = new Int32Array(GRID_CELLS + 2);

  constructor(private readonly edges: Float64Array) {
    const last = edges.length - 1;
    this.low = last < 0 ? 0 : edges[0];
    this.scale = last < 0 ? 1 : GRID_CELLS / (edges[last] - this.low || 1);
    for (let c = 0, e = 0; c < this.below.length; c++) {
      while (e <= last && edges[e] < this.low + c / this.scale) e++;
      this.below[c] = e;
    }
  }

  bin(value: number): number {
    const { edges, below } = this;
    const last = edges.length - 1;
    if (last < 0 || value <= this.low) return 0;
    if (value > edges[last]) return last + 1;
    const cell = Math.min(Math.floor((value - this.low) * this.scale), GRID_CELLS);
    // One cell of slack either side absorbs rounding in the cell computation.
    let lo = cell > 0 ? below[cell - 1] : 0;
    let hi = below[Math.min(cell + 2, GRID_CELLS + 1)];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (edges[mid] < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
