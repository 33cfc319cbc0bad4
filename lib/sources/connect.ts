/**
 * One entry point over both kinds of source: the stored settings plus the decrypted password make a
 * connection, and a saved query gives rows, a row count or a connection test the same way for either.
 */
import { decryptSecret } from "@/lib/crypto/secret-box";
import type { Source } from "@/db/schema";
import { countRows, queryRows, readOnly } from "./postgres";
import { sqliteCount, sqliteRows } from "./sqlite";
import type { Connection, QueryRows } from "./types";

/** The connection a stored source describes; the password is decrypted only here, on the server. */
export function connectionOf(source: Pick<Source, "config" | "sealedSecret" | "statementTimeoutMs">): Connection {
  const { statementTimeoutMs } = source;
  if (source.config.kind === "sqlite") return { ...source.config, statementTimeoutMs };
  return { ...source.config, password: source.sealedSecret ? decryptSecret(source.sealedSecret) : null, statementTimeoutMs };
}

/** At most `limit` rows of the saved query, read-only. */
export async function readRows(connection: Connection, query: string, limit: number): Promise<QueryRows> {
  if (connection.kind === "sqlite") return sqliteRows(connection, query, limit);
  return readOnly(connection, (client) => queryRows(client, query, limit));
}

/** How many rows the saved query returns, counted where the data lives. */
export async function countSourceRows(connection: Connection, query: string): Promise<number> {
  if (connection.kind === "sqlite") return sqliteCount(connection, query);
  return readOnly(connection, (client) => countRows(client, query));
}

/** Connects and says what answered, e.g. "PostgreSQL 15.8 …, database warehouse as analytics". */
export async function testConnection(connection: Connection): Promise<string> {
  if (connection.kind === "sqlite") {
    const version = sqliteRows(connection, "SELECT sqlite_version() AS version", 1).rows[0][0];
    return `Opened ${connection.path} read-only (SQLite ${version}).`;
  }
  return readOnly(connection, async (client) => {
    const result = await client.query({ text: "SELECT current_setting('server_version'), current_database(), current_user", rowMode: "array" });
    const [version, database, user] = result.rows[0] as string[];
    return `Connected to PostgreSQL ${version}, database "${database}" as "${user}", in a read-only transaction.`;
  });
}
