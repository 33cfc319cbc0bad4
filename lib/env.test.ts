import { describe, expect, it } from "vitest";
import { loadEnv } from "./env";

describe("environment", () => {
  it("fills in defaults", () => {
    expect(loadEnv({})).toMatchObject({ DATABASE_PATH: "./data/driftline.db", APP_URL: "http://localhost:3000", MAX_UPLOAD_MB: 200 });
  });

  it("names each invalid variable", () => {
    const load = () => loadEnv({ APP_URL: "not a url", CRON_SECRET: "short", MAX_UPLOAD_MB: "-3" });
    expect(load).toThrow(/APP_URL: must be an absolute URL/);
    expect(load).toThrow(/CRON_SECRET: must be at least 16 characters/);
    expect(load).toThrow(/MAX_UPLOAD_MB: must be at least 1/);
  });

  it("treats blank values as unset", () => {
    expect(loadEnv({ CRON_SECRET: "", APP_URL: "" }).CRON_SECRET).toBeUndefined();
  });
});
