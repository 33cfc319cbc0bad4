import { describe, expect, it } from "vitest";

describe("the cron route without CRON_SECRET", () => {
  it("refuses every call with 503 and says why, even one carrying a bearer token", async () => {
    delete process.env.CRON_SECRET;
    const { GET } = await import("@/app/api/cron/tick/route");
    const response = await GET(new Request("http://127.0.0.1/api/cron/tick", { headers: { authorization: "Bearer anything-at-all-1234" } }));
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: "cron_secret_unset", message: expect.stringContaining("CRON_SECRET is not set") } });
  });
});
