/**
 * Wraps a scores API route: only an API key in `Authorization: Bearer <key>` gets in (a signed-in
 * session does not), each key is rate limited, and every failure is a JSON error. The header is never
 * logged: only unexpected errors are, and they never carry it.
 */
import { verifyApiKey } from "@/lib/api-keys";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/ndjson";
import { takeToken } from "./rate-limit";

function presentedKey(request: Request): string | null {
  const match = /^Bearer +(\S+) *$/i.exec(request.headers.get("authorization") ?? "");
  return match?.[1] ?? null;
}

function refuse(error: AppError, header: [string, string]): Response {
  const response = errorResponse(error);
  response.headers.set(...header);
  return response;
}

async function answer(request: Request, run: () => Response | Promise<Response>): Promise<Response> {
  const presented = presentedKey(request);
  const key = presented === null ? null : verifyApiKey(presented);
  if (!key) {
    const message = presented === null ? "Send an API key as `Authorization: Bearer <key>`." : "This API key is not valid or has been revoked.";
    return refuse(new AppError("unauthorized", message, {}, 401), ["www-authenticate", 'Bearer realm="driftline"']);
  }
  const retryAfter = takeToken(key.id);
  if (retryAfter > 0) {
    return refuse(new AppError("rate_limited", `Too many requests for this API key; retry in ${retryAfter} s.`, {}, 429), ["retry-after", String(retryAfter)]);
  }
  return run();
}

export function withApiKey<Context>(handler: (request: Request, context: Context) => Response | Promise<Response>) {
  return async (request: Request, context: Context): Promise<Response> => {
    let response: Response;
    try {
      response = await answer(request, () => handler(request, context));
    } catch (error) {
      response = errorResponse(error);
    }
    // Scores change with every run and are per-key data: no shared cache may keep them.
    response.headers.set("cache-control", "no-store");
    return response;
  };
}
