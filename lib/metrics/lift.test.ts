/** Decile lift and gains, with a hand-worked tie that straddles a decile boundary. */
import { describe, expect, it } from "vitest";
import { liftTable } from "./lift";
import { mulberry32, permutation } from "@/lib/random";
import { REASONS } from "./types";

// 20 rows, 2 per decile. The 0.8 tie group (1 positive in 3 rows) spans ranks 2–4, so decile 1 gets
// one third of its positive; the 0.1 group (2 positives in 16 rows) gives ¼ positive to each later decile.
const y = [1, 1, 0, 0, ...Array.from({ length: 16 }, (_, i) => (i < 2 ? 1 : 0))];
const p = [0.9, 0.8, 0.8, 0.8, ...Array.from({ length: 16 }, () => 0.1)];

describe("liftTable", () => {
  it("spreads a boundary-straddling tie group pro rata", () => {
    const table = liftTable(y, p).value!;
    expect(table).toHaveLength(10);
    expect(table[0].rows).toBe(2);
    expect(table[0].positives).toBeCloseTo(4 / 3, 14);
    expect(table[0].rate).toBeCloseTo(2 / 3, 14);
    expect(table[0].lift).toBeCloseTo(10 / 3, 14);
    expect(table[0].cumulativeGain).toBeCloseTo(1 / 3, 14);
    expect(table[1].positives).toBeCloseTo(2 / 3, 14);
    expect(table[1].cumulativeGain).toBeCloseTo(0.5, 14);
    for (const row of table.slice(2)) expect(row.positives).toBeCloseTo(0.25, 14);
    expect(table[9].cumulativeGain).toBe(1);
  });

  it("does not depend on row order", () => {
    const order = Array.from(permutation(mulberry32(7), y.length));
    expect(liftTable(order.map((i) => y[i]), order.map((i) => p[i]))).toEqual(liftTable(y, p));
  });

  it("keeps decile sizes within one row of each other", () => {
    const rows = liftTable(Array.from({ length: 15 }, (_, i) => i % 2), Array.from({ length: 15 }, (_, i) => i / 15));
    expect(rows.value!.map((row) => row.rows)).toEqual([1, 2, 1, 2, 1, 2, 1, 2, 1, 2]);
  });

  it("is null with a reason without positives or with fewer than 10 rows", () => {
    expect(liftTable([0, 0, 0, 0, 0, 0, 0, 0, 0, 0], p.slice(0, 10)).reason).toBe(REASONS.noPositives);
    expect(liftTable([1, 0], [0.2, 0.1]).reason).toBe(REASONS.tooFewRowsForDeciles);
    expect(liftTable([], []).reason).toBe(REASONS.noRows);
  });
});
