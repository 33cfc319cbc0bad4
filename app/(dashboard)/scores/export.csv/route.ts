/**
 * The current scores view as CSV, streamed row by row. Cells that a spreadsheet would run as formulas
 * (=, +, -, @, tab, carriage return) are neutralised by toExportCsv, so an export is safe to open.
 */
import { toExportCsv } from "@/lib/csv/export-csv";
import { PERMISSIONS, withRole } from "@/lib/auth/guard";
import { iterateScoresView } from "@/lib/queries/scores";
import { scoresViewSchema } from "@/lib/validation/scores";

export const dynamic = "force-dynamic";

const HEADER = ["customer_id", "probability", "previous_probability", "band", "reasons", "model_version", "scored_at"];
const CHUNK = 2000;

export const GET = withRole(PERMISSIONS["export-scores"], async (request: Request) => {
  const view = scoresViewSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const found = iterateScoresView(view);
  if (!found) return Response.json({ error: { code: "no_scores", message: "No pipeline has scores yet." } }, { status: 404 });
  const encoder = new TextEncoder();
  const csv = (rows: unknown[][]) => encoder.encode(toExportCsv(rows));
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(csv([HEADER]));
    },
    pull(controller) {
      const batch: unknown[][] = [];
      for (const [id, probability, previous, band, reasons, version, scoredAt] of found.rows) {
        batch.push([id, probability, previous ?? "", band, (JSON.parse(reasons) as string[]).join("; "), version, new Date(scoredAt).toISOString()]);
        if (batch.length === CHUNK) break;
      }
      if (batch.length > 0) controller.enqueue(csv(batch));
      if (batch.length < CHUNK) {
        found.close();
        controller.close();
      }
    },
    cancel() {
      found.rows.return?.();
      found.close();
    },
  });
  const name = `${found.pipeline.name.replace(/[^\w.-]+/g, "-")}-scores.csv`;
  return new Response(stream, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" },
  });
});
