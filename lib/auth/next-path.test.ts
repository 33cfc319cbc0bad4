import { describe, expect, it } from "vitest";
import { safeNextPath } from "./next-path";

describe("the page to return to after signing in", () => {
  it("keeps a path on this site with its query", () => {
    expect(safeNextPath("/data/batches/1?tab=profile")).toBe("/data/batches/1?tab=profile");
  });

  it("falls back to the overview for anything that could leave the site", () => {
    for (const next of [undefined, null, "", "https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)"]) {
      expect(safeNextPath(next)).toBe("/");
    }
  });
});
