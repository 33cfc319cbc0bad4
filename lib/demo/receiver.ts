/**
 * A small webhook receiver for trying alerts locally: it verifies each message's HMAC-SHA256 signature
 * with the channel's secret, refuses stale or unsigned ones, prints what arrived and keeps it (in memory,
 * at GET /messages, and as JSON lines in a file when given one). The demo's channel points at it; run it
 * with `npm run receiver`. Hand-written because it is the other end of Driftline's own signing scheme
 * (lib/notify/webhook.ts), and node:http is all it needs.
 */
import { timingSafeEqual } from "node:crypto";
import { appendFileSync, mkdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { dirname } from "node:path";
import { DELIVERY_HEADER, SIGNATURE_HEADER, signBody, TIMESTAMP_HEADER } from "@/lib/notify/webhook";

/** The demo channel's signing secret: public, like the demo passwords. */
export const DEMO_WEBHOOK_SECRET = "driftline-demo-webhook-secret";
export const DEMO_RECEIVER_PORT = 4100;
/** Messages older or newer than this are refused, so a captured one cannot be replayed later. */
const MAX_SKEW_SECONDS = 300;
const MAX_BODY_BYTES = 1_000_000;

export interface ReceivedMessage {
  receivedAt: string;
  path: string;
  delivery: string | null;
  payload: Record<string, unknown>;
}

export interface ReceiverOptions {
  port: number;
  host?: string;
  secret: string;
  /** Append each accepted message to this file as one JSON line. */
  file?: string;
  log?: (line: string) => void;
}

export interface Receiver {
  url: string;
  messages: ReceivedMessage[];
  close: () => Promise<void>;
}

/** Why a message is refused, or null when its signature and timestamp hold. */
export function verifyMessage(body: string, headers: { signature?: string; timestamp?: string }, secret: string, now = Date.now()): string | null {
  if (!headers.signature) return "no X-Driftline-Signature header";
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(headers.signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "the signature does not match this secret";
  const timestamp = Number(headers.timestamp);
  if (!Number.isFinite(timestamp)) return "no X-Driftline-Timestamp header";
  if (Math.abs(now / 1000 - timestamp) > MAX_SKEW_SECONDS) return `the timestamp is more than ${MAX_SKEW_SECONDS} s from now`;
  return null;
}

export function startReceiver(options: ReceiverOptions): Promise<Receiver> {
  const { port, host = "127.0.0.1", secret, file, log = console.log } = options;
  const messages: ReceivedMessage[] = [];
  if (file) mkdirSync(dirname(file), { recursive: true });
  const server: Server = createServer((request, response) => {
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (request.method === "GET") return answer(200, request.url === "/messages" ? messages : { ok: true, messages: messages.length, see: "/messages" });
    if (request.method !== "POST") return answer(405, { error: "POST a message, or GET /messages" });
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) request.destroy();
      else chunks.push(chunk);
    });
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const refused = verifyMessage(body, { signature: header(request.headers[SIGNATURE_HEADER]), timestamp: header(request.headers[TIMESTAMP_HEADER]) }, secret);
      if (refused) {
        log(`refused a message to ${request.url}: ${refused}`);
        return answer(401, { error: refused });
      }
      let payload: Record<string, unknown>;
      try {
        payload = JSON.parse(body) as Record<string, unknown>;
      } catch {
        return answer(400, { error: "the body is not JSON" });
      }
      const message = { receivedAt: new Date().toISOString(), path: request.url ?? "/", delivery: header(request.headers[DELIVERY_HEADER]) ?? null, payload };
      messages.push(message);
      if (file) appendFileSync(file, `${JSON.stringify(message)}\n`);
      log(summarize(message));
      answer(200, { ok: true });
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === "object" && address ? address.port : port;
      resolve({
        url: `http://${host}:${actualPort}`,
        messages,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function summarize({ receivedAt, payload }: ReceivedMessage): string {
  const pipeline = (payload.pipeline as { name?: string } | null)?.name;
  const parts = [`[${receivedAt}]`, String(payload.kind ?? "message"), payload.severity ? `(${String(payload.severity)})` : "", pipeline ? `${pipeline}:` : "", String(payload.title ?? "")];
  const text = payload.text ? `\n  ${String(payload.text)}` : "";
  const link = payload.link ? `\n  ${String(payload.link)}` : "";
  return `${parts.filter(Boolean).join(" ")}${text}${link}`;
}
