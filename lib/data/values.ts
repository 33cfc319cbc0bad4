/**
 * How a single cell's text is read. Number() is not used on raw text because it turns " " into 0 and
 * accepts "0x1F", "Infinity" and "1e"; these checks accept only plain decimal notation.
 */

/** Trimmed text, or null for a blank or whitespace-only cell (missing, never 0). */
export function normalizeCell(raw: string | undefined): string | null {
  if (raw === undefined || raw === "") return null;
  // Most cells have no surrounding space: visible ASCII at both ends means trim() would return it as is.
  const first = raw.charCodeAt(0);
  const last = raw.charCodeAt(raw.length - 1);
  if (first > 32 && first < 127 && last > 32 && last < 127) return raw;
  const trimmed = raw.trim();
  return trimmed === "" ? null : trimmed;
}

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const DOT = 46;
/** Powers of ten that are exact doubles, for the fast path below. */
const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);
/** Below 2^53 every integer is exact, so a mantissa of at most 15 digits divided by an exact 10^k rounds once. */
const MAX_FAST_DIGITS = 15;

/**
 * The number a trimmed cell holds, or null when it is not plain decimal notation: [+-]digits[.digits]
 * or [+-].digits, with an optional exponent. Written as a character scan instead of a regular expression
 * because ingestion calls it for every cell. Short decimals without an exponent ("448.29", "-3") are
 * computed here as mantissa ÷ 10^k, which is exactly what Number() gives (both operands are exact, so
 * the one division rounds correctly); anything else that passes the scan goes through Number().
 */
export function parseNumber(text: string): number | null {
  const length = text.length;
  if (length === 0) return null;
  let i = 0;
  const sign = text.charCodeAt(0);
  const negative = sign === 45;
  if (negative || sign === 43) i = 1;
  let mantissa = 0;
  let digits = 0;
  let decimals = 0;
  let dot = false;
  for (; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code >= DIGIT_0 && code <= DIGIT_9) {
      mantissa = mantissa * 10 + (code - DIGIT_0);
      digits++;
      if (dot) decimals++;
    } else if (code === DOT && !dot) dot = true;
    else break;
  }
  if (digits === 0) return null;
  if (i === length) {
    if (digits <= MAX_FAST_DIGITS) {
      const value = decimals === 0 ? mantissa : mantissa / EXACT_POWERS_OF_TEN[decimals];
      return negative ? -value : value;
    }
  } else if (!isExponent(text, i)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** Whether text from `at` on is an exponent: e or E, an optional sign, then one digit or more, to the end. */
function isExponent(text: string, at: number): boolean {
  const e = text.charCodeAt(at);
  if (e !== 101 && e !== 69) return false;
  let i = at + 1;
  const sign = text.charCodeAt(i);
  if (sign === 43 || sign === 45) i++;
  if (i === text.length) return false;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < DIGIT_0 || code > DIGIT_9) return false;
  }
  return true;
}

/**
 * A column of cells as numbers, NaN where a cell is blank or not a number. A loop into the typed array:
 * Float64Array.from(cells, map) runs the map through a slow generic path, seconds for a million cells.
 */
export function cellsToNumbers(cells: readonly (string | null)[]): Float64Array {
  const numbers = new Float64Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    numbers[i] = cell === null ? NaN : parseNumber(cell) ?? NaN;
  }
  return numbers;
}

/** Thousands separators ("1,889.50") or a decimal comma ("29,85"): numbers we refuse to guess at. */
const FORMATTED_NUMBER = /^[+-]?(?:\d{1,3}(?:[,.\s']\d{3})+(?:[.,]\d+)?|\d+,\d+)$/;

export function looksLikeFormattedNumber(text: string): boolean {
  // Cheap refusal first: such a number starts with a sign or a digit, and most text does not.
  const first = text.charCodeAt(0);
  if (!(first >= DIGIT_0 && first <= DIGIT_9) && first !== 43 && first !== 45) return false;
  return FORMATTED_NUMBER.test(text);
}

/** Pairs of values read as booleans, each as [positive, negative], compared case-insensitively. */
export const BOOLEAN_PAIRS: readonly (readonly [string, string])[] = [
  ["yes", "no"],
  ["true", "false"],
  ["1", "0"],
  ["y", "n"],
];

/** The index in BOOLEAN_PAIRS of the pair a value belongs to, or -1. */
export function booleanPairOf(text: string): number {
  // Compared without lower-casing a copy: this runs for every cell of a column until it is ruled out.
  if (text.length > 5) return -1;
  for (let pair = 0; pair < BOOLEAN_PAIRS.length; pair++) {
    const [yes, no] = BOOLEAN_PAIRS[pair];
    if (equalsLowerCase(text, yes) || equalsLowerCase(text, no)) return pair;
  }
  return -1;
}

/** Whether text equals `lower` (ASCII lower case) ignoring the case of ASCII letters. */
function equalsLowerCase(text: string, lower: string): boolean {
  if (text.length !== lower.length) return false;
  for (let i = 0; i < lower.length; i++) {
    const code = text.charCodeAt(i);
    const folded = code >= 65 && code <= 90 ? code + 32 : code;
    if (folded !== lower.charCodeAt(i)) return false;
  }
  return true;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Epoch milliseconds for an ISO 8601 date or date-time (UTC when no offset is given), else null. */
export function parseIsoDate(text: string): number | null {
  if (!ISO_DATE.test(text)) return null;
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/.test(text) && text.length > 10;
  const iso = text.replace(" ", "T");
  const ms = Date.parse(hasZone || iso.length === 10 ? iso : `${iso}Z`);
  return Number.isNaN(ms) ? null : ms;
}

/** Column names that mark an identifier when the values are unique integers (RowNumber, CustomerId, user_id). */
export function nameSuggestsId(name: string): boolean {
  return /(?:^|[_\s-])(?:id|key|no|num|number)$/i.test(name) || /(?:Id|ID|Key|Number|No|Num)$/.test(name);
}
