import { describe, expect, it } from "vitest";
import { BinLookup } from "./bin-lookup";
import { binFeatures, MAX_BINS } from "./binning";
import { mulberry32 } from "@/lib/random";

function lowerBound(edges: Float64Array, value: number): number {
  let i = 0;
  while (i < edges.length && edges[i] < value) i++;
  return i;
}

describe("binning", () => {
  it("finds a value's bin like a plain search, at edges and their neighbouring doubles too", () => {
    const random = mulberry32(3);
    // Skewed edges: most of the range is empty, most edges crowd near zero.
    const edges = Float64Array.from({ length: 255 }, () => Math.exp(random() * 12) - 1).sort();
    const lookup = new BinLookup(edges);
    const probes = [...edges, ...edges.map((e) => e * (1 + 1e-16)), ...edges.map((e) => e * (1 - 1e-16)), -5, 0, 1e9];
    for (let i = 0; i < 20000; i++) probes.push(Math.exp(random() * 13) - 1);
    for (const value of probes) expect(lookup.bin(value)).toBe(lowerBound(edges, value));
  });

  it("gives each value its own bin up to MAX_BINS distinct values, quantile bins beyond, NaN its own code", () => {
    const n = 10000;
    const few = Float64Array.from({ length: n }, (_, i) => (i % 300 === 0 ? NaN : (i * 7) % MAX_BINS));
    const many = Float64Array.from({ length: n }, (_, i) => Math.sin(i) * 1000);
    const { codes, binCount, binMin, binMax } = binFeatures([few, many], n);
    expect(Array.from(binCount)).toEqual([MAX_BINS, expect.any(Number)]);
    expect(binCount[1]).toBeGreaterThan(200);
    expect(binCount[1]).toBeLessThanOrEqual(MAX_BINS);
    for (let row = 0; row < n; row++) {
      const code = codes[row * 2];
      if (Number.isNaN(few[row])) expect(code).toBe(MAX_BINS);
      else expect([binMin[0][code], binMax[0][code]]).toEqual([few[row], few[row]]);
      const bin = codes[row * 2 + 1];
      expect(many[row]).toBeGreaterThanOrEqual(binMin[1][bin]);
      expect(many[row]).toBeLessThanOrEqual(binMax[1][bin]);
    }
    // Roughly equal row counts per quantile bin.
    const sizes = new Array(binCount[1]).fill(0);
    for (let row = 0; row < n; row++) sizes[codes[row * 2 + 1]]++;
    expect(Math.max(...sizes)).toBeLessThan((3 * n) / binCount[1]);
  });
});
