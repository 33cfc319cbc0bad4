/**
 * The opaque `cursor` of `/api/scores`. It pins the listing to the scoring runs that were latest when the
 * first page was read, so a run finishing mid-way does not mix two runs in one listing, and keeps, per
 * run, the last score id returned and the run's last matching id (keyset pagination on scores.id).
 * It also carries the filters it was issued for, so a cursor cannot be replayed with other filters.
 */
import { z } from "zod";
import { AppError } from "@/lib/errors";

/** [runId, last id returned (exclusive lower bound), last matching id of the run (inclusive upper bound)]. */
export type Segment = [runId: number, afterId: number, lastId: number];
/** [pipelineId, band, updatedSince in epoch ms]. */
export type FilterKey = [number | null, string | null, number | null];

const id = z.number().int().nonnegative();
const cursorSchema = z.object({
  f: z.tuple([id.nullable(), z.string().nullable(), z.number().int().nullable()]),
  s: z.array(z.tuple([id, id, id])).min(1).max(10_000),
});

export function encodeCursor(filters: FilterKey, segments: Segment[]): string | null {
  if (segments.length === 0) return null;
  return Buffer.from(JSON.stringify({ f: filters, s: segments })).toString("base64url");
}

export function decodeCursor(cursor: string, filters: FilterKey): Segment[] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    decoded = null;
  }
  const parsed = cursorSchema.safeParse(decoded);
  if (!parsed.success) throw new AppError("invalid_param", "cursor is not one this API issued; start again without it.", {}, 400);
  if (JSON.stringify(parsed.data.f) !== JSON.stringify(filters)) {
    throw new AppError("invalid_param", "cursor was issued for other filters; send the same pipeline, band and updatedSince with it.", {}, 400);
  }
  return parsed.data.s as Segment[];
}
