/**
 * Conditions along a decision path, structured and as text, shared by explain (one row's path) and
 * leafRules (each leaf's region). Text merges conditions on the same feature:
 *   numeric      "tenure <= 5.5", "tenure > 5.5", both bounds as "5.5 < tenure <= 20.5" (tightest kept)
 *   boolean      "Partner = Yes" (the spelling seen in training)
 *   categorical  "Contract = Month-to-month", "Contract ≠ Two year" (an "=" makes the "≠"s redundant)
 *   missing      "TotalCharges is missing"; a missing-only split also gives "… is not missing";
 *                a leaf region that also takes missing values ends in " (or missing)"
 * Thresholds in the text are rounded to 6 significant digits; the conditions keep them exact.
 */
import type { EncodedColumn } from "./encoding";
import { MISSING_ONLY_THRESHOLD } from "./split-search";

/** orMissing: the branch also takes rows missing this feature (only set by leafRules). */
export type Condition =
  | { feature: string; kind: "numeric"; op: "<=" | ">"; threshold: number; orMissing?: true }
  | { feature: string; kind: "boolean"; op: "="; value: string; orMissing?: true }
  | { feature: string; kind: "categorical"; op: "=" | "≠"; value: string; other: boolean; orMissing?: true }
  | { feature: string; kind: "missing"; op: "is missing" | "is not missing" };

/** The condition a present value meets to take the given branch of a split on `column`. */
export function branchCondition(column: EncodedColumn, threshold: number, goesLeft: boolean, orMissing: boolean): Condition {
  const { feature, encoding } = column;
  if (threshold === MISSING_ONLY_THRESHOLD) return { feature, kind: "missing", op: goesLeft ? "is not missing" : "is missing" };
  const missing = orMissing ? { orMissing: true as const } : {};
  if (encoding.kind === "numeric") return { feature, kind: "numeric", op: goesLeft ? "<=" : ">", threshold, ...missing };
  if (encoding.kind === "boolean") return { feature, kind: "boolean", op: "=", value: encoding.labels[goesLeft ? 0 : 1], ...missing };
  // A one-hot column holds 0/1, so the left branch (x <= t) is "not this category".
  return { feature, kind: "categorical", op: goesLeft ? "≠" : "=", value: column.category!, other: column.other, ...missing };
}

/** Merges conditions per feature, in the order features first appear on the path. */
export function describeConditions(conditions: Condition[]): string {
  const features = [...new Set(conditions.map((c) => c.feature))];
  return features.map((feature) => describeFeature(feature, conditions.filter((c) => c.feature === feature))).join(" and ");
}

type Equality = Extract<Condition, { op: "=" }>;

function describeFeature(feature: string, own: Condition[]): string {
  // A missing value is missing in every split on its feature (one-hot columns included).
  if (own.some((c) => c.op === "is missing")) return `${feature} is missing`;
  const tests = own.filter((c) => c.kind !== "missing");
  if (tests.length === 0) return `${feature} is not missing`;
  const orMissing = tests.length === own.length && tests.every((c) => c.orMissing) ? " (or missing)" : "";
  return describeTests(feature, tests) + orMissing;
}

function describeTests(feature: string, tests: Condition[]): string {
  const equal = tests.find((c): c is Equality => c.op === "=");
  if (equal) return `${feature} = ${equal.value}`;
  const excluded = tests.flatMap((c) => (c.kind === "categorical" ? [`${feature} ≠ ${c.value}`] : []));
  if (excluded.length > 0) return excluded.join(" and ");
  const bound = (op: "<=" | ">") => tests.flatMap((c) => (c.kind === "numeric" && c.op === op ? [c.threshold] : []));
  const upper = bound("<=");
  const lower = bound(">");
  if (lower.length === 0) return `${feature} <= ${format(Math.min(...upper))}`;
  if (upper.length === 0) return `${feature} > ${format(Math.max(...lower))}`;
  return `${format(Math.max(...lower))} < ${feature} <= ${format(Math.min(...upper))}`;
}

function format(value: number): string {
  return String(Number(value.toPrecision(6)));
}
