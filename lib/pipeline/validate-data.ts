/**
 * The validate-data step: the batch must hold the pipeline's target and features with usable values.
 * Problems that make training meaningless are errors; the rest are messages the run page shows.
 */
import { AppError } from "@/lib/errors";
import type { Batch, Pipeline } from "@/db/schema";

const HIGH_MISSING_RATE = 0.3;

export function validateData(batch: Batch, pipeline: Pipeline): { messages: string[]; counts: Record<string, number> } {
  const profile = batch.profile;
  const byName = new Map(profile.columns.map((column) => [column.name, column]));
  const required = [pipeline.targetColumn, ...pipeline.features.map((f) => f.name), ...(pipeline.idColumn ? [pipeline.idColumn] : [])];
  const missing = required.filter((name) => !byName.has(name));
  if (missing.length > 0) {
    throw new AppError("missing_columns", `Batch #${batch.id} lacks ${missing.map((m) => `"${m}"`).join(", ")}, which the pipeline needs.`, {
      column: missing[0],
    });
  }
  const target = byName.get(pipeline.targetColumn)!;
  if (target.missing > 0) {
    throw new AppError("missing_target", `Target "${pipeline.targetColumn}" is blank in ${target.missing} rows of batch #${batch.id}.`, {
      column: pipeline.targetColumn,
    });
  }
  const messages: string[] = [];
  for (const feature of pipeline.features) {
    const column = byName.get(feature.name)!;
    if (column.missingRate > HIGH_MISSING_RATE) {
      messages.push(`"${feature.name}" is blank in ${(column.missingRate * 100).toFixed(1)}% of rows.`);
    }
    if (column.distinct === 1) messages.push(`"${feature.name}" has one value in every row and cannot help the model.`);
    if (feature.kind === "numeric" && column.type !== "numeric") {
      throw new AppError("feature_type", `Feature "${feature.name}" is numeric in the pipeline but ${column.type} in batch #${batch.id}.`, {
        column: feature.name,
      });
    }
  }
  return { messages, counts: { rows: profile.rows, features: pipeline.features.length } };
}
