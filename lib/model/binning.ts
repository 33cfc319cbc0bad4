/**
 * Bins features once for the histogram finder. A feature with ≤ MAX_BINS distinct values gets one bin
 * per value (so histogram trees equal exact trees there); otherwise bins hold roughly equal row counts,
 * with edges from the sorted values of at most BIN_SAMPLE_ROWS rows (a seeded sample beyond that;
 * quantiles from 50k values are ample for 256 bins, and sorting every value would dominate training).
 */
import { argsortNaNLast } from "./argsort";
import { BinLookup } from "./bin-lookup";
import { mulberry32 } from "@/lib/random";
import { midpoint } from "./split-search";

export const MAX_BINS = 256;
const BIN_SAMPLE_ROWS = 50_000;

export interface BinnedFeatures {
  /** Row-major bin codes, codes[row * featureCount + f]; code binCount[f] = missing. */
  codes: Uint16Array;
  binCount: Int32Array;
  /** Smallest and largest training value in each bin: thresholds are midpoints between neighbours. */
  binMin: Float64Array[];
  binMax: Float64Array[];
}

export function binFeatures(columns: readonly Float64Array[], rowCount: number): BinnedFeatures {
  const codes = new Uint16Array(rowCount * columns.length);
  const binned: BinnedFeatures = { codes, binCount: new Int32Array(columns.length), binMin: [], binMax: [] };
  columns.forEach((column, f) => {
    let edges = binEdges(sortedSample(column, f));
    let bins = assign(column, f, edges, binned);
    // A sample can miss a rare value of a low-cardinality feature; it then shares a bin: redo from all rows.
    if (column.length > BIN_SAMPLE_ROWS && edges.perValue && bins.min.some((min, bin) => min < bins.max[bin])) {
      edges = binEdges(argsortNaNLast(column).sorted);
      bins = assign(column, f, edges, binned);
    }
    binned.binCount[f] = edges.edges.length + 1;
    binned.binMin.push(bins.min);
    binned.binMax.push(bins.max);
  });
  return binned;
}

/** Writes the feature's codes; returns each bin's smallest and largest value. */
function assign(column: Float64Array, f: number, { edges }: Edges, { codes, binCount }: BinnedFeatures) {
  const featureCount = binCount.length;
  const bins = edges.length + 1;
  const lookup = new BinLookup(edges);
  const min = new Float64Array(bins).fill(Infinity);
  const max = new Float64Array(bins).fill(-Infinity);
  for (let row = 0; row < column.length; row++) {
    const value = column[row];
    let bin = bins;
    if (value === value) {
      bin = lookup.bin(value);
      if (value < min[bin]) min[bin] = value;
      if (value > max[bin]) max[bin] = value;
    }
    codes[row * featureCount + f] = bin;
  }
  return { min, max };
}

interface Edges {
  /** Ascending upper edges between bins (bins − 1 of them). */
  edges: Float64Array;
  /** True when every distinct value got its own bin. */
  perValue: boolean;
}

function binEdges(sorted: Float64Array): Edges {
  const distinct: number[] = [];
  for (let i = 0; i < sorted.length && distinct.length <= MAX_BINS; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]);
  }
  if (distinct.length <= MAX_BINS) {
    return { edges: Float64Array.from(distinct.slice(1), (value, i) => midpoint(distinct[i], value)), perValue: true };
  }
  const edges: number[] = [];
  // Close a bin at the first value that reaches the next 1/MAX_BINS quantile; ties stay together.
  for (let i = 0; i < sorted.length - 1; i++) {
    if (sorted[i + 1] === sorted[i]) continue;
    if (i + 1 >= ((edges.length + 1) * sorted.length) / MAX_BINS) edges.push(midpoint(sorted[i], sorted[i + 1]));
  }
  return { edges: Float64Array.from(edges), perValue: false };
}

/**
 * The present values, or for larger columns a seeded stratified sample (one random row from each of
 * BIN_SAMPLE_ROWS equal slices, so ordered data is covered evenly and reads move forward), sorted.
 */
function sortedSample(column: Float64Array, feature: number): Float64Array {
  if (column.length <= BIN_SAMPLE_ROWS) return argsortNaNLast(column).sorted;
  const random = mulberry32(0x5eed + feature);
  const slice = column.length / BIN_SAMPLE_ROWS;
  const sample = new Float64Array(BIN_SAMPLE_ROWS);
  for (let i = 0; i < BIN_SAMPLE_ROWS; i++) sample[i] = column[Math.floor((i + random()) * slice)];
  return argsortNaNLast(sample).sorted;
}
