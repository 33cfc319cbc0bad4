/**
 * Exact two-sample KS p-values, ported from scipy 1.10 (`_compute_prob_outside_square`,
 * `_compute_outer_prob_inside_method`, `_count_paths_outside_method`, `_attempt_exact_2kssamp`) so that
 * the "exact when max(n, m) ≤ 10,000" contract gives scipy's numbers, including when it gives up.
 */
import { logGamma } from "./gamma";
import { roundHalfEven } from "./numeric";

export type KsAlternative = "two-sided" | "less" | "greater";

/** Pr(D_{n,n} ≥ h/n) via a Horner-like alternating sum that avoids subtractive cancellation. */
export function computeProbOutsideSquare(n: number, h: number): number {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    p = p1 * (1 - p);
  }
  return 2 * p;
}

/**
 * Share of lattice paths (0,0)→(m,n) that leave the band |x/m − y/n| < h/lcm, computed as 1 − p directly
 * (Viehmann's recursion) over a sliding window of one column, so nothing overflows.
 */
export function computeOuterProbInsideMethod(m0: number, n0: number, g: number, h: number): number {
  const [m, n] = m0 < n0 ? [n0, m0] : [m0, n0];
  const mg = m / g;
  const ng = n / g;
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const a = new Float64Array(Math.min(2 * maxj + 2, n + 1)).fill(1);
  a.fill(0, minj, maxj);
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let val = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      val = (a[jj + minj - lastminj] * i + val * j) / (i + j);
      a[jj] = val;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) a.fill(1, maxj - minj, maxj - minj + (lastlen - curlen));
  }
  return a[maxj - minj - 1];
}

/** Number of lattice paths (0,0)→(m,n) reaching m·y ≤ n·x − h·g (Hodges); may overflow to Infinity. */
function countPathsOutsideMethod(m0: number, n0: number, g: number, h: number): number {
  const [m, n] = m0 < n0 ? [n0, m0] : [m0, n0];
  const mg = m / g;
  const ng = n / g;
  const lxj = n + Math.floor((mg - h) / mg);
  if (lxj <= 0) return binom(m + n, n);
  const xj = Array.from({ length: lxj }, (_, j) => Math.floor((h + mg * j + ng - 1) / ng));
  const b = new Float64Array(lxj);
  b[0] = 1;
  for (let j = 1; j < lxj; j++) {
    let bj = binom(xj[j] + j, j);
    for (let i = 0; i < j; i++) bj -= binom(xj[j] - xj[i] + j - i, j - i) * b[i];
    b[j] = bj;
  }
  let paths = 0;
  for (let j = 0; j < lxj; j++) paths += b[j] * binom(m - xj[j] + (n - j), n - j);
  return paths;
}

/**
 * scipy.special.binom for integer arguments: the multiplicative formula when the (symmetry-reduced) k is
 * below 20, as scipy does, otherwise via log-gamma (relative error ~1e-13).
 */
function binom(n: number, k: number): number {
  if (k > n / 2 && n > 0) k = n - k;
  if (k < 0) return 0;
  if (k < 20) {
    let num = 1;
    let den = 1;
    for (let i = 1; i <= k; i++) {
      num *= i + n - k;
      den *= i;
      if (Math.abs(num) > 1e50) {
        num /= den;
        den = 1;
      }
    }
    return num / den;
  }
  return Math.exp(logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1));
}

interface ExactAttempt {
  success: boolean;
  /** The statistic snapped to the lattice, h/lcm(n1, n2), as scipy reports it. */
  d: number;
  prob: number;
}

/** scipy's `_attempt_exact_2kssamp`: failure (non-finite or out-of-range) sends the caller to asymptotics. */
export function attemptExact(n1: number, n2: number, g: number, d0: number, alternative: KsAlternative): ExactAttempt {
  const lcm = (n1 / g) * n2;
  const h = roundHalfEven(d0 * lcm);
  const d = h / lcm;
  if (h === 0) return { success: true, d, prob: 1 };
  let prob: number;
  if (alternative === "two-sided") {
    prob = n1 === n2 ? computeProbOutsideSquare(n1, h) : computeOuterProbInsideMethod(n1, n2, g, h);
  } else if (n1 === n2) {
    // binom(2n, n−h)/binom(2n, n) as a product, as scipy does to avoid binom's round-off.
    prob = 1;
    for (let j = 0; j < h; j++) prob *= (n1 - j) / (n1 + j + 1);
  } else {
    const paths = countPathsOutsideMethod(n1, n2, g, h);
    const total = binom(n1 + n2, n1);
    if (!Number.isFinite(paths) || !Number.isFinite(total) || paths > total) return { success: false, d, prob: NaN };
    prob = paths / total;
  }
  return { success: prob >= 0 && prob <= 1, d, prob };
}
