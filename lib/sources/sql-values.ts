/**
 * How a warehouse column reads as a Driftline cell in SQL, mirroring lib/data/values.ts: text is trimmed
 * and a blank is missing; a numeric feature is a plain decimal number or missing (never an error), and
 * infinities and NaN are missing as in monitoring. Names are quoted, never pasted.
 */
import { AppError } from "@/lib/errors";
import { quoteIdentifier } from "@/lib/scoring/sql-export";

/** PostgreSQL type ids of integers and numeric, whose values convert to double precision exactly as their text parses. */
const EXACT_NUMERIC_OIDS = new Set([20, 21, 23, 1700]);
const FLOAT8_OID = 701;
/** The whitespace JavaScript's trim() removes that can occur in ordinary data. */
const TRIMMED = "E' \\t\\n\\r\\f\\v'";
/** lib/data/values.ts PLAIN_NUMBER in PostgreSQL's regular-expression syntax. */
const PLAIN_NUMBER = "'^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?$'";

export function cellTextSql(column: string): string {
  return `NULLIF(btrim(CAST(${quoteIdentifier(column)} AS TEXT), ${TRIMMED}), '')`;
}

export function numberSql(column: string, typeOid: number): string {
  const ref = quoteIdentifier(column);
  const value =
    typeOid === FLOAT8_OID
      ? ref
      : EXACT_NUMERIC_OIDS.has(typeOid)
        ? `CAST(${ref} AS DOUBLE PRECISION)`
        : `(CASE WHEN ${cellTextSql(column)} ~ ${PLAIN_NUMBER} THEN CAST(${cellTextSql(column)} AS DOUBLE PRECISION) END)`;
  return `(CASE WHEN ${value} IN ('Infinity'::float8, '-Infinity'::float8, 'NaN'::float8) THEN NULL ELSE ${value} END)`;
}

const NAME_PART = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** A table name an admin typed, as `table` or `schema.table` of plain identifiers, quoted for SQL. */
export function tableNameSql(name: string): string {
  const parts = name.trim().split(".");
  if (parts.length > 2 || !parts.every((part) => NAME_PART.test(part))) {
    throw new AppError(
      "bad_table_name",
      `"${name}" is not a table name Driftline writes to: use letters, digits and _ (not starting with a digit), optionally schema.table.`,
      { column: "scoreTable" },
    );
  }
  return parts.map(quoteIdentifier).join(".");
}

/** Column name → PostgreSQL type id of the saved query's result, from a plan without rows. */
export async function resultTypes(client: { query: (config: { text: string; rowMode: "array" }) => Promise<{ fields: { name: string; dataTypeID: number }[] }> }, wrapped: string) {
  const { fields } = await client.query({ text: `SELECT * FROM ${wrapped} LIMIT 0`, rowMode: "array" });
  return new Map(fields.map((field) => [field.name, field.dataTypeID]));
}

export function requireColumns(types: Map<string, number>, names: string[], neededBy: string): void {
  for (const name of names) {
    if (!types.has(name)) {
      throw new AppError("missing_column", `The query returns no column "${name}", which ${neededBy} needs; it returns ${[...types.keys()].map((c) => `"${c}"`).join(", ")}.`, {
        column: name,
      });
    }
  }
}
