import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/random";
import { decodeCells } from "./row-cells";

describe("decodeCells", () => {
  it("reads every row JSON.stringify writes exactly as JSON.parse does", () => {
    const random = mulberry32(3);
    const alphabet = ['a', '7', '.', ',', ' ', '"', '\\', '\n', '\u0001', 'é', '€', '😀', '[', ']', 'null'];
    const rows: (string | null)[][] = [[], [null], [""], ["a"], ["a", null, ""]];
    for (let i = 0; i < 5_000; i++) {
      rows.push(Array.from({ length: 1 + Math.floor(random() * 6) }, () => {
        if (random() < 0.2) return null;
        let cell = "";
        for (let j = Math.floor(random() * 6); j > 0; j--) cell += alphabet[Math.floor(random() * (random() < 0.8 ? 5 : alphabet.length))];
        return cell;
      }));
    }
    for (const row of rows) expect(decodeCells(JSON.stringify(row))).toEqual(row);
  });

  it("reads JSON written by others (spaces, escapes) through JSON.parse", () => {
    expect(decodeCells('[ "a" , null ]')).toEqual(["a", null]);
    expect(decodeCells('["\\u0041", "b"]')).toEqual(["A", "b"]);
    expect(() => decodeCells('["a"')).toThrow();
  });
});
