import { describe, expect, it } from "vitest";
import { parseCustomerId, parseListParams } from "./params";

const parse = (query: string) => parseListParams(new URLSearchParams(query));

describe("scores API parameters", () => {
  it("defaults to 100 scores of every pipeline", () => {
    expect(parse("")).toEqual({ limit: 100 });
  });

  it("reads every filter", () => {
    expect(parse("pipeline=telco&band=high&updatedSince=2026-12-01T10:00:00%2B02:00&limit=1000&cursor=abc")).toEqual({
      pipeline: "telco",
      band: "high",
      updatedSince: new Date("2026-12-01T08:00:00Z"),
      limit: 1000,
      cursor: "abc",
    });
    expect(parse("updatedSince=2026-12-01").updatedSince).toEqual(new Date("2026-12-01T00:00:00Z"));
  });

  it.each([
    ["limit=0", /^limit must be a whole number from 1 to 1000$/],
    ["limit=1001", /^limit must be at most 1000$/],
    ["limit=2.5", /^limit must be a whole number/],
    ["limit=many", /^limit must be a whole number/],
    ["band=extreme", /^band must be one of high, medium, low$/],
    ["updatedSince=yesterday", /^updatedSince must be an ISO 8601/],
    ["updatedSince=2026-13-01", /^updatedSince must be an ISO 8601/],
    ["pipeline=", /^pipeline must be/],
    ["bands=high", /^Unknown query parameter "bands"\.$/],
  ])("refuses %s with a 400 naming the parameter", (query, message) => {
    expect(() => parse(query)).toThrow(expect.objectContaining({ status: 400, code: "invalid_param", message: expect.stringMatching(message) }));
  });

  it("takes a customer id as it is, up to 200 characters", () => {
    expect(parseCustomerId("7590-VHVEG")).toBe("7590-VHVEG");
    expect(() => parseCustomerId("x".repeat(201))).toThrow(/customerId/);
  });
});
