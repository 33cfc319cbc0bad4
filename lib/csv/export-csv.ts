/**
 * CSV for people to open in spreadsheets. A text cell starting with = + - @ tab or carriage return would
 * run as a formula (`=HYPERLINK(...)` in a customer id), so it is prefixed with ' as OWASP advises.
 * papaparse's own `escapeFormulae: true` uses /^[=+\-@\t\r].*$/, which misses a cell holding a newline
 * (`.` stops at it), so the pattern here looks at the first character only. Numbers are written as
 * numbers: -0.25 is a value, not a formula.
 */
import Papa from "papaparse";

const FORMULA_START = /^[=+\-@\t\r]/;

/** Rows as CSV text with a trailing newline, formula cells neutralised. */
export function toExportCsv(rows: unknown[][]): string {
  return `${Papa.unparse(rows, { escapeFormulae: FORMULA_START, newline: "\n" })}\n`;
}
