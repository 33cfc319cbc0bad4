/** What the import form sends; shared by the route and the form. */
import { z } from "zod";
import { MAX_COLUMN_NAME } from "@/lib/data/header";
import { COLUMN_TYPES } from "@/lib/data/types";

const optionalName = z
  .string()
  .trim()
  .max(200)
  .transform((value) => (value === "" ? undefined : value))
  .optional();

export const importRequestSchema = z.object({
  dataset: z.string().trim().min(1, "Give the dataset a name").max(100, "Keep the dataset name under 100 characters"),
  target: optionalName,
  positive: optionalName,
  id: optionalName,
  delimiter: z.enum([",", ";", "\t"]).optional(),
  types: z.record(z.string().max(MAX_COLUMN_NAME), z.enum(COLUMN_TYPES)).default({}),
  asOf: z.iso.datetime({ offset: true }).optional(),
});

export type ImportRequest = z.infer<typeof importRequestSchema>;

export const analyzeRequestSchema = importRequestSchema.pick({ delimiter: true, target: true, positive: true, types: true, id: true });
