/** Query parameters of the scores API, validated so that a bad one is a 400 naming it. */
import { z } from "zod";
import { AppError } from "@/lib/errors";

export const MAX_LIMIT = 1000;
export const BANDS = ["high", "medium", "low"] as const;

const listSchema = z.strictObject({
  pipeline: z.string().trim().min(1, "pipeline must be a pipeline's name or id").max(200, "pipeline is too long").optional(),
  band: z.enum(BANDS, { error: `band must be one of ${BANDS.join(", ")}` }).optional(),
  updatedSince: z
    .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: "updatedSince must be an ISO 8601 date or time, e.g. 2026-12-01T00:00:00Z" })
    .transform((value) => new Date(value))
    .optional(),
  limit: z.coerce
    .number({ error: `limit must be a whole number from 1 to ${MAX_LIMIT}` })
    .int(`limit must be a whole number from 1 to ${MAX_LIMIT}`)
    .min(1, `limit must be a whole number from 1 to ${MAX_LIMIT}`)
    .max(MAX_LIMIT, `limit must be at most ${MAX_LIMIT}`)
    .default(100),
  cursor: z.string().max(20_000, "cursor is not one this API issued").optional(),
});

export type ListParams = z.infer<typeof listSchema>;

/** Parses `/api/scores` query parameters; an unknown or invalid one throws a 400 that names it. */
export function parseListParams(searchParams: URLSearchParams): ListParams {
  const parsed = listSchema.safeParse(Object.fromEntries(searchParams));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const message = issue.code === "unrecognized_keys" ? `Unknown query parameter "${issue.keys[0]}".` : issue.message;
  throw new AppError("invalid_param", message, {}, 400);
}

const customerIdSchema = z.string().min(1).max(200);

export function parseCustomerId(value: string): string {
  const parsed = customerIdSchema.safeParse(value);
  if (!parsed.success) throw new AppError("invalid_param", "customerId must be 1 to 200 characters.", {}, 400);
  return parsed.data;
}
