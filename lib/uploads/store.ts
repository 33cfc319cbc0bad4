/**
 * Uploaded files wait on disk between upload and import, so a file far larger than a server action's
 * body limit streams straight to disk and is then read as a stream. Ids are random UUIDs, checked before
 * any path is built from them.
 */
import { randomUUID } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const STALE_MS = 24 * 3600 * 1000;

export interface Upload {
  id: string;
  name: string;
  bytes: number;
}

function uploadDir(): string {
  const dir = resolve(/*turbopackIgnore: true*/ env().UPLOAD_DIR);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function maxUploadBytes(): number {
  return env().MAX_UPLOAD_MB * 1024 * 1024;
}

export function tooLarge(): AppError {
  return new AppError("too_large", `The file is too large (max ${env().MAX_UPLOAD_MB} MB).`, {}, 413);
}

/** Streams a request body to disk, refusing (and deleting) it as soon as it passes the size limit. */
export async function saveUpload(body: WebReadableStream<Uint8Array>, name: string): Promise<Upload> {
  removeStaleUploads();
  const id = randomUUID();
  const path = join(uploadDir(), `${id}.csv`);
  const limit = maxUploadBytes();
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > limit ? tooLarge() : null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(body), counter, createWriteStream(path));
  } catch (error) {
    rmSync(path, { force: true });
    throw error;
  }
  const upload = { id, name: safeName(name), bytes };
  writeFileSync(join(uploadDir(), `${id}.json`), JSON.stringify(upload));
  return upload;
}

export function getUpload(id: string): Upload & { path: string } {
  const meta = UUID.test(id) ? join(uploadDir(), `${id}.json`) : null;
  if (!meta || !existsSync(meta)) {
    throw new AppError("upload_not_found", "This upload is no longer available; upload the file again.", {}, 404);
  }
  return { ...(JSON.parse(readFileSync(meta, "utf8")) as Upload), path: join(uploadDir(), `${id}.csv`) };
}

export function deleteUpload(id: string): void {
  if (!UUID.test(id)) return;
  rmSync(join(uploadDir(), `${id}.csv`), { force: true });
  rmSync(join(uploadDir(), `${id}.json`), { force: true });
}

function removeStaleUploads(): void {
  const now = Date.now();
  for (const file of readdirSync(uploadDir())) {
    const path = join(uploadDir(), file);
    if (now - statSync(path).mtimeMs > STALE_MS) rmSync(path, { force: true });
  }
}

/** The name is only ever shown and used as a label; keep it short and free of path parts. */
function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop()?.trim() || "upload.csv";
  return base.slice(0, 200);
}
