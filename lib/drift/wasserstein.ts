/**
 * Wasserstein-1 (earth mover's) distance between two samples, as scipy.stats.wasserstein_distance:
 * the area between the two ECDFs, ∫|F_a − F_b| dx, from one merge of the sorted samples.
 */
import { cleanNumeric } from "./sorted";

/** W1 of two raw samples; NaN (missing) is dropped, and both must keep at least one value. */
export function wassersteinDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return wasserstein1(cleanNumeric(a).sorted, cleanNumeric(b).sorted);
}

/** W1 of two sorted samples without missing values. */
export function wasserstein1(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) throw new RangeError("Wasserstein distance needs non-empty samples");
  let i = 0;
  let j = 0;
  let total = 0;
  let t = Math.min(a[0], b[0]);
  while (i < n1 || j < n2) {
    while (i < n1 && a[i] <= t) i++;
    while (j < n2 && b[j] <= t) j++;
    if (i === n1 && j === n2) break;
    // Both ECDFs are flat from t up to the next observed value.
    const next = j >= n2 || (i < n1 && a[i] <= b[j]) ? a[i] : b[j];
    total += Math.abs(i / n1 - j / n2) * (next - t);
    t = next;
  }
  return total;
}
