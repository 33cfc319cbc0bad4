/**
 * A tiny seeded PRNG, so bootstrap intervals and permutation importances are reproducible run to run
 * and can be replayed outside JavaScript (fixtures/generate.py has a bit-exact port).
 */

/** mulberry32: 32-bit state, uniform floats in [0, 1). Good enough for resampling, not for crypto. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in [0, n). */
export function randomIndex(random: () => number, n: number): number {
  return Math.floor(random() * n);
}

/** A uniformly random permutation of 0..n-1 (Fisher–Yates, drawing from the end). */
export function permutation(random: () => number, n: number): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = randomIndex(random, i + 1);
    const swap = order[i];
    order[i] = order[j];
    order[j] = swap;
  }
  return order;
}
