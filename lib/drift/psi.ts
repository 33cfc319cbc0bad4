/**
 * Bin-based divergences between a reference and a current distribution over the same bins
 * (DESIGN.md "PSI" and "Jensen–Shannon"). Inputs are proportions; they are used as given.
 */

/** Stand-in for an empty bin: ln(x/0) is infinite, and the contract fixes this floor on either side. */
export const PSI_FLOOR = 1e-4;

/** PSI = Σ (cur − ref)·ln(cur/ref), each zero proportion replaced by 1e-4, with no renormalisation. */
export function psi(reference: readonly number[], current: readonly number[]): number {
  assertSameLength(reference, current);
  let total = 0;
  for (let i = 0; i < reference.length; i++) {
    const r = reference[i] === 0 ? PSI_FLOOR : reference[i];
    const c = current[i] === 0 ? PSI_FLOOR : current[i];
    total += (c - r) * Math.log(c / r);
  }
  return total;
}

/**
 * Jensen–Shannon distance, base 2: sqrt(½·KL(P‖M) + ½·KL(Q‖M)) with M = (P + Q)/2 and 0·log 0 = 0, so
 * a bin empty on one side contributes a finite amount instead of NaN. Lies in [0, 1].
 */
export function jsDistance(p: readonly number[], q: readonly number[]): number {
  assertSameLength(p, q);
  let divergence = 0;
  for (let i = 0; i < p.length; i++) {
    const m = (p[i] + q[i]) / 2;
    if (p[i] > 0) divergence += p[i] * Math.log2(p[i] / m);
    if (q[i] > 0) divergence += q[i] * Math.log2(q[i] / m);
  }
  // Rounding can leave a tiny negative divergence for identical inputs.
  return Math.sqrt(Math.max(0, divergence / 2));
}

function assertSameLength(a: readonly number[], b: readonly number[]): void {
  if (a.length !== b.length) throw new RangeError(`bin counts differ: ${a.length} vs ${b.length}`);
}
