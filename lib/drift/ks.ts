/**
 * Two-sample Kolmogorov–Smirnov test, as scipy 1.10 `ks_2samp`: the statistic from one merge of two
 * sorted arrays (O(n + m), no per-value binary search), the p-value exact when max(n, m) ≤ 10,000 and
 * from the Kolmogorov distribution kstwo(round(nm/(n + m))) otherwise, or when the exact method fails.
 */
import { attemptExact, type KsAlternative } from "./ks-exact";
import { kolmogornSurvival } from "./kolmogorov";
import { clip01, gcd, roundHalfEven } from "./numeric";
import { cleanNumeric } from "./sorted";

export type { KsAlternative } from "./ks-exact";
export const MAX_EXACT_N = 10_000;

export interface KsOptions {
  alternative?: KsAlternative;
  method?: "auto" | "exact" | "asymp";
}

export interface KsResult {
  statistic: number;
  pValue: number;
  method: "exact" | "asymp";
}

/** Largest positive and negative gaps of ECDF(a) − ECDF(b) for sorted a and b (scipy's cdf1 − cdf2). */
export function ecdfGaps(a: ArrayLike<number>, b: ArrayLike<number>): { maxS: number; minS: number } {
  const n1 = a.length;
  const n2 = b.length;
  let i = 0;
  let j = 0;
  let max = -Infinity;
  let min = Infinity;
  while (i < n1 || j < n2) {
    const t = j >= n2 || (i < n1 && a[i] <= b[j]) ? a[i] : b[j];
    while (i < n1 && a[i] <= t) i++;
    while (j < n2 && b[j] <= t) j++;
    const diff = i / n1 - j / n2;
    if (diff > max) max = diff;
    if (diff < min) min = diff;
  }
  return { maxS: max, minS: clip01(-min) };
}

/** KS test of two raw samples; NaN (missing) is dropped. Throws on an empty sample, as scipy does. */
export function ks2samp(a: ArrayLike<number>, b: ArrayLike<number>, options: KsOptions = {}): KsResult {
  const x = cleanNumeric(a).sorted;
  const y = cleanNumeric(b).sorted;
  return ksFromGaps(ecdfGaps(x, y), x.length, y.length, options);
}

/**
 * The p-value logic of ks_2samp given the ECDF gaps and the true sample sizes. Separate so that a
 * reference sketch can stand in for the reference ECDF while n1 stays the real reference count.
 */
export function ksFromGaps(gaps: { maxS: number; minS: number }, n1: number, n2: number, options: KsOptions = {}): KsResult {
  if (Math.min(n1, n2) === 0) throw new RangeError("KS needs non-empty samples");
  const alternative = options.alternative ?? "two-sided";
  const useMin = alternative === "less" || (alternative === "two-sided" && gaps.minS > gaps.maxS);
  let d = useMin ? gaps.minS : gaps.maxS;
  const g = gcd(n1, n2);
  let mode = options.method ?? "auto";
  if (mode === "auto") mode = Math.max(n1, n2) <= MAX_EXACT_N ? "exact" : "asymp";
  else if (mode === "exact" && n1 / g >= 2147483647 / (n2 / g)) mode = "asymp";
  if (mode === "exact") {
    const exact = attemptExact(n1, n2, g, d, alternative);
    d = exact.d;
    if (exact.success) return { statistic: d, pValue: clip01(exact.prob), method: "exact" };
  }
  const [m, n] = n1 >= n2 ? [n1, n2] : [n2, n1];
  const en = (m * n) / (m + n);
  if (alternative === "two-sided") return { statistic: d, pValue: kolmogornSurvival(roundHalfEven(en), d), method: "asymp" };
  // Hodges' one-sided approximation (his eqn 5.3), which needs m to be the larger size.
  const z = Math.sqrt(en) * d;
  const expt = -2 * z ** 2 - (2 * z * (m + 2 * n)) / Math.sqrt(m * n * (m + n)) / 3;
  return { statistic: d, pValue: clip01(Math.exp(expt)), method: "asymp" };
}
