/**
 * How a single cell's text is read. Number() is not used on raw text because it turns " " into 0 and
 * accepts "0x1F", "Infinity" and "1e"; these checks accept only plain decimal notation.
 */

/** Trimmed text, or null for a blank or whitespace-only cell (missing, never 0). */
export function normalizeCell(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const trimmed = raw.trim();
  return trimmed === "" ? null : trimmed;
}

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The number a trimmed cell holds, or null when it is not plain decimal notation. */
export function parseNumber(text: string): number | null {
  if (!PLAIN_NUMBER.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** Thousands separators ("1,889.50") or a decimal comma ("29,85"): numbers we refuse to guess at. */
const FORMATTED_NUMBER = /^[+-]?(?:\d{1,3}(?:[,.\s']\d{3})+(?:[.,]\d+)?|\d+,\d+)$/;

export function looksLikeFormattedNumber(text: string): boolean {
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
  const lower = text.toLowerCase();
  return BOOLEAN_PAIRS.findIndex(([yes, no]) => lower === yes || lower === no);
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
