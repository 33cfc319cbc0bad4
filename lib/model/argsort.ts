/**
 * Stable argsort of a Float64Array: LSD radix sort over order-preserving 64-bit keys, 16 bits per pass,
 * skipping passes whose digit is the same for every row (the low bits of integer-valued data). Linear
 * time, several times faster than a comparison sort of row indices at a million rows, and it hands back
 * the sorted values too, so callers never gather values through the permutation (cache misses).
 */

export interface SortedColumn {
  /** Row indices by ascending value (ties in row order), then the NaN rows in row order. */
  order: Int32Array;
  /** The present values, ascending (-0 reads as 0). */
  sorted: Float64Array;
}

export function argsortNaNLast(values: Float64Array): SortedColumn {
  const n = values.length;
  // The IEEE-754 bits of a double, read as two little-endian 32-bit words (lo, hi).
  const words = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  let hi = new Uint32Array(n);
  let lo = new Uint32Array(n);
  let idx = new Int32Array(n);
  const order = new Int32Array(n);
  let present = 0;
  let missing = n;
  for (let i = n - 1; i >= 0; i--) {
    if (values[i] !== values[i]) order[--missing] = i;
  }
  for (let i = 0; i < n; i++) {
    const value = values[i];
    if (value !== value) continue;
    let h = value === 0 ? 0 : words[2 * i + 1];
    let l = value === 0 ? 0 : words[2 * i];
    // Flip negatives entirely and set the sign bit of positives, so unsigned order = numeric order.
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else {
      h = (h | 0x80000000) >>> 0;
    }
    hi[present] = h;
    lo[present] = l;
    idx[present] = i;
    present++;
  }
  let hi2 = new Uint32Array(present);
  let lo2 = new Uint32Array(present);
  let idx2 = new Int32Array(present);
  const counts = new Int32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const shift = (pass & 1) * 16;
    const source = pass < 2 ? lo : hi;
    counts.fill(0);
    for (let i = 0; i < present; i++) counts[(source[i] >>> shift) & 0xffff]++;
    if (present === 0 || counts[(source[0] >>> shift) & 0xffff] === present) continue;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < present; i++) {
      const j = counts[(source[i] >>> shift) & 0xffff]++;
      hi2[j] = hi[i];
      lo2[j] = lo[i];
      idx2[j] = idx[i];
    }
    [hi, hi2] = [hi2, hi];
    [lo, lo2] = [lo2, lo];
    [idx, idx2] = [idx2, idx];
  }
  order.set(idx.subarray(0, present));
  return { order, sorted: decode(hi, lo, present) };
}

/** Undoes the key transform: the sorted doubles, read sequentially from the sorted keys. */
function decode(hi: Uint32Array, lo: Uint32Array, present: number): Float64Array {
  const sorted = new Float64Array(present);
  const words = new Uint32Array(sorted.buffer);
  for (let i = 0; i < present; i++) {
    const h = hi[i];
    const positive = (h & 0x80000000) !== 0;
    words[2 * i + 1] = positive ? (h ^ 0x80000000) >>> 0 : ~h >>> 0;
    words[2 * i] = positive ? lo[i] : ~lo[i] >>> 0;
  }
  return sorted;
}
