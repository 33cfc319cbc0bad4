/**
 * The one database client. It opens lazily (never at import time, so `next build` does not create a
 * database file) and runs with WAL and a busy timeout so the app, the CLI and imports can share the file.
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema>;

const BUSY_TIMEOUT_MS = 10_000;
export const DEFAULT_DATABASE_PATH = "./data/driftline.db";
let instance: { sqlite: Database.Database; db: Db; path: string } | null = null;

/** The database file in use: DATABASE_PATH, or ./data/driftline.db under the working directory. */
export function databasePath(): string {
  // turbopackIgnore: a runtime path, not a source file the build should trace.
  return resolve(/*turbopackIgnore: true*/ process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH);
}

/** Opens a connection with the pragmas every connection needs. */
export function openSqlite(path = databasePath()): Database.Database {
  mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = NORMAL");
  return sqlite;
}

export function getDb(): Db {
  const path = databasePath();
  if (instance?.path !== path) {
    instance?.sqlite.close();
    const sqlite = openSqlite(path);
    instance = { sqlite, db: drizzle(sqlite, { schema }), path };
  }
  return instance.db;
}

/** The raw connection behind getDb(), for the few statements drizzle has no builder for (iteration). */
export function getSqlite(): Database.Database {
  getDb();
  return instance!.sqlite;
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A prepared statement on the shared connection, compiled once: for queries run many times per tick. */
export function cachedStatement(text: string): Database.Statement {
  const sqlite = getSqlite();
  let cache = statements.get(sqlite);
  if (!cache) statements.set(sqlite, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) cache.set(text, (statement = sqlite.prepare(text)));
  return statement;
}

const preparedQueries = new WeakMap<Db, Map<string, unknown>>();

/**
 * A drizzle query built and prepared once per connection, its values given as sql.placeholder()s at each
 * call: on the scores API, building the SQL text and SQLite's prepare were a third of the route's own time.
 */
export function preparedQuery<T>(name: string, build: (db: Db) => T): T {
  const db = getDb();
  let cache = preparedQueries.get(db);
  if (!cache) preparedQueries.set(db, (cache = new Map()));
  if (!cache.has(name)) cache.set(name, build(db));
  return cache.get(name) as T;
}

/** Closes the shared connection (tests and the CLI, before exiting or switching files). */
export function closeDb(): void {
  instance?.sqlite.close();
  instance = null;
}
