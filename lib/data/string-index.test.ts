import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/random";
import { StringIndex } from "./string-index";

describe("StringIndex", () => {
  it("numbers values in first-seen order and finds them again", () => {
    const index = new StringIndex();
    expect([index.add("b"), index.lastWasNew, index.add("a"), index.lastWasNew, index.add("b"), index.lastWasNew]).toEqual([0, true, 1, true, 0, false]);
    expect(index.values).toEqual(["b", "a"]);
    expect(index.size).toBe(2);
  });

  it("tells apart values that differ only in case, whitespace, length or non-ASCII characters", () => {
    const index = new StringIndex();
    const values = ["", " ", "a", "A", "a ", "aa", "é", "e\u0301", "😀", "\u0000"];
    expect(values.map((v) => index.add(v))).toEqual(values.map((_, i) => i));
    expect(values.map((v) => index.add(v))).toEqual(values.map((_, i) => i));
  });

  it("agrees with a Map over a million values with repeats, across every growth of its table", () => {
    const random = mulberry32(7);
    const index = new StringIndex();
    const reference = new Map<string, number>();
    const expected: [number, boolean][] = [];
    const got: [number, boolean][] = [];
    for (let i = 0; i < 1_000_000; i++) {
      const value = `C${Math.floor(random() * 600_000)}`;
      const isNew = !reference.has(value);
      if (isNew) reference.set(value, reference.size);
      expected.push([reference.get(value)!, isNew]);
      got.push([index.add(value), index.lastWasNew]);
    }
    expect(got).toEqual(expected);
    expect(index.values).toEqual([...reference.keys()]);
  });
});
