/**
 * GET /api/cron/tick: one tick of scheduled work (lib/cron/tick.ts) for Vercel cron, system cron + curl, or
 * any scheduler. Only `Authorization: Bearer $CRON_SECRET` gets in, never a session; while CRON_SECRET is
 * unset every call is refused. The header is never logged.
 */
import { checkCronSecret } from "@/lib/cron/cron-secret";
import { tick } from "@/lib/cron/tick";
import { env } from "@/lib/env";
import { executeInChild } from "@/lib/pipeline/executors";

export const dynamic = "force-dynamic";

const refusal = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message, row: null, column: null } }, { status, headers: status === 401 ? { "www-authenticate": 'Bearer realm="driftline-cron"' } : {} });

export async function GET(request: Request): Promise<Response> {
  const access = checkCronSecret(request.headers.get("authorization"), env().CRON_SECRET);
  if (access === "unset") return refusal(503, "cron_secret_unset", "CRON_SECRET is not set: scheduled work is refused until it is.");
  if (access === "missing") return refusal(401, "unauthorized", "Send the cron secret as `Authorization: Bearer <CRON_SECRET>`.");
  if (access === "wrong") return refusal(401, "unauthorized", "The cron secret is wrong.");
  // Runs the tick starts execute in processes of their own: the answer says they started, not how they ended.
  const result = await tick({ execute: executeInChild });
  const failed = result.status === "ran" && result.errors.length > 0;
  return Response.json(result, { status: failed ? 500 : 200, headers: { "cache-control": "no-store" } });
}
