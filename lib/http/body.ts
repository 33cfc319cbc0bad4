import type { z } from "zod";
import { AppError } from "@/lib/errors";

const MAX_JSON_BYTES = 64 * 1024;

/** Reads a small JSON body and validates it, naming the first invalid field. */
export async function parseJsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  const text = await request.text();
  if (text.length > MAX_JSON_BYTES) throw new AppError("too_large", "The request body is too large.", {}, 413);
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
