import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseJsonBody } from "./body";

const schema = z.object({ dataset: z.string().max(100) });
const streamOf = (bytes: number) =>
  new ReadableStream<Uint8Array>({
    pull(controller) {
      controller.enqueue(new Uint8Array(Math.min(16 * 1024, bytes)).fill(0x20));
      bytes -= 16 * 1024;
      if (bytes <= 0) controller.close();
    },
  });

describe("parseJsonBody", () => {
  it("reads a small JSON body and names the first invalid field", async () => {
    await expect(parseJsonBody(new Request("http://x/", { method: "POST", body: '{"dataset":"Telco"}' }), schema)).resolves.toEqual({ dataset: "Telco" });
    await expect(parseJsonBody(new Request("http://x/", { method: "POST", body: `{"dataset":"${"x".repeat(101)}"}` }), schema)).rejects.toThrow(/^dataset: /);
  });

  it("refuses a body declared larger than 64 KiB without reading it", async () => {
    const request = new Request("http://x/", { method: "POST", body: "{}", headers: { "content-length": String(10 * 1024 * 1024) } });
    await expect(parseJsonBody(request, schema)).rejects.toMatchObject({ code: "too_large", status: 413 });
  });

  it("stops reading a streamed body of unknown length once it passes 64 KiB", async () => {
    const request = new Request("http://x/", { method: "POST", body: streamOf(50 * 1024 * 1024), duplex: "half" } as RequestInit);
    await expect(parseJsonBody(request, schema)).rejects.toMatchObject({ code: "too_large", status: 413 });
  });
});
