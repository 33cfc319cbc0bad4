/** Which columns become features by default, and as what kind. */
import type { ColumnSpec } from "@/lib/data/types";
import type { FeatureKind, FeatureSpec } from "@/lib/model";

const KIND: Partial<Record<ColumnSpec["type"], FeatureKind>> = {
  numeric: "numeric",
  boolean: "boolean",
  categorical: "categorical",
};

/** Every column but the target, the id column and columns typed id or datetime (not usable as is). */
export function defaultFeatures(columns: ColumnSpec[], target: string, idColumn: string | null): FeatureSpec[] {
  return columns
    .filter((column) => column.name !== target && column.name !== idColumn && KIND[column.type] !== undefined)
    .map((column) => ({ name: column.name, kind: KIND[column.type]! }));
}

export function featureKind(type: ColumnSpec["type"]): FeatureKind | null {
  return KIND[type] ?? null;
}
