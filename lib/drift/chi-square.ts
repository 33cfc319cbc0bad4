/**
 * Chi-square test of homogeneity for a 2×k table (reference vs current counts per category), as
 * scipy.stats.chi2_contingency(correction=False): no continuity correction, categories that are empty
 * in both windows dropped, dof = k − 1.
 */
import { chiSquareSurvival } from "./gamma";

export interface ChiSquareResult {
  statistic: number;
  pValue: number;
  dof: number;
}

/** Counts aligned by category; null when either window has no observations (no expectation exists). */
export function chiSquareHomogeneity(reference: readonly number[], current: readonly number[]): ChiSquareResult | null {
  if (reference.length !== current.length) throw new RangeError("count vectors differ in length");
  const kept: number[] = [];
  let refTotal = 0;
  let curTotal = 0;
  for (let i = 0; i < reference.length; i++) {
    if (reference[i] + current[i] === 0) continue;
    kept.push(i);
    refTotal += reference[i];
    curTotal += current[i];
  }
  if (refTotal === 0 || curTotal === 0) return null;
  const dof = kept.length - 1;
  // A single category cannot differ between windows; scipy reports 0 with p = 1 here.
  if (dof === 0) return { statistic: 0, pValue: 1, dof };
  const total = refTotal + curTotal;
  let statistic = 0;
  for (const i of kept) {
    const column = reference[i] + current[i];
    for (const [observed, rowTotal] of [[reference[i], refTotal], [current[i], curTotal]]) {
      const expected = (rowTotal * column) / total;
      statistic += (observed - expected) ** 2 / expected;
    }
  }
  return { statistic, pValue: chiSquareSurvival(statistic, dof), dof };
}
