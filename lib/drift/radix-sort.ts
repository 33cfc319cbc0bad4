/**
 * Ascending sort of finite doubles by LSD radix on the IEEE-754 bits. Node 20's
 * TypedArray#sort takes 0.3–0.6 s for 1M doubles, which alone would break the drift time budget;
 * four 16-bit passes take tens of milliseconds. Order matches TypedArray#sort (−0 before +0).
 */
const SMALL = 1024;
const BITS = 16;
const RADIX = 1 << BITS;
const MASK = RADIX - 1;

// Scratch space kept between calls: a drift run sorts one 1M-row column after another, and fresh 8 MB
// buffers each time mostly feed the garbage collector.
let scratch = new Float64Array(0);
const counts = new Uint32Array(4 * RADIX);

/** Digit `pass` (0 = least significant) of the order-preserving key of the double with words (lo, hi). */
function digit(lo: number, hi: number, pass: number): number {
  // Negatives get every bit flipped, positives only the sign bit: unsigned key order = numeric order.
  const m = hi >> 31;
  const word = pass < 2 ? lo ^ m : hi ^ (m | 0x80000000);
  return (pass % 2 === 0 ? word : word >>> BITS) & MASK;
}

/**
 * The finite values of `values`, sorted ascending, and how many were dropped (NaN, ±Infinity). Copying
 * and histogramming share one pass over the input.
 */
export function sortedFinite(values: ArrayLike<number>): { sorted: Float64Array; missing: number } {
  const out = new Float64Array(values.length);
  const words = new Uint32Array(out.buffer);
  const large = values.length >= SMALL;
  if (large) counts.fill(0);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    out[n] = v;
    if (large) {
      const lo = words[2 * n];
      const hi = words[2 * n + 1];
      for (let pass = 0; pass < 4; pass++) counts[pass * RADIX + digit(lo, hi, pass)]++;
    }
    n++;
  }
  const sorted = out.subarray(0, n);
  if (n < SMALL) sorted.sort();
  else radixPasses(sorted);
  return { sorted, missing: values.length - n };
}

/** The scatter passes, given the digit histograms of `values` in `counts`. */
function radixPasses(values: Float64Array): void {
  const n = values.length;
  if (scratch.length < n) scratch = new Float64Array(n);
  let src: Float64Array = values;
  let dst: Float64Array = scratch.subarray(0, n);
  let srcWords: Uint32Array = new Uint32Array(src.buffer, src.byteOffset, 2 * n);
  let dstWords: Uint32Array = new Uint32Array(dst.buffer, dst.byteOffset, 2 * n);
  for (let pass = 0; pass < 4; pass++) {
    const base = pass * RADIX;
    // A digit that every key shares leaves the order unchanged: skip the pass.
    if (counts[base + digit(srcWords[0], srcWords[1], pass)] === n) continue;
    let sum = 0;
    for (let d = 0; d < RADIX; d++) {
      const c = counts[base + d];
      counts[base + d] = sum;
      sum += c;
    }
    // digit() inlined with the pass fixed: this loop is most of the sort's time.
    const shift = pass % 2 === 0 ? 0 : BITS;
    if (pass < 2) {
      for (let i = 0; i < n; i++) {
        const key = srcWords[2 * i] ^ (srcWords[2 * i + 1] >> 31);
        dst[counts[base + ((key >>> shift) & MASK)]++] = src[i];
      }
    } else {
      for (let i = 0; i < n; i++) {
        const hi = srcWords[2 * i + 1];
        const key = hi ^ ((hi >> 31) | 0x80000000);
        dst[counts[base + ((key >>> shift) & MASK)]++] = src[i];
      }
    }
    [src, dst] = [dst, src];
    [srcWords, dstWords] = [dstWords, srcWords];
  }
  if (src !== values) values.set(src);
}
