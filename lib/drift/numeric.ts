/** Small integer helpers that must behave exactly as numpy/Python do for the ported algorithms. */

/** numpy's np.round: halves go to the even neighbour (Math.round would send 2.5 to 3, not 2). */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Clamp to [0, 1], as scipy's np.clip(prob, 0, 1) on every p-value. */
export function clip01(p: number): number {
  return Math.min(1, Math.max(0, p));
}

export function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** Dekker's split of a double into two halves whose products are exact. */
function split(a: number): [number, number] {
  const c = 134217729 * a;
  const hi = c - (c - a);
  return [hi, a - hi];
}

/**
 * floor(n·x) and the fractional part of the exact product (as scipy's double-double modNX): n·x rounded
 * to a double can land on an integer (10 × 0.7 → 7) when the true product is just below it.
 */
export function floorProduct(n: number, x: number): { floor: number; frac: number } {
  const p = n * x;
  const [nh, nl] = split(n);
  const [xh, xl] = split(x);
  const err = nh * xh - p + nh * xl + nl * xh + nl * xl;
  let floor = Math.floor(p);
  if (p === floor && err < 0) floor -= 1;
  let frac = p - floor + err;
  // A remainder that rounds to 1 is carried into the integer part, as scipy does.
  if (frac >= 1) (floor += 1), (frac = 0);
  return { floor, frac };
}
