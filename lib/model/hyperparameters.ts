import { AppError } from "@/lib/errors";
import type { Hyperparameters } from "./types";

/** The default tree: shallow and with large leaves, so probabilities are stable and explainable. */
export const DEFAULT_HYPERPARAMETERS: Readonly<Hyperparameters> = {
  criterion: "gini",
  maxDepth: 6,
  minSamplesSplit: 2,
  minSamplesLeaf: 20,
  minImpurityDecrease: 0,
  splitter: "auto",
};

/** Below this many rows "auto" sorts (exact thresholds); from here on it bins (faster, ≤ 256 bins). */
export const EXACT_SPLITTER_MAX_ROWS = 200_000;

/** Defaults overlaid with the given values (undefined = default), checked; throws invalid_hyperparameter. */
export function resolveHyperparameters(
  given: Partial<Hyperparameters> = {},
  defaults: Readonly<Hyperparameters> = DEFAULT_HYPERPARAMETERS,
): Hyperparameters {
  const hp = { ...defaults };
  for (const [key, value] of Object.entries(given)) {
    check(Object.hasOwn(defaults, key), key, value, `one of ${Object.keys(defaults).join(", ")} (unknown hyperparameter)`);
    if (value !== undefined) Object.assign(hp, { [key]: value });
  }
  check(hp.criterion === "gini" || hp.criterion === "entropy", "criterion", hp.criterion, '"gini" or "entropy"');
  check(hp.maxDepth === null || isInteger(hp.maxDepth, 1), "maxDepth", hp.maxDepth, "an integer ≥ 1 or null");
  check(isInteger(hp.minSamplesSplit, 2), "minSamplesSplit", hp.minSamplesSplit, "an integer ≥ 2");
  check(isInteger(hp.minSamplesLeaf, 1), "minSamplesLeaf", hp.minSamplesLeaf, "an integer ≥ 1");
  check(
    typeof hp.minImpurityDecrease === "number" && Number.isFinite(hp.minImpurityDecrease) && hp.minImpurityDecrease >= 0,
    "minImpurityDecrease", hp.minImpurityDecrease, "a number ≥ 0",
  );
  check(["auto", "exact", "histogram"].includes(hp.splitter), "splitter", hp.splitter, '"auto", "exact" or "histogram"');
  return hp;
}

function isInteger(value: unknown, min: number): boolean {
  return typeof value === "number" && Number.isInteger(value) && value >= min;
}

function check(ok: boolean, name: string, value: unknown, expected: string): void {
  if (!ok) {
    throw new AppError("invalid_hyperparameter", `Hyperparameter ${name} is ${JSON.stringify(value)}; it must be ${expected}.`, {
      column: name,
      value: String(value),
    });
  }
}
