/** The "new pipeline" form, shared by the form and its server action. */
import { z } from "zod";
import { MAX_COLUMN_NAME } from "@/lib/data/header";

/** A column of the chosen batch, by name; header names are at most MAX_COLUMN_NAME characters. */
const columnName = z.string().max(MAX_COLUMN_NAME, `Column names are at most ${MAX_COLUMN_NAME} characters`);
/** A batch has at most this many columns to choose from in practice (1,000-column files are tested). */
const MAX_FEATURES = 2000;

const intField = (label: string, min: number, max: number) =>
  z.coerce.number({ error: `${label} must be a number` }).int(`${label} must be a whole number`).min(min, `${label} must be at least ${min}`).max(max, `${label} must be at most ${max}`);

export const newPipelineSchema = z
  .object({
    name: z.string().trim().min(1, "Give the pipeline a name").max(100, "Keep the name under 100 characters"),
    batchId: z.coerce.number().int().positive(),
    target: columnName.min(1, "Choose the target column"),
    positive: z.string().trim().max(200).optional(),
    idColumn: columnName.optional(),
    features: z.array(columnName).min(1, "Choose at least one feature").max(MAX_FEATURES, `Choose at most ${MAX_FEATURES} features`),
    engine: z.enum(["cart", "ml-cart"]),
    criterion: z.enum(["gini", "entropy"]),
    maxDepth: intField("Max depth", 1, 30),
    minSamplesLeaf: intField("Min samples per leaf", 1, 100_000),
    splitKind: z.enum(["stratified", "time"]),
    timeColumn: columnName.optional(),
    testSize: z.coerce.number({ error: "Test share must be a number" }).gt(0, "Test share must be above 0").lt(0.9, "Test share must be below 0.9"),
    seed: intField("Seed", 0, 2 ** 31 - 1),
    threshold: z.coerce.number({ error: "Threshold must be a number" }).gt(0, "Threshold must be above 0").lt(1, "Threshold must be below 1"),
    deployPolicy: z.enum(["auto", "manual"]),
    aucFloor: z.coerce.number({ error: "ROC AUC floor must be a number" }).min(0.5, "ROC AUC floor must be at least 0.5").max(1, "ROC AUC floor must be at most 1"),
    maxDrop: z.coerce.number({ error: "Allowed drop must be a number" }).min(0, "Allowed drop cannot be negative").max(0.5, "Allowed drop must be at most 0.5"),
  })
  .refine((form) => form.splitKind !== "time" || !!form.timeColumn, { path: ["timeColumn"], message: "Choose the date column for a time split" })
  .refine((form) => !form.features.includes(form.target), { path: ["features"], message: "The target cannot also be a feature" })
  // ml-cart only grows gini trees down to single rows; say so here rather than fail the run.
  .refine((form) => form.engine !== "ml-cart" || form.minSamplesLeaf === 1, { path: ["minSamplesLeaf"], message: "ml-cart supports only 1 sample per leaf" })
  .refine((form) => form.engine !== "ml-cart" || form.criterion === "gini", { path: ["criterion"], message: "ml-cart supports only the Gini criterion" });

export type NewPipelineForm = z.infer<typeof newPipelineSchema>;

/** Reads the form's fields (features are repeated checkboxes). */
export function newPipelineFields(formData: FormData): Record<string, unknown> {
  const fields: Record<string, unknown> = Object.fromEntries(formData.entries());
  fields.features = formData.getAll("features");
  for (const key of ["positive", "idColumn", "timeColumn"]) if (fields[key] === "") delete fields[key];
  return fields;
}
