/** Shapes shared by ingestion, the database columns that store them, and the UI. */
export const COLUMN_TYPES = ["numeric", "categorical", "boolean", "datetime", "id"] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

/** A column of a stored batch: the type used downstream and the type inference proposed. */
export interface ColumnSpec {
  name: string;
  type: ColumnType;
  inferredType: ColumnType;
}

export interface NumericSummary {
  min: number;
  max: number;
  mean: number;
  /** Population standard deviation (ddof = 0). */
  std: number;
}

export interface ColumnProfile {
  name: string;
  type: ColumnType;
  inferredType: ColumnType;
  /** Non-missing cells. */
  count: number;
  missing: number;
  missingRate: number;
  distinct: number;
  /** True when the column had more distinct values than are tracked; `distinct` is then a lower bound. */
  distinctCapped: boolean;
  numeric: NumericSummary | null;
  /** Most frequent values, most common first (at most 10). */
  top: { value: string; count: number }[];
}

export interface TargetSummary {
  column: string;
  positive: string;
  /** The raw value counted as the negative class, when one was seen. */
  negative: string | null;
  positives: number;
  negatives: number;
}

export interface BatchProfile {
  rows: number;
  columns: ColumnProfile[];
  target: TargetSummary | null;
  idColumn: string | null;
}
