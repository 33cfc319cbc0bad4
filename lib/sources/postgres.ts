/**
 * The one door to a PostgreSQL warehouse. Every saved query runs in a READ ONLY transaction with a
 * statement timeout set by set_config (a parameter, not pasted text), wrapped as a subquery with a
 * parameterised LIMIT. Values come back as text, the way Driftline stores cells, so nothing is lost or
 * rounded on the way: the server's own text of a number reads back as the same double.
 */
import pg from "pg";
import { AppError } from "@/lib/errors";
import type { PostgresConfig, QueryRows } from "./types";

export type PostgresConnection = PostgresConfig & { password: string | null; statementTimeoutMs: number };

const CONNECT_TIMEOUT_MS = 10_000;
const BOOL_OID = 16;
const TIMESTAMP_OIDS = new Set([1114, 1184]);
const BYTEA_OID = 17;

/** Every type as its text; booleans as true/false (Driftline's spelling) and timestamps as ISO 8601 UTC. */
const textTypes = {
  getTypeParser: (oid: number) => (value: string) => {
    if (oid === BOOL_OID) return value === "t" ? "true" : "false";
    if (TIMESTAMP_OIDS.has(oid)) return `${value.replace(" ", "T")}${/[+-]\d\d(:?\d\d)?$/.test(value) ? "" : "Z"}`.replace(/\+00$/, "Z");
    return value;
  },
};

/** A connected client; the caller must end() it. Connection failures become clear AppErrors. */
export async function connectPostgres(connection: PostgresConnection): Promise<pg.Client> {
  const client = new pg.Client({
    host: connection.host,
    port: connection.port,
    database: connection.database,
    user: connection.user,
    password: connection.password ?? undefined,
    ssl: connection.ssl ? { rejectUnauthorized: true } : false,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    types: textTypes,
    application_name: "driftline",
  });
  // An error after connecting (server restart) must not crash the process; the pending query rejects.
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw postgresError(error, connection);
  }
  return client;
}

/**
 * Runs `work` in a read-only transaction with the statement timeout and a UTC session clock, then rolls
 * back (there is nothing to keep). Used for every saved query, test connection and push-down profile.
 */
export async function readOnly<T>(connection: PostgresConnection, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await connectPostgres(connection);
  try {
    await client.query("BEGIN TRANSACTION READ ONLY");
    await applySessionSettings(client, connection.statementTimeoutMs);
    return await work(client);
  } catch (error) {
    throw postgresError(error, connection);
  } finally {
    await client.query("ROLLBACK").catch(() => {});
    await client.end().catch(() => {});
  }
}

export async function applySessionSettings(client: pg.Client, statementTimeoutMs: number): Promise<void> {
  await client.query("SELECT set_config('statement_timeout', $1, true), set_config('TimeZone', 'UTC', true), set_config('DateStyle', 'ISO', true)", [
    String(Math.round(statementTimeoutMs)),
  ]);
}

/** The saved query as a subquery; a trailing semicolon is dropped so it can be wrapped. */
export function subquery(query: string): string {
  const trimmed = query.trim().replace(/;\s*$/, "");
  if (trimmed === "") throw new AppError("empty_query", "The saved query is empty.", { column: "query" });
  return `(${trimmed}\n) AS driftline_source`;
}

/** At most `limit` rows of the saved query (one more is read to tell whether there were more). */
export async function queryRows(client: pg.Client, query: string, limit: number): Promise<QueryRows> {
  const result = await client.query({ text: `SELECT * FROM ${subquery(query)} LIMIT $1`, values: [limit + 1], rowMode: "array" });
  const columns = result.fields.map((field) => field.name);
  const binary = result.fields.find((field) => field.dataTypeID === BYTEA_OID);
  if (binary) throw new AppError("wrong_type", `Column "${binary.name}" is binary (bytea); the query must return text, numbers, booleans or dates.`, { column: binary.name });
  const rows = (result.rows as (string | null)[][]).slice(0, limit);
  return { columns, rows, truncated: result.rows.length > limit };
}

/** Number of rows the saved query returns, counted by the warehouse. */
export async function countRows(client: pg.Client, query: string): Promise<number> {
  const result = await client.query({ text: `SELECT count(*) FROM ${subquery(query)}`, rowMode: "array" });
  return Number((result.rows[0] as string[])[0]);
}

/** PostgreSQL's error codes that have a clearer explanation for an admin; the server's text is kept. */
const EXPLAINED: Record<string, string> = {
  "25006": "The saved query tried to write, and sources are read-only",
  "57014": "The query ran longer than the statement timeout",
  "42601": "The saved query is not valid SQL",
  "42703": "The saved query names a column that does not exist",
  "42P01": "The saved query names a table that does not exist",
  "22P02": "A value has the wrong type",
  "28P01": "The warehouse refused the user name or password",
  "28000": "The warehouse refused the user name or password",
  "3D000": "The database does not exist",
  "42501": "The warehouse user lacks a permission",
};

export function postgresError(error: unknown, connection: Pick<PostgresConnection, "host" | "port">): AppError {
  if (error instanceof AppError) return error;
  const e = error as { code?: string; message?: string; position?: string };
  const where = `${connection.host}:${connection.port}`;
  if (e.code === "ECONNREFUSED") return new AppError("connection_refused", `Connection refused by ${where}: is PostgreSQL running there and accepting TCP connections?`);
  if (e.code === "ENOTFOUND" || e.code === "EAI_AGAIN") return new AppError("host_not_found", `Host "${connection.host}" was not found.`);
  if (e.code === "ETIMEDOUT" || /timeout expired/i.test(e.message ?? "")) return new AppError("connection_timeout", `No answer from ${where} within ${CONNECT_TIMEOUT_MS / 1000} s.`);
  const explained = e.code ? EXPLAINED[e.code] : undefined;
  const position = e.position ? ` (at character ${e.position} of the wrapped query)` : "";
  const message = explained ? `${explained}: ${e.message}${position}.` : `PostgreSQL: ${e.message ?? String(error)}${position}.`;
  return new AppError(e.code === "57014" ? "statement_timeout" : e.code === "25006" ? "read_only" : "warehouse_error", message);
}
