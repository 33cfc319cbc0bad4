/**
 * 1M rows: the whole evaluation must stay O(n log n). The bound is loose (shared 2-core machines);
 * what it catches is a quadratic slip, which would take hours here. The AUC is re-derived with the
 * rank-sum formula (midranks for ties), an algorithm independent of the tie-group merge.
 */
import { expect, it } from "vitest";
import { evaluate } from "./evaluate";
import { mulberry32 } from "@/lib/random";

const n = 1_000_000;

function rankSumAuc(y: Uint8Array, p: Float64Array): number {
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => p[a] - p[b]);
  let positiveRanks = 0;
  let positives = 0;
  for (let start = 0; start < n; ) {
    let end = start;
    while (end < n && p[order[end]] === p[order[start]]) end++;
    const midrank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) positiveRanks += y[order[k]] * midrank;
    start = end;
  }
  for (let i = 0; i < n; i++) positives += y[i];
  return (positiveRanks - (positives * (positives + 1)) / 2) / (positives * (n - positives));
}

it("evaluates 1M tie-heavy rows quickly, with the rank-sum AUC", () => {
  const random = mulberry32(2024);
  const p = new Float64Array(n);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    p[i] = Math.round(random() * 1000) / 1000;
    y[i] = random() < p[i] ? 1 : 0;
  }
  const started = performance.now();
  const result = evaluate(y, p);
  expect(performance.now() - started).toBeLessThan(10_000);
  expect(result.rocAuc).toBeCloseTo(rankSumAuc(y, p), 10);
  expect(result.prAuc).toBeGreaterThan(0.5);
  expect(Object.keys(result.undefined)).toEqual([]);
});
