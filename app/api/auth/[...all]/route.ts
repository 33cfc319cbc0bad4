/**
 * better-auth's HTTP endpoints, limited to what the app uses: signing in, which better-auth rate-limits per
 * client address. Everything else it offers (sign-up, profile and password changes, resets) stays closed:
 * users and roles change only through the guarded actions in lib/actions/users.ts.
 */
import { getAuth } from "@/lib/auth/auth";
import { AppError } from "@/lib/errors";
import { readLimited } from "@/lib/http/body";
import { errorResponse } from "@/lib/http/ndjson";

const OPEN_PATHS = new Set(["/api/auth/sign-in/email"]);

export async function POST(request: Request) {
  if (!OPEN_PATHS.has(new URL(request.url).pathname)) return errorResponse(new AppError("not_found", "No such endpoint.", {}, 404));
  // Route handlers have no body limit of their own: a sign-in is a few hundred bytes, so read at most
  // 64 KiB before better-auth parses it, rather than whatever an anonymous caller streams.
  let body: string;
  try {
    body = await readLimited(request);
  } catch (error) {
    return errorResponse(error);
  }
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  return getAuth().handler(new Request(request.url, { method: "POST", headers, body }));
}
