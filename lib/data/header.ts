/**
 * Header checks: a column name may appear once, may not be blank or longer than MAX_COLUMN_NAME, and a file
 * needs two columns. Names travel into the data dictionary, reports, alerts and SQL exports, so an
 * unbounded one (a value pasted as a header) is refused rather than carried everywhere.
 */
import { AppError } from "@/lib/errors";

export const MAX_COLUMN_NAME = 200;

export function checkHeader(record: string[], file: string): string[] {
  const names = record.map((name) => name.trim());
  const blank = names.findIndex((name) => name === "");
  if (blank >= 0) {
    throw new AppError("blank_column_name", `${file}: column ${blank + 1} of the header has no name.`, { file });
  }
  const long = names.findIndex((name) => name.length > MAX_COLUMN_NAME);
  if (long >= 0) {
    throw new AppError(
      "long_column_name",
      `${file}: column ${long + 1} of the header is ${names[long].length} characters long; keep column names to ${MAX_COLUMN_NAME}.`,
      { file, column: `${names[long].slice(0, 40)}…` },
    );
  }
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) {
      throw new AppError(
        "duplicate_column",
        `${file}: the header names column "${name}" more than once; rename one of them.`,
        { file, column: name },
      );
    }
    seen.add(name);
  }
  if (names.length < 2) {
    throw new AppError(
      "one_column",
      `${file} has a single column ("${names[0]}"). If it uses a delimiter other than ",", ";" or tab, convert it; otherwise add the target and feature columns.`,
      { file, column: names[0] },
    );
  }
  return names;
}
