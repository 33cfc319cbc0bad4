/**
 * Survival function of the two-sided one-sample Kolmogorov statistic D_n, i.e. scipy's
 * `kstwo.sf(x, n)`, which ks_2samp's asymptotic branch evaluates at n = round(n1·n2/(n1 + n2)).
 * The branch logic follows scipy 1.10 `_kolmogn` (Simard & L'Ecuyer 2011) so that each region uses
 * the same algorithm as scipy; smirnov() is evaluated in log space instead of double-double.
 */
import { kolmogornDurbinCdf, kolmogornPomeranzCdf } from "./kolmogorov-methods";
import { kolmogornPelzGoodCdf } from "./kolmogorov-pelz-good";
import { clip01, floorProduct } from "./numeric";

// Stirling-series coefficients B_2j/(2j(2j−1)), j = 8 … 1.
const STIRLING = [
  -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3, 8.4175084175084175084e-4,
  -5.952380952380952381e-4, 7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2,
];
const LOG_2PI = Math.log(2 * Math.PI);
/** cephes MINLOG: exp() of anything smaller underflows. */
const MIN_LOG = -708.3964185322641;

/** log(n!/n^n) by Stirling's series with n·log(n) cancelled analytically. */
function logFactorialOverPower(n: number): number {
  const rn = 1 / n;
  const poly = STIRLING.reduce((acc, c) => acc * (rn / n) + c, 0);
  return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
}

/** Pr(D_n ≥ x) for integer n ≥ 1. */
export function kolmogornSurvival(n: number, x: number): number {
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    // Ruben–Gambino: 1/2n ≤ x ≤ 1/n has a closed form.
    if (t <= 0.5) return 1;
    let prob: number;
    if (n <= 140) {
      prob = 1;
      for (let i = 1; i <= n; i++) prob *= i * (1 / n) * (2 * t - 1);
    } else prob = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    return clip01(1 - prob);
  }
  if (t >= n - 1) return clip01(2 * (1 - x) ** n);
  if (x >= 0.5) return clip01(2 * smirnov(n, x));
  const nx2 = t * x;
  if (n <= 140) {
    if (nx2 <= 0.754693) return clip01(1 - kolmogornDurbinCdf(n, x));
    if (nx2 <= 4) return clip01(1 - kolmogornPomeranzCdf(n, x));
    return clip01(2 * smirnov(n, x));
  }
  if (nx2 >= 370) return 0;
  if (nx2 >= 2.2) return clip01(2 * smirnov(n, x));
  const cdf = n <= 100_000 && n * x ** 1.5 <= 1.4 ? kolmogornDurbinCdf(n, x) : kolmogornPelzGoodCdf(n, x);
  return clip01(1 - cdf);
}

/**
 * One-sided Smirnov survival Pr(D+_n ≥ x) = x·Σ_{v ≤ n(1−x)} C(n,v)(x + v/n)^(v−1)(1 − x − v/n)^(n−v)
 * (Birnbaum–Tingey), as scipy's cephes `smirnov`, for the 1/n < x < 1 − 1/n that kolmogornSurvival
 * sends here (its other cases are answered before the call).
 */
function smirnov(n: number, x: number): number {
  const nx = n * x;
  const nxfl = floorProduct(n, x).floor;
  if (-2 * n * x * x < MIN_LOG) return 0;
  if (n > 1_000_000) {
    // scipy's shortcut for huge n: p ≈ exp(−(6nx + 1)²/18n).
    const logp = -((6 * nx + 1) ** 2) / 18 / n;
    return logp < -Math.LN2 ? Math.exp(logp) : 1 + Math.expm1(logp);
  }
  // Terms run to v ≤ n(1 − x), leaving out v = n(1 − x) itself (a zero base) when α = 0.
  const last = n - nxfl - 1;
  let logC = 0;
  let sum = 0;
  for (let v = 0; v <= last; v++) {
    const lower = (n - v - nx) / n;
    // In logs: for large n the binomial and the powers overflow or underflow on their own.
    const term = Math.exp(logC + (v - 1) * Math.log(x + v / n) + (n - v) * Math.log(lower));
    sum += term;
    // Terms fall off fast past the mode; stop once the rest cannot move the sum (scipy's criterion).
    if (term > 0 && 4 * (last + 1 - v) * term < Number.EPSILON * sum && v !== last) break;
    if (term === 0 && v > n / 2) break;
    logC += Math.log((n - v) / (v + 1));
  }
  return clip01(x * sum);
}
