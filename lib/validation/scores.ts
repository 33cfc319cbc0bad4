/** The scores view as it lives in the URL: pipeline, band, search, feature filter, sort and page. */
import { z } from "zod";

export const SCORE_SORTS = ["risk", "safest", "change", "customer"] as const;
export const PAGE_SIZE = 50;

const optionalText = z.string().trim().max(200).optional().transform((v) => (v ? v : undefined));

export const scoresViewSchema = z.object({
  pipeline: z.coerce.number().int().positive().optional().catch(undefined),
  band: z.enum(["high", "medium", "low"]).optional().catch(undefined),
  q: optionalText.catch(undefined),
  feature: optionalText.catch(undefined),
  value: optionalText.catch(undefined),
  min: z.coerce.number().optional().catch(undefined),
  max: z.coerce.number().optional().catch(undefined),
  sort: z.enum(SCORE_SORTS).default("risk").catch("risk"),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1),
});

export type ScoresView = z.infer<typeof scoresViewSchema>;
