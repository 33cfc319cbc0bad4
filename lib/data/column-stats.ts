/**
 * A streaming accumulator for one column: everything type inference and the profile need, gathered in a
 * single pass with bounded memory. Distinct values are counted up to DISTINCT_CAP; past it a column stops
 * counting (its distinct count becomes a lower bound and its top values those of the counted part), except
 * a column that can still be an identifier, whose values must all be remembered to prove uniqueness.
 */
import { StringIndex } from "./string-index";
import { booleanPairOf, looksLikeFormattedNumber, parseIsoDate, parseNumber } from "./values";

export const DISTINCT_CAP = 10_000;

export interface FirstSeen {
  row: number;
  value: string;
}

export class ColumnStats {
  count = 0;
  missing = 0;
  firstMissingRow: number | null = null;

  numericCount = 0;
  allIntegers = true;
  min = Infinity;
  max = -Infinity;
  /** Welford's running mean and sum of squared deviations, stable for large sums. */
  mean = 0;
  m2 = 0;
  firstNonNumeric: FirstSeen | null = null;
  nonNumericCount = 0;
  formattedNumberCount = 0;

  /** Index into BOOLEAN_PAIRS shared by every value so far; -1 when none seen yet, -2 when not boolean. */
  booleanPair = -1;
  firstNonDate: FirstSeen | null = null;

  /** Each distinct value's number, its slot in `tallies`: one lookup per cell, then an array increment. */
  private readonly distinctValues = new StringIndex();
  private readonly tallies: number[] = [];
  distinctCapped = false;
  /** First row whose value repeats an earlier one; null while every value is unique. */
  firstDuplicate: FirstSeen | null = null;
  /** First row at which each value appeared, kept only for columns that ask (the target). */
  readonly firstRows: Map<string, number> | null;

  /** Counts every value whatever their number (the chosen id column, whose duplicates must all be found). */
  private readonly uncapped: boolean;

  constructor(
    readonly name: string,
    options: { trackFirstRows?: boolean; uncapped?: boolean } = {},
  ) {
    this.firstRows = options.trackFirstRows ? new Map() : null;
    this.uncapped = options.uncapped ?? false;
  }

  add(value: string | null, row: number): void {
    if (value === null) {
      this.missing++;
      this.firstMissingRow ??= row;
      return;
    }
    this.count++;
    this.addNumber(value, row);
    this.addBoolean(value);
    if (this.firstNonDate === null && parseIsoDate(value) === null) this.firstNonDate = { row, value };
    this.addDistinct(value, row);
  }

  private addNumber(value: string, row: number): void {
    const number = parseNumber(value);
    if (number === null) {
      this.nonNumericCount++;
      this.firstNonNumeric ??= { row, value };
      if (looksLikeFormattedNumber(value)) this.formattedNumberCount++;
      return;
    }
    this.numericCount++;
    if (!Number.isInteger(number)) this.allIntegers = false;
    if (number < this.min) this.min = number;
    if (number > this.max) this.max = number;
    const delta = number - this.mean;
    this.mean += delta / this.numericCount;
    this.m2 += delta * (number - this.mean);
  }

  private addBoolean(value: string): void {
    if (this.booleanPair === -2) return;
    const pair = booleanPairOf(value);
    if (pair === -1 || (this.booleanPair >= 0 && pair !== this.booleanPair)) this.booleanPair = -2;
    else this.booleanPair = pair;
  }

  private addDistinct(value: string, row: number): void {
    if (this.distinctCapped) return;
    if (this.distinctValues.size >= DISTINCT_CAP && !this.uncapped && !this.couldBeId) {
      this.distinctCapped = true;
      return;
    }
    const slot = this.distinctValues.add(value);
    if (!this.distinctValues.lastWasNew) {
      this.tallies[slot]++;
      this.firstDuplicate ??= { row, value };
      return;
    }
    this.tallies.push(1);
    this.firstRows?.set(value, row);
  }

  /** Distinct values counted (a lower bound when `distinctCapped`). */
  get distinct(): number {
    return this.distinctValues.size;
  }

  /** Every counted value with its number of cells. */
  *counts(): IterableIterator<[value: string, count: number]> {
    const { values } = this.distinctValues;
    for (let slot = 0; slot < values.length; slot++) yield [values[slot], this.tallies[slot]];
  }

  /** Unique so far and not a column of fractional numbers: still a possible identifier. */
  get couldBeId(): boolean {
    return this.firstDuplicate === null && !(this.numericCount > 0 && !this.allIntegers);
  }

  get isNumeric(): boolean {
    return this.count > 0 && this.numericCount === this.count;
  }

  get isBoolean(): boolean {
    return this.count > 0 && this.booleanPair >= 0;
  }

  get isDatetime(): boolean {
    return this.count > 0 && this.firstNonDate === null;
  }

  /** Population standard deviation of the numeric values, or null when there are none. */
  get std(): number | null {
    return this.numericCount > 0 ? Math.sqrt(this.m2 / this.numericCount) : null;
  }

  /** The most frequent values, most common first, ties by value; a linear scan, no full sort. */
  top(limit = 10): { value: string; count: number }[] {
    const best: { value: string; count: number }[] = [];
    const before = (a: { value: string; count: number }, b: { value: string; count: number }) =>
      a.count > b.count || (a.count === b.count && a.value < b.value);
    for (const [value, count] of this.counts()) {
      const entry = { value, count };
      if (best.length === limit && !before(entry, best[limit - 1])) continue;
      let at = best.length;
      while (at > 0 && before(entry, best[at - 1])) at--;
      best.splice(at, 0, entry);
      if (best.length > limit) best.pop();
    }
    return best;
  }
}
