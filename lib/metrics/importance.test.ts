/** Permutation importance with a stand-in model: predict reads some columns and ignores others. */
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import {
  IMPORTANCE_METRICS,
  permutationImportance,
  type ImportanceMetric,
  type PermutationOptions,
} from "./importance";
import { mulberry32 } from "@/lib/random";

const n = 400;
const random = mulberry32(5);
const signal = Float64Array.from({ length: n }, () => random());
const y = Uint8Array.from(signal, (s) => (random() < s ? 1 : 0));
const noise = Float64Array.from({ length: n }, () => random());
const plan = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? "gold" : "basic"));

type Column = Float64Array | string[];
/** Uses `signal` (and nudges gold plans up); never reads `noise`. */
function predict(columns: Record<string, Column>): Float64Array {
  const plans = columns.plan as string[];
  return Float64Array.from(columns.signal as Float64Array, (s, i) => Math.min(1, s + (plans[i] === "gold" ? 0.05 : 0)));
}

function run(options: Partial<PermutationOptions<Column>> = {}) {
  const columns = { signal, noise, plan };
  return permutationImportance<Column>({ predict, columns, y, repeats: 4, seed: 3, ...options });
}

describe("permutationImportance", () => {
  const result = run();
  const byName = Object.fromEntries(result.value!.features.map((feature) => [feature.feature, feature]));

  it("finds the used feature, and exactly zero for the ignored one", () => {
    expect(result.value).toMatchObject({ metric: "rocAuc", repeats: 4, seed: 3 });
    expect(result.value!.features.map((feature) => feature.feature)).toEqual(["signal", "noise", "plan"]);
    expect(byName.signal.mean!).toBeGreaterThan(0.2);
    expect(byName.signal.drops).toHaveLength(4);
    expect(byName.noise).toMatchObject({ mean: 0, std: 0, drops: [0, 0, 0, 0], skipped: 0 });
  });

  it("shuffles columns of any element type and hands them back of the same kind", () => {
    const seen = new Set<string>();
    run({
      predict: (columns) => {
        seen.add(`${columns.signal.constructor.name}/${columns.plan.constructor.name}`);
        return predict(columns);
      },
    });
    expect(seen).toEqual(new Set(["Float64Array/Array"]));
  });

  it("counts a worse loss as a positive drop", () => {
    expect(run({ metric: IMPORTANCE_METRICS.brier }).value!.features[0].mean!).toBeGreaterThan(0);
  });

  it("is reproducible from its seed", () => {
    expect(run()).toEqual(result);
    expect(run({ seed: 4 }).value!.features[0].drops).not.toEqual(byName.signal.drops);
  });

  it("says why a feature has no mean when a custom metric was undefined after every shuffle", () => {
    let calls = 0;
    const firstCallOnly: ImportanceMetric = {
      name: "firstCallOnly",
      higherIsBetter: true,
      compute: () => (calls++ === 0 ? { value: 1 } : { value: null, reason: "test" }),
    };
    const [feature] = run({ metric: firstCallOnly, columns: { signal, plan } }).value!.features;
    expect(feature).toMatchObject({ mean: null, std: null, skipped: 4 });
    expect(feature.reason).toBe("firstCallOnly undefined after every shuffle");
  });

  it("is null with a reason when the baseline is undefined, and rejects ragged columns", () => {
    expect(run({ y: new Uint8Array(n) }).reason).toContain("only one class present");
    expect(() => run({ columns: { signal: signal.subarray(1), plan } })).toThrow(AppError);
    expect(() => run({ repeats: 0 })).toThrow(AppError);
  });
});
