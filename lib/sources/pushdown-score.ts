/**
 * Scoring inside PostgreSQL: the champion's SQL CASE expression (lib/scoring/sql-export.ts) runs over the
 * saved query and writes one row per customer into the table the admin named, in one transaction that
 * first removes any rows of the same run (so a retry never doubles them). The app keeps the counts and
 * the score distribution; a tree has one probability per leaf, so the distribution is a short list.
 */
import type { ModelJson } from "@/lib/model";
import { AppError } from "@/lib/errors";
import type { BandCutoffs } from "@/lib/scoring/bands";
import { modelToSql, quoteIdentifier } from "@/lib/scoring/sql-export";
import { applySessionSettings, connectPostgres, postgresError, subquery, type PostgresConnection } from "./postgres";
import { requireColumns, resultTypes, tableNameSql } from "./sql-values";

export interface WarehouseScoring {
  table: string;
  /** Rows written, and rows of the query left out because they have no customer id. */
  scored: number;
  unscorable: number;
  /** Probability → customers, ascending. */
  distribution: [number, number][];
  bands: { high: number; medium: number; low: number };
}

export interface ScoreOptions {
  table: string;
  runId: number;
  idColumn: string;
  bands: BandCutoffs;
  scoredAt: Date;
}

export async function scoreInWarehouse(connection: PostgresConnection, query: string, model: ModelJson, options: ScoreOptions): Promise<WarehouseScoring> {
  const table = tableNameSql(options.table);
  const wrapped = subquery(query);
  const client = await connectPostgres(connection);
  try {
    await client.query("BEGIN");
    await applySessionSettings(client, connection.statementTimeoutMs);
    requireColumns(await resultTypes(client, wrapped), [options.idColumn, ...model.features.map((f) => f.name)], "the champion");
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${table} (run_id bigint NOT NULL, entity_id text NOT NULL, probability double precision NOT NULL, band text NOT NULL, scored_at timestamptz NOT NULL)`,
    );
    await client.query(`DELETE FROM ${table} WHERE run_id = $1`, [options.runId]);
    const id = quoteIdentifier(options.idColumn);
    // OFFSET 0 keeps the planner from copying the CASE into each of the three places that read p.
    const inserted = await client.query(
      `INSERT INTO ${table} (run_id, entity_id, probability, band, scored_at)
       SELECT $1, entity_id, p, CASE WHEN p >= $2 THEN 'high' WHEN p >= $3 THEN 'medium' ELSE 'low' END, $4
       FROM (SELECT CAST(${id} AS TEXT) AS entity_id, ${modelToSql(model, "postgres")} AS p FROM ${wrapped} OFFSET 0) AS scored
       WHERE entity_id IS NOT NULL`,
      [options.runId, options.bands.high, options.bands.medium, options.scoredAt.toISOString()],
    );
    const total = await client.query({ text: `SELECT count(*) FROM ${wrapped}`, rowMode: "array" });
    const histogram = await client.query({
      text: `SELECT probability, count(*) FROM ${table} WHERE run_id = $1 GROUP BY probability ORDER BY probability`,
      values: [options.runId],
      rowMode: "array",
    });
    await client.query("COMMIT");
    const distribution = (histogram.rows as [string, string][]).map(([p, n]): [number, number] => [Number(p), Number(n)]);
    const bands = { high: 0, medium: 0, low: 0 };
    for (const [p, n] of distribution) bands[p >= options.bands.high ? "high" : p >= options.bands.medium ? "medium" : "low"] += n;
    const scored = inserted.rowCount ?? 0;
    return { table: options.table, scored, unscorable: Number((total.rows[0] as string[])[0]) - scored, distribution, bands };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    const failure = postgresError(error, connection);
    if (failure.code === "warehouse_error" && /invalid input syntax/i.test(failure.message)) {
      throw new AppError("wrong_type", `${failure.message} Numeric features must be numeric columns in the saved query (cast them there).`);
    }
    throw failure;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The served probabilities as one array, expanded from the distribution, for drift and the estimate. */
export function expandDistribution(distribution: [number, number][]): Float64Array {
  const out = new Float64Array(distribution.reduce((sum, [, n]) => sum + n, 0));
  let i = 0;
  for (const [p, n] of distribution) out.fill(p, i, (i += n));
  return out;
}
