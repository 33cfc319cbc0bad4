/**
 * POST a CSV file as the raw request body (name in ?name=); it streams to disk and gets an upload id.
 * Bringing in data configures what models learn from, so only analysts and admins may.
 */
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { PERMISSIONS, withRole } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/ndjson";
import { maxUploadBytes, saveUpload, tooLarge } from "@/lib/uploads/store";

export const POST = withRole(PERMISSIONS["upload-data"], async (request: Request) => {
  try {
    const declared = Number(request.headers.get("content-length") ?? "0");
    if (declared > maxUploadBytes()) throw tooLarge();
    if (!request.body) throw new AppError("empty_file", "The upload has no content.");
    const name = new URL(request.url).searchParams.get("name") ?? "upload.csv";
    const upload = await saveUpload(request.body as WebReadableStream<Uint8Array>, name);
    return Response.json(upload, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
});
