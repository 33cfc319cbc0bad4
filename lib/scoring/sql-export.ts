/**
 * The champion as one SQL CASE expression yielding P(positive), so a warehouse can score its own tables
 * with exactly the in-app numbers. The tree becomes nested CASEs with the same rules as in-app scoring:
 * a missing value follows the learned side, x <= threshold goes left, one-hot categories compare text
 * exactly, an unseen category is 0 in every one-hot column. Identifiers and text are quoted, never pasted.
 */
import { BOOLEAN_PAIRS } from "@/lib/data/values";
import type { FeatureEncoding, ModelJson } from "@/lib/model";
import { encodedColumns, type EncodedColumn } from "@/lib/model/encoding";

export type SqlDialect = "sqlite" | "postgres";

const FLOAT_TYPE: Record<SqlDialect, string> = { sqlite: "REAL", postgres: "DOUBLE PRECISION" };

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function quoteText(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Shortest text that reads back as the same double. */
function literal(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Cannot write ${value} as SQL.`);
  return String(value);
}

export function modelToSql(model: ModelJson, dialect: SqlDialect = "sqlite"): string {
  const columns = encodedColumns(model.features).map((column) => columnSql(column, dialect));
  const { tree } = model;
  const node = (id: number, indent: string): string => {
    if (tree.feature[id] < 0) return literal(tree.positives[id] / (tree.positives[id] + tree.negatives[id]));
    const x = columns[tree.feature[id]];
    const inner = `${indent}  `;
    const left = node(tree.left[id], inner);
    const right = node(tree.right[id], inner);
    // NULL <= t is not true, so a missing value takes the ELSE (right) branch unless it learned left.
    // Each subtree is written once: repeating one under an IS NULL branch doubled the text per level.
    const goesLeft = tree.missingGoesLeft[id] ? `${x} IS NULL OR ${x} <= ${literal(tree.threshold[id])}` : `${x} <= ${literal(tree.threshold[id])}`;
    return ["CASE", `${inner}WHEN ${goesLeft} THEN ${left}`, `${inner}ELSE ${right}`, `${indent}END`].join("\n");
  };
  return node(0, "");
}

/** The SQL value of one encoded column: a number, 1/0 for a boolean or a one-hot category, NULL when missing. */
function columnSql(column: EncodedColumn, dialect: SqlDialect): string {
  const encoding: FeatureEncoding = column.encoding;
  const ref = quoteIdentifier(column.feature);
  if (encoding.kind === "numeric") return `CAST(${ref} AS ${FLOAT_TYPE[dialect]})`;
  if (encoding.kind === "boolean") {
    const truthy = BOOLEAN_PAIRS.map(([yes]) => quoteText(yes)).join(", ");
    const falsy = BOOLEAN_PAIRS.map(([, no]) => quoteText(no)).join(", ");
    const text = `lower(CAST(${ref} AS TEXT))`;
    return `(CASE WHEN ${text} IN (${truthy}) THEN 1 WHEN ${text} IN (${falsy}) THEN 0 END)`;
  }
  const members = column.other ? encoding.other : [column.category!];
  return `(CASE WHEN ${ref} IS NULL THEN NULL WHEN ${ref} IN (${members.map(quoteText).join(", ")}) THEN 1 ELSE 0 END)`;
}
