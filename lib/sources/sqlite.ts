/**
 * A SQLite database file as a source. The file is opened read-only (SQLite itself refuses any write),
 * and the saved query must be a read-only statement. better-sqlite3 cannot interrupt a running statement,
 * so the timeout is checked while rows are read: a query that is slow before its first row finishes that
 * step first. Values become text the way Driftline stores cells.
 */
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { AppError } from "@/lib/errors";
import { subquery } from "./postgres";
import type { QueryRows, SqliteConfig } from "./types";

export type SqliteConnection = SqliteConfig & { statementTimeoutMs: number };

export function openSource(connection: SqliteConnection): Database.Database {
  if (!existsSync(connection.path)) throw new AppError("file_not_found", `The SQLite file ${connection.path} does not exist on the Driftline server.`);
  try {
    return new Database(connection.path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new AppError("file_unreadable", `Cannot open ${connection.path} as a SQLite database: ${(error as Error).message}.`);
  }
}

function prepare(db: Database.Database, sql: string): Database.Statement {
  try {
    return db.prepare(sql);
  } catch (error) {
    const message = (error as Error).message;
    if (/no such column/i.test(message)) throw new AppError("warehouse_error", `The saved query names a column that does not exist: ${message}.`);
    if (/no such table/i.test(message)) throw new AppError("warehouse_error", `The saved query names a table that does not exist: ${message}.`);
    throw new AppError("warehouse_error", `The saved query is not valid SQL: ${message}.`);
  }
}

function cellText(value: unknown, column: string, row: number): string | null {
  if (value === null) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  throw new AppError("wrong_type", `Column "${column}", row ${row}: binary values cannot be read; return text or numbers.`, { column, row });
}

export function sqliteRows(connection: SqliteConnection, query: string, limit: number): QueryRows {
  const db = openSource(connection);
  try {
    const statement = prepare(db, `SELECT * FROM ${subquery(query)} LIMIT ?`).raw(true);
    const columns = statement.columns().map((c) => c.name);
    const deadline = Date.now() + connection.statementTimeoutMs;
    const rows: (string | null)[][] = [];
    let truncated = false;
    for (const values of statement.iterate(limit + 1) as IterableIterator<unknown[]>) {
      if (rows.length === limit) {
        truncated = true;
        break;
      }
      if (rows.length % 1000 === 0 && Date.now() > deadline) {
        throw new AppError("statement_timeout", `The query ran longer than the statement timeout of ${connection.statementTimeoutMs / 1000} s.`);
      }
      rows.push(values.map((value, i) => cellText(value, columns[i], rows.length + 1)));
    }
    return { columns, rows, truncated };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("warehouse_error", `SQLite: ${(error as Error).message}.`);
  } finally {
    db.close();
  }
}

export function sqliteCount(connection: SqliteConnection, query: string): number {
  const db = openSource(connection);
  try {
    return Number((prepare(db, `SELECT count(*) FROM ${subquery(query)}`).raw(true).get() as [number])[0]);
  } finally {
    db.close();
  }
}
