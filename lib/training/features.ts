/** Which columns become features by default, and as what kind. */
import type { ColumnProfile, ColumnType } from "@/lib/data/types";
import type { FeatureKind, FeatureSpec } from "@/lib/model";

const KIND: Partial<Record<ColumnType, FeatureKind>> = {
  numeric: "numeric",
  boolean: "boolean",
  categorical: "categorical",
};

/** More categories than this is free text or a hidden identifier (a surname): left out by default. */
export const MAX_DEFAULT_CATEGORIES = 100;

/** Whether a column is a feature unless the user says otherwise: not the target, an id, a date or free text. */
export function isDefaultFeature(column: Pick<ColumnProfile, "type" | "distinct">): boolean {
  return KIND[column.type] !== undefined && !(column.type === "categorical" && column.distinct > MAX_DEFAULT_CATEGORIES);
}

export function defaultFeatures(columns: ColumnProfile[], target: string, idColumn: string | null): FeatureSpec[] {
  return columns
    .filter((column) => column.name !== target && column.name !== idColumn && isDefaultFeature(column))
    .map((column) => ({ name: column.name, kind: KIND[column.type]! }));
}

export function featureKind(type: ColumnType): FeatureKind | null {
  return KIND[type] ?? null;
}
