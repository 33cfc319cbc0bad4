/** Shapes of a warehouse source: its non-secret connection settings and what a query returns. */
export interface SqliteConfig {
  kind: "sqlite";
  /** Absolute path of the database file on the Driftline server; opened read-only. */
  path: string;
}

export interface PostgresConfig {
  kind: "postgres";
  host: string;
  port: number;
  database: string;
  user: string;
  /** Require TLS to the server. */
  ssl: boolean;
}

export type SourceConfig = SqliteConfig | PostgresConfig;

/** How a source is reached: the stored settings plus the decrypted password, on the server only. */
export type Connection = (SqliteConfig | (PostgresConfig & { password: string | null })) & {
  statementTimeoutMs: number;
};

/** Rows of a query as Driftline stores cells: text, null where the warehouse had NULL or a blank. */
export interface QueryRows {
  columns: string[];
  rows: (string | null)[][];
  /** True when the query had more rows than the limit and only the first ones were read. */
  truncated: boolean;
}
