/** The data profile of a batch, built from the streamed column statistics, and what in it deserves a warning. */
import type { ColumnStats } from "./column-stats";
import type { BatchProfile, ColumnProfile, ColumnSpec, TargetSummary } from "./types";

const HIGH_MISSING_RATE = 0.5;
/** More categories than this is usually free text or a hidden identifier (a surname, an email). */
const HIGH_CARDINALITY = 100;

export function buildProfile(
  stats: ColumnStats[],
  columns: ColumnSpec[],
  rows: number,
  target: TargetSummary | null,
  idColumn: string | null,
): BatchProfile {
  return {
    rows,
    columns: stats.map((column, i): ColumnProfile => {
      const { type, inferredType } = columns[i];
      const numeric = type === "numeric" && column.numericCount > 0;
      return {
        name: column.name,
        type,
        inferredType,
        count: column.count,
        missing: column.missing,
        missingRate: column.missing / rows,
        distinct: column.distinct,
        distinctCapped: column.distinctCapped,
        numeric: numeric ? { min: column.min, max: column.max, mean: column.mean, std: column.std! } : null,
        top: type === "id" ? [] : column.top(),
      };
    }),
    target,
    idColumn,
  };
}

export function profileWarnings(profile: BatchProfile, targetColumn: string | undefined): string[] {
  const warnings: string[] = [];
  const ids = profile.columns.filter((c) => c.type === "id").map((c) => c.name);
  if (ids.length > 0) {
    warnings.push(
      `${ids.join(", ")} ${ids.length === 1 ? "looks like an identifier" : "look like identifiers"} (unique per row) and ${ids.length === 1 ? "is" : "are"} left out of the features by default.`,
    );
  }
  for (const column of profile.columns) {
    if (column.name === targetColumn) continue;
    if (column.count === 0) warnings.push(`Column "${column.name}" is blank in every row.`);
    else if (column.missingRate > HIGH_MISSING_RATE) {
      warnings.push(`Column "${column.name}" is blank in ${(column.missingRate * 100).toFixed(1)}% of rows.`);
    } else if (column.distinct === 1 && column.type !== "id") {
      warnings.push(`Column "${column.name}" has the same value in every row, so it cannot help a model.`);
    }
    if (column.type === "categorical" && column.distinct > HIGH_CARDINALITY) {
      warnings.push(
        `Column "${column.name}" has ${column.distinct.toLocaleString("en")} distinct text values; it is likely free text or an identifier rather than a feature.`,
      );
    }
    if (column.distinctCapped && column.type !== "numeric") {
      warnings.push(`Column "${column.name}" has more than ${column.distinct.toLocaleString("en")} distinct values; its distinct count and top values cover the rows read until then.`);
    }
  }
  return warnings;
}
