import type { z } from "zod";
import { AppError } from "@/lib/errors";

const MAX_JSON_BYTES = 64 * 1024;

const tooLarge = () => new AppError("too_large", `The request body is too large (max ${MAX_JSON_BYTES / 1024} KiB).`, {}, 413);

/**
 * Reads at most MAX_JSON_BYTES of a body: a declared length over the limit is refused before reading, and
 * the stream is cancelled as soon as it passes the limit, so a huge body is never held in memory.
 */
export async function readLimited(request: Request): Promise<string> {
  if (Number(request.headers.get("content-length") ?? "0") > MAX_JSON_BYTES) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    bytes += next.value.byteLength;
    if (bytes > MAX_JSON_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(next.value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Reads a small JSON body and validates it, naming the first invalid field. */
export async function parseJsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  const text = await readLimited(request);
  let json: unknown;
  try {
    json = text === "" ? {} : JSON.parse(text);
  } catch {
    throw new AppError("bad_json", "The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("invalid_request", `${issue.path.join(".") || "body"}: ${issue.message}`, {
      column: issue.path.join(".") || undefined,
    });
  }
  return parsed.data;
}
