import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/random";
import { booleanPairOf, normalizeCell, parseNumber } from "./values";

/** The definition parseNumber's character scan replaces: plain decimal notation, then Number(). */
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
function byDefinition(text: string): number | null {
  if (!PLAIN_NUMBER.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

describe("parseNumber", () => {
  it("reads exactly what plain decimal notation means, to the last bit", () => {
    const cases = ["", "+", "-", ".", "1", "1.", ".5", "+.5", "-0", "0x1F", "Infinity", "1e", "1e5", "1E+5", "1e-5", "1e999", "1.2.3", "--1", " 1", "1 ", "1,5", "123456789012345", "1234567890123456", "12345678901234567890", "0.000000000000000000001", "9007199254740993", "1.7976931348623157e308", "abc", "1a", "e5", "00012.5000", "1_000", "٣"];
    const random = mulberry32(7);
    const alphabet = "0123456789.eE+-x ";
    for (let i = 0; i < 50_000; i++) {
      let text = "";
      const length = 1 + Math.floor(random() * 12);
      for (let j = 0; j < length; j++) text += alphabet[Math.floor(random() * (random() < 0.7 ? 11 : alphabet.length))];
      cases.push(text, (random() * 10 ** Math.floor(random() * 20)).toFixed(Math.floor(random() * 8)));
    }
    const mismatches = cases.filter((text) => !Object.is(parseNumber(text), byDefinition(text)));
    expect(mismatches).toEqual([]);
    expect(parseNumber("448.29")).toBe(448.29);
    expect(parseNumber("-0.1")).toBe(-0.1);
  });
});

describe("normalizeCell and booleanPairOf", () => {
  it("trim like String.prototype.trim and compare booleans regardless of case", () => {
    for (const cell of ["", " ", " a ", "a", "\u00a0x", "x\t", "é"]) expect(normalizeCell(cell)).toBe(cell.trim() === "" ? null : cell.trim());
    expect(["Yes", "NO", "true", "False", "1", "0", "y", "N", "yes!", "maybe", "truee"].map(booleanPairOf)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, -1, -1, -1]);
  });
});
