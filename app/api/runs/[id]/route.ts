/** A run and its steps, polled by the run page while the run is in progress. Any signed-in role may read it. */
import { ROLES, withRole } from "@/lib/auth/guard";
import { errorResponse } from "@/lib/http/ndjson";
import { AppError } from "@/lib/errors";
import { getRunWithSteps } from "@/lib/queries/pipelines";

export const dynamic = "force-dynamic";

export const GET = withRole(ROLES, async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const id = Number((await params).id);
  const found = Number.isSafeInteger(id) ? getRunWithSteps(id) : undefined;
  if (!found) return errorResponse(new AppError("not_found", "No such run.", {}, 404));
  return Response.json(found, { headers: { "cache-control": "no-store" } });
});
