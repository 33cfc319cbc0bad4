/**
 * A layout's check does not protect its pages: Next renders a page in parallel with its layout, so an
 * anonymous request would still carry the page's data. Every dashboard page must check for itself.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const DASHBOARD = join("app", "(dashboard)");

describe("dashboard pages", () => {
  it("each call requirePageRole before reading anything", () => {
    const pages = readdirSync(DASHBOARD, { recursive: true, encoding: "utf8" }).filter((file) => /(^|\/)page\.tsx$/.test(file));
    expect(pages.length).toBeGreaterThan(10);
    const unguarded = pages.filter((page) => !/await requirePageRole\(/.test(readFileSync(join(DASHBOARD, page), "utf8")));
    expect(unguarded).toEqual([]);
  });
});
