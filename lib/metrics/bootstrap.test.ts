/**
 * Bootstrap intervals against generate.py, which replays the same mulberry32 resamples through
 * sklearn and numpy.percentile: same rows drawn, independently scored. The PRNG is therefore part of
 * the reproducibility contract, and is checked against the Python port first.
 */
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { bootstrap } from "./bootstrap";
import { close, loadReference } from "./fixtures/reference";
import { mulberry32, permutation } from "@/lib/random";
import { REASONS } from "./types";

const reference = loadReference();
const withBootstrap = reference.datasets.filter((data) => data.bootstrap !== undefined);

describe("mulberry32", () => {
  it("matches the Python port exactly", () => {
    expect(Array.from({ length: 5 }, mulberry32(42))).toEqual(reference.mulberry32Seed42);
  });

  it("draws in [0, 1) and permutes every index once", () => {
    const random = mulberry32(123);
    const draws = Array.from({ length: 10_000 }, random);
    expect(draws.every((value) => value >= 0 && value < 1)).toBe(true);
    const order = Array.from(permutation(random, 50)).sort((a, b) => a - b);
    expect(order).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});

describe.each(withBootstrap)("$name", (data) => {
  const expected = data.bootstrap!;
  const result = bootstrap(data.y, data.p, { resamples: expected.resamples, seed: expected.seed });

  it.each(["rocAuc", "averagePrecision", "brier"] as const)("%s: same interval and valid count", (name) => {
    const interval = result[name];
    expect(interval.valid).toBe(expected[name].valid);
    expect(interval.skipped).toBe(expected.resamples - expected[name].valid);
    expect(interval.value).not.toBeNull();
    expect(close(interval.value!.lower, expected[name].lower, 1e-12)).toBe(true);
    expect(close(interval.value!.upper, expected[name].upper, 1e-12)).toBe(true);
  });
});

describe("bootstrap", () => {
  const rare = withBootstrap.find((data) => data.name === "rare-positives-60")!;

  it("skips resamples that drew no positive, and says so", () => {
    const result = bootstrap(rare.y, rare.p, { seed: 42 });
    expect(result.rocAuc.skipped).toBeGreaterThan(0);
    expect(result.brier.skipped).toBe(0);
  });

  it("gives null with a reason when too few resamples are valid", () => {
    const result = bootstrap(rare.y, rare.p, { seed: 42, minValid: 195 });
    expect(result.rocAuc.value).toBeNull();
    expect(result.rocAuc.reason).toMatch(/too few valid resamples: 191 of 200 \(need 195\)/);
    expect(result.brier.value).not.toBeNull();
  });

  it("is reproducible from its seed", () => {
    expect(bootstrap(rare.y, rare.p, { seed: 9 })).toEqual(bootstrap(rare.y, rare.p, { seed: 9 }));
    expect(bootstrap(rare.y, rare.p, { seed: 9 }).brier).not.toEqual(bootstrap(rare.y, rare.p, { seed: 10 }).brier);
  });

  it("needs at least 200 resamples", () => {
    expect(() => bootstrap([0, 1], [0.1, 0.9], { resamples: 100 })).toThrow(AppError);
    expect(() => bootstrap([0, 1], [0.1, 0.9], { minValid: 0 })).toThrow(AppError);
  });

  it("is null with a reason for no rows", () => {
    expect(bootstrap([], []).rocAuc).toEqual({ value: null, reason: REASONS.noRows, valid: 0, skipped: 200 });
  });
});
