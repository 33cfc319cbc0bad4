/**
 * better-auth's HTTP endpoints, limited to what the app uses: signing in, which better-auth rate-limits per
 * client address. Everything else it offers (sign-up, profile and password changes, resets) stays closed:
 * users and roles change only through the guarded actions in lib/actions/users.ts.
 */
import { getAuth } from "@/lib/auth/auth";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/ndjson";

const OPEN_PATHS = new Set(["/api/auth/sign-in/email"]);

export function POST(request: Request) {
  if (!OPEN_PATHS.has(new URL(request.url).pathname)) return errorResponse(new AppError("not_found", "No such endpoint.", {}, 404));
  return getAuth().handler(request);
}
