import { existsSync, readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "@/lib/test/temp-files";

const tmp = tempDir();
let store: typeof import("./store");

beforeAll(async () => {
  process.env.UPLOAD_DIR = `${tmp.dir}/uploads`;
  process.env.MAX_UPLOAD_MB = "1";
  store = await import("./store");
});
afterAll(tmp.cleanup);

function body(bytes: number, chunk = 64 * 1024) {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const size = Math.min(chunk, bytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(97));
    },
  });
}

describe("upload store", () => {
  it("streams a body to disk and finds it again by id", async () => {
    const upload = await store.saveUpload(body(300_000) as never, "../../etc/passwd");
    expect(upload).toMatchObject({ name: "passwd", bytes: 300_000 });
    const found = store.getUpload(upload.id);
    expect(existsSync(found.path)).toBe(true);
    store.deleteUpload(upload.id);
    expect(() => store.getUpload(upload.id)).toThrow(/no longer available/);
  });

  it("refuses a body over the limit part-way and leaves no file behind", async () => {
    await expect(store.saveUpload(body(3 * 1024 * 1024) as never, "big.csv")).rejects.toMatchObject({
      code: "too_large",
      status: 413,
      message: "The file is too large (max 1 MB).",
    });
    expect(readdirSync(`${tmp.dir}/uploads`)).toEqual([]);
  });

  it("never builds a path from an id that is not a UUID", () => {
    expect(() => store.getUpload("../../db/driftline")).toThrow(/no longer available/);
  });
});
