import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/random";
import { ecdfGaps } from "./ks";
import { gapsFromCounts, numericWindowCounts } from "./numeric-drift";
import { buildNumericProfile } from "./profile";
import { cleanNumeric } from "./sorted";

describe("KS gaps from counts at the sketch's values", () => {
  const next = mulberry32(21);
  const shapes: Record<string, () => number> = {
    continuous: () => next() * 100,
    "few integers (ties on both sides)": () => Math.floor(next() * 8),
    "shifted beyond the reference": () => 80 + next() * 100,
    "below the reference": () => -50 + next() * 40,
  };
  for (const [name, draw] of Object.entries(shapes)) {
    for (const [refSize, curSize] of [[50, 300], [30_000, 2_000], [500, 1]]) {
      it(`equal the merge walk bit for bit: ${name}, ${refSize} vs ${curSize}`, () => {
        const reference = buildNumericProfile("x", Float64Array.from({ length: refSize }, () => (name.startsWith("few") ? Math.floor(next() * 8) : next() * 100)));
        const current = cleanNumeric(Float64Array.from({ length: curSize }, draw));
        const fromCounts = gapsFromCounts(reference.sketch, numericWindowCounts(reference, current));
        const walked = ecdfGaps(reference.sketch, current.sorted);
        expect(Object.is(fromCounts.maxS, walked.maxS) && Object.is(fromCounts.minS, walked.minS)).toBe(true);
      });
    }
  }
});
