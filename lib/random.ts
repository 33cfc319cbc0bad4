/**
 * Seeded randomness shared by splits, bootstrap intervals and permutation importance: the same seed gives
 * the same sequence on every platform, so a recorded seed replays a split or an interval exactly (the
 * metric fixtures' generator has a bit-exact Python port).
 */

/** mulberry32: 32-bit state, uniform floats in [0, 1). Fast and small; not for cryptography. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in [0, n). */
export function randomIndex(random: () => number, n: number): number {
  return Math.floor(random() * n);
}

/** Fisher–Yates shuffle in place, drawing from the end; returns the same array. */
export function shuffleInPlace<T extends { length: number; [index: number]: unknown }>(items: T, random: () => number): T {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomIndex(random, i + 1);
    const swap = items[i];
    items[i] = items[j];
    items[j] = swap;
  }
  return items;
}

/** A uniformly random permutation of 0..n-1. */
export function permutation(random: () => number, n: number): Uint32Array {
  return shuffleInPlace(Uint32Array.from({ length: n }, (_, i) => i), random);
}
