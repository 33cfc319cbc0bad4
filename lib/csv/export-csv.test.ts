import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { toExportCsv } from "./export-csv";

const roundTrip = (cells: unknown[]) => Papa.parse<string[]>(toExportCsv([cells]).trimEnd()).data[0];

describe("toExportCsv", () => {
  it.each([
    ["=", '=HYPERLINK("http://evil.example","click")'],
    ["+", "+cmd|' /C calc'!A0"],
    ["-", "-2+3"],
    ["@", "@SUM(1+1)"],
    ["tab", "\t=1+1"],
    ["carriage return", "\r=1+1"],
    ["= with a newline inside", "=1+1\nsecond line"],
  ])("prefixes a text cell starting with %s so a spreadsheet shows it as text", (_, value) => {
    expect(roundTrip([value, "plain"])).toEqual([`'${value}`, "plain"]);
  });

  it("leaves numbers, ordinary text and inner formula characters alone", () => {
    expect(roundTrip([-0.25, 0.75, "Contract = Month-to-month", "a=b", "<script>x</script>"])).toEqual(["-0.25", "0.75", "Contract = Month-to-month", "a=b", "<script>x</script>"]);
  });
});
