/**
 * A response that streams newline-delimited JSON: progress events while long work runs, then one final
 * event. Errors become a final `{ type: "error", error }` event, since the status line is already sent.
 */
import { AppError, isAppError } from "@/lib/errors";

export type Send = (event: Record<string, unknown>) => void;

export function ndjsonResponse(work: (send: Send) => Promise<Record<string, unknown>>): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send: Send = (event) => controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      try {
        send({ type: "done", ...(await work(send)) });
      } catch (error) {
        send({ type: "error", error: toErrorBody(error) });
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, {
    headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" },
  });
}

export function toErrorBody(error: unknown) {
  if (isAppError(error)) return error.toJSON();
  console.error(error);
  return new AppError("internal", "Something went wrong on the server; the details are in its log.").toJSON();
}

export function errorResponse(error: unknown): Response {
  const status = isAppError(error) ? error.status : 500;
  return Response.json({ error: toErrorBody(error) }, { status });
}

/** Calls `send` at most every `intervalMs`, so a fast loop does not flood the stream. */
export function throttle<T>(send: (value: T) => void, intervalMs = 150): (value: T) => void {
  let last = 0;
  return (value) => {
    const now = Date.now();
    if (now - last >= intervalMs) {
      last = now;
      send(value);
    }
  };
}
