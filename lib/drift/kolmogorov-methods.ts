/**
 * The three CDF algorithms behind scipy's `kstwo` (scipy 1.10 `_ksstats.py`), each the best choice in
 * part of the (n, x) plane as Simard & L'Ecuyer (2011) found; `kolmogorov.ts` picks between them.
 * Intermediate results are rescaled by 2^±128 with a tracked exponent, as scipy does, to dodge overflow.
 */
import { clip01 } from "./numeric";

const E128 = 128;
const P128 = 2 ** 128;
const M128 = 2 ** -128;

/** x·2^e without overflowing the intermediate power of two. */
function ldexp(x: number, e: number): number {
  let r = x;
  let rest = e;
  while (rest > 1000) (r *= 2 ** 1000), (rest -= 1000);
  while (rest < -1000) (r *= 2 ** -1000), (rest += 1000);
  return r * 2 ** rest;
}

function matmul(a: Float64Array, b: Float64Array, m: number): Float64Array<ArrayBuffer> {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k];
      if (aik === 0) continue;
      for (let j = 0; j < m; j++) out[i * m + j] += aik * b[k * m + j];
    }
  return out;
}

/** Pr(D_n ≤ d) by Durbin's matrix, computed as Marsaglia, Tsang & Wang do (k-th entry of H^n). */
export function kolmogornDurbinCdf(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  // Write d = (k − h)/n with integer k and 0 ≤ h < 1; H is (2k − 1) square, so this suits small n·d.
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let fac = 1;
  for (let j = 1; j <= m; j++) {
    w[j - 1] = fac;
    fac /= j;
    v[j - 1] = (1 - h ** j) * fac;
  }
  v[m - 1] = (1 + (Math.max(2 * h - 1, 0) ** m - 2 * h ** m)) * fac;
  let H = new Float64Array(m * m);
  for (let i = 1; i < m; i++) for (let r = i - 1; r < m; r++) H[r * m + i] = w[r - i + 1];
  for (let r = 0; r < m; r++) H[r * m] = v[r];
  for (let c = 0; c < m; c++) H[(m - 1) * m + c] = v[m - 1 - c];
  // H^n by repeated squaring, dividing by 2^128 whenever the watched entry grows past it.
  let power = new Float64Array(m * m);
  for (let i = 0; i < m; i++) power[i * m + i] = 1;
  let expnt = 0;
  let hExpnt = 0;
  for (let nn = n; nn > 0; nn = Math.floor(nn / 2)) {
    if (nn % 2) {
      power = matmul(power, H, m);
      expnt += hExpnt;
    }
    H = matmul(H, H, m);
    hExpnt *= 2;
    if (Math.abs(H[(k - 1) * m + k - 1]) > P128) {
      for (let i = 0; i < H.length; i++) H[i] /= P128;
      hExpnt += E128;
    }
  }
  // Multiply by n!/n^n, rescaling as the product underflows.
  let p = power[(k - 1) * m + k - 1];
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < M128) (p *= P128), (expnt -= E128);
  }
  return clip01(expnt !== 0 ? ldexp(p, expnt) : p);
}

function pomeranzBounds(i: number, n: number, ll: number, ceilf: number, roundf: number): [number, number] {
  let j1: number;
  let j2: number;
  const half = Math.floor((i + 1) / 2);
  if (i === 0) [j1, j2] = [-ll - ceilf - 1, ll + ceilf - 1];
  else if ((i + 1) % 2 === 0 && half === n + 1) [j1, j2] = [n - ll - ceilf - 1, n + ll + ceilf - 1];
  else if ((i + 1) % 2 === 0) [j1, j2] = [half - 1 - ll - roundf - 1, half + ll - 1 + ceilf - 1];
  else [j1, j2] = [half - 1 - ll - 1, half + ll + roundf - 1];
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}

/** Pr(D_n ≤ x) by Pomeranz's recursion: rows are convolutions with (almost) Poisson weights. */
export function kolmogornPomeranzCdf(n: number, x: number): number {
  const t = n * x;
  const ll = Math.floor(t);
  const f = t - ll;
  const g = Math.min(f, 1 - f);
  const ceilf = f > 0 ? 1 : 0;
  const roundf = f > 0.5 ? 1 : 0;
  const npwrs = 2 * (ll + 1);
  // Only three Poisson-like weight sequences occur: (g/n)^m/m!, (2g/n)^m/m! and ((1 − 2g)/n)^m/m!.
  const powers = [g / n, (2 * g) / n, (1 - 2 * g) / n].map((base) => {
    const out = new Float64Array(npwrs);
    out[0] = 1;
    for (let m = 1; m < npwrs; m++) out[m] = (out[m - 1] * base) / m;
    return out;
  });
  // Two rolling rows of the recursion; v0s/v1s record which column each row's first entry stands for.
  let v0 = new Float64Array(npwrs);
  let v1 = new Float64Array(npwrs);
  v1[0] = 1;
  let [v0s, v1s] = [0, 0];
  let expnt = 0;
  let [j1, j2] = pomeranzBounds(0, n, ll, ceilf, roundf);
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [v0, v1] = [v1, v0];
    [v0s, v1s] = [v1s, v0s];
    v1.fill(0);
    [j1, j2] = pomeranzBounds(i, n, ll, ceilf, roundf);
    const pwrs = i === 1 || i === 2 * n + 1 ? powers[0] : i % 2 ? powers[1] : powers[2];
    const ln2 = j2 - k1 + 1;
    if (ln2 <= 0) continue;
    // Only entries conv_start … conv_start + conv_len − 1 of the full convolution are needed.
    const src = v0.subarray(k1 - v0s, Math.min(k1 - v0s + ln2, npwrs));
    const start = j1 - k1;
    let max = 0;
    for (let c = 0; c < j2 - j1 + 1; c++) {
      let s = 0;
      const kk = start + c;
      for (let a = Math.max(0, kk - ln2 + 1); a <= Math.min(kk, src.length - 1); a++) s += src[a] * pwrs[kk - a];
      v1[c] = s;
      max = Math.max(max, s);
    }
    if (max > 0 && max < M128) {
      for (let c = 0; c < npwrs; c++) v1[c] *= P128;
      expnt -= E128;
    }
    v1s = v0s + j1 - k1;
  }
  let ans = v1[n - v1s];
  for (let m = 1; m <= n; m++) {
    if (Math.abs(ans) > P128) (ans *= M128), (expnt += E128);
    ans *= m;
  }
  return clip01(expnt !== 0 ? ldexp(ans, expnt) : ans);
}
