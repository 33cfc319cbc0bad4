/**
 * Sources against a real PostgreSQL server (the throwaway cluster of vitest.global-setup.ts) loaded with
 * the Telco and bank data: extraction, profiling and scoring in the warehouse against the app, the
 * read-only guarantee, and the errors an admin meets.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getSqlite } from "@/db/client";
import { trainModel, type ModelJson } from "@/lib/model";
import { monitorBatch } from "@/lib/monitoring/monitor-batch";
import { monitorWindow, windowProfileInApp } from "@/lib/monitoring/window-profile";
import { loadBatchColumns } from "@/lib/pipeline/store";
import { useTempDatabase } from "@/lib/test/auth-db";
import { BANK_CSV, BANK_TYPES, createWarehouseDatabase, loadTable, readShared, TELCO_CSV, TELCO_TYPES } from "@/lib/test/warehouse-data";
import { defaultFeatures } from "@/lib/training/features";
import { predictColumns, type CellColumns } from "@/lib/training/predict-columns";
import { buildReferenceProfile, type ReferenceProfile } from "@/lib/training/reference-profile";
import { DEFAULT_BANDS } from "@/lib/scoring/bands";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { connectionOf, readRows } from "./connect";
import { extractSource } from "./extract";
import type { PostgresConnection } from "./postgres";
import { profileInWarehouse } from "./pushdown-profile";
import { scoreInWarehouse } from "./pushdown-score";
import { ensureDatasetId, getSource, insertSource } from "./store";

useTempDatabase();
const DATABASE = "warehouse_test";
let connection: PostgresConnection;
let warehouse: pg.Client;

interface Loaded {
  columns: CellColumns;
  model: ModelJson;
  reference: ReferenceProfile;
}
const data: Record<"telco" | "bank", Loaded> = {} as never;

/** A model trained in the app, and a reference profile from the first 40% of rows, so the whole table drifts a little. */
async function prepare(table: "telco" | "bank", path: string, target: string, positive: string, id: string, types: Record<string, string>) {
  const { columns, result } = await readShared(path, target, positive, id);
  await loadTable(warehouse, table, columns, types);
  const features = defaultFeatures(result.profile.columns, target, id);
  const model = trainModel({ columns, target, positive, features, hyperparameters: { maxDepth: 8, minSamplesLeaf: 5 } }).model;
  const rows = columns[target].length;
  const head = Object.fromEntries(Object.entries(columns).map(([name, cells]) => [name, cells.slice(0, Math.floor(rows * 0.4))]));
  const reference = buildReferenceProfile(model.features, head, predictColumns(model, head).probabilities);
  data[table] = { columns, model, reference };
}

beforeAll(async () => {
  const database = await createWarehouseDatabase(inject("postgresUrl"), DATABASE);
  connection = { kind: "postgres", ...database, password: null, ssl: false, statementTimeoutMs: 30_000 };
  warehouse = new pg.Client(database);
  await warehouse.connect();
  await prepare("telco", TELCO_CSV, "Churn", "Yes", "customerID", TELCO_TYPES);
  await prepare("bank", BANK_CSV, "Exited", "1", "CustomerId", BANK_TYPES);
}, 120_000);

afterAll(async () => {
  await warehouse?.end();
});

const telcoQuery = () => `SELECT ${Object.keys(data.telco.columns).map((c) => `"${c}"`).join(", ")} FROM telco ORDER BY row_no`;
const bankQuery = () => `SELECT ${Object.keys(data.bank.columns).map((c) => `"${c}"`).join(", ")} FROM bank ORDER BY row_no`;

function postgresSource(name: string, query: string, overrides: Record<string, unknown> = {}) {
  const { kind, statementTimeoutMs, password, ...config } = connection;
  void password;
  return insertSource({
    name,
    kind,
    config: { kind, ...config },
    sealedSecret: null,
    query,
    statementTimeoutMs,
    datasetId: ensureDatasetId(`${name} dataset`),
    targetColumn: "Churn",
    positiveValue: "Yes",
    idColumn: "customerID",
    ...overrides,
  });
}

const batchCount = () => (getSqlite().prepare("SELECT count(*) AS n FROM batches").get() as { n: number }).n;

describe("extraction", () => {
  it("stores the Telco table as a batch holding the same values as the CSV", async () => {
    const source = getSource(postgresSource("Telco warehouse", telcoQuery()));
    const stored = await extractSource(source, new Date("2026-12-01T00:00:00Z"));
    expect(stored.profile.rows).toBe(7043);
    expect(stored.truncated).toBe(false);
    const { batch, columns } = loadBatchColumns(stored.batchId);
    expect(batch.source).toBe("postgres");
    expect(batch.asOf.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    for (const [name, cells] of Object.entries(data.telco.columns)) {
      const numeric = name in TELCO_TYPES;
      const read = (cell: string | null) => (cell === null ? null : numeric ? Number(cell) : cell);
      expect(columns[name].map(read), name).toEqual(cells.map(read));
    }
    expect(getSource(source.id).lastExtractedAt).not.toBeNull();
  });

  it("keeps at most the row limit and says so", async () => {
    const source = getSource(postgresSource("Telco limited", telcoQuery(), { rowLimit: 100 }));
    const stored = await extractSource(source);
    expect(stored.profile.rows).toBe(100);
    expect(stored.warnings).toContain("The query returns more than 100 rows; this batch holds the first 100.");
  });

  it("decrypts a sealed password to connect", async () => {
    await warehouse.query("DO $$ BEGIN CREATE ROLE reader LOGIN PASSWORD 'reader-secret'; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
    await warehouse.query("GRANT SELECT ON telco TO reader");
    const id = postgresSource("Telco as reader", "SELECT \"customerID\" FROM telco", { sealedSecret: encryptSecret("reader-secret"), targetColumn: null, positiveValue: null });
    const source = getSource(id);
    (source.config as { user: string }).user = "reader";
    expect(connectionOf(source)).toMatchObject({ user: "reader", password: "reader-secret" });
    expect((await readRows(connectionOf(source), source.query, 5)).rows).toHaveLength(5);
  });
});

describe("push-down profiling", () => {
  for (const [table, query] of [["telco", telcoQuery], ["bank", bankQuery]] as const) {
    it(`counts ${table} in the warehouse into the same profile the app computes, and the same drift`, async () => {
      const { columns, reference, model } = data[table];
      const inWarehouse = await profileInWarehouse(connection, query(), reference);
      const inApp = windowProfileInApp(reference, columns);
      expect(inWarehouse).toEqual(inApp);

      const scores = predictColumns(model, columns).probabilities;
      const fromWarehouse = monitorWindow(reference, inWarehouse, scores);
      const fromApp = monitorBatch(reference, columns, scores);
      const comparable = ({ wasserstein, wassersteinNormalized, reason, ...rest }: (typeof fromApp.features)[number]) => (void [wasserstein, wassersteinNormalized, reason], rest);
      expect(fromWarehouse.features.map(comparable)).toEqual(fromApp.features.map(comparable));
      expect(fromWarehouse.driftShare).toBe(fromApp.driftShare);
      expect(fromWarehouse.features.some((f) => f.psi! > 0)).toBe(true);
    });
  }

  it("counts blanks, text that is not a number and infinities as missing, as the app does", async () => {
    await warehouse.query(`CREATE TABLE messy AS SELECT * FROM (VALUES ('1.5', 1.5::float8, 'a'), (' 2 ', 'Infinity'::float8, ' a '), ('', NULL, ''), ('x', 'NaN'::float8, NULL), ('1e2', 3, 'b')) AS t(txt, num, cat)`);
    const columns: CellColumns = { txt: ["1.5", "2", null, "x", "1e2"], num: ["1.5", "Infinity", null, "NaN", "3"], cat: ["a", "a", null, null, "b"] };
    const reference = buildReferenceProfile(
      [{ name: "txt", kind: "numeric" }, { name: "num", kind: "numeric" }, { name: "cat", kind: "categorical" }],
      { txt: ["1", "2", "3"], num: ["1", "2", "4"], cat: ["a", "b", "c"] },
      Float64Array.of(0.1, 0.2, 0.3),
    );
    expect(await profileInWarehouse(connection, "SELECT * FROM messy", reference)).toEqual(windowProfileInApp(reference, columns));
  });
});

describe("push-down scoring", () => {
  for (const [table, query, id] of [["telco", telcoQuery, "customerID"], ["bank", bankQuery, "CustomerId"]] as const) {
    it(`writes ${table}'s probabilities into the named table, equal to the app's within 1e-12`, async () => {
      const { columns, model } = data[table];
      const result = await scoreInWarehouse(connection, query(), model, { table: `scores_${table}`, runId: 7, idColumn: id, bands: DEFAULT_BANDS, scoredAt: new Date() });
      const rows = columns[id].length;
      expect(result).toMatchObject({ scored: rows, unscorable: 0 });
      const inApp = predictColumns(model, columns).probabilities;
      const written = await warehouse.query({ text: `SELECT entity_id, probability FROM scores_${table} WHERE run_id = 7`, rowMode: "array" });
      const byId = new Map((written.rows as [string, string][]).map(([entity, p]) => [entity, Number(p)]));
      expect(byId.size).toBe(rows);
      const worst = Math.max(...columns[id].map((entity, i) => Math.abs(byId.get(entity!)! - inApp[i])));
      expect(worst).toBeLessThanOrEqual(1e-12);
      expect(result.bands.high + result.bands.medium + result.bands.low).toBe(rows);

      // A retry of the same run replaces its rows instead of adding to them.
      await scoreInWarehouse(connection, query(), model, { table: `scores_${table}`, runId: 7, idColumn: id, bands: DEFAULT_BANDS, scoredAt: new Date() });
      expect((await warehouse.query(`SELECT count(*)::int AS n FROM scores_${table}`)).rows[0].n).toBe(rows);
    });
  }

  it("refuses a score table name that is not a plain identifier", async () => {
    await expect(
      scoreInWarehouse(connection, telcoQuery(), data.telco.model, { table: 'x"; DROP TABLE telco; --', runId: 1, idColumn: "customerID", bands: DEFAULT_BANDS, scoredAt: new Date() }),
    ).rejects.toThrow(/not a table name/);
  });
});

describe("read-only queries", () => {
  it("fail when they try to write, and change nothing", async () => {
    await warehouse.query("CREATE OR REPLACE FUNCTION sneaky_delete() RETURNS integer LANGUAGE sql AS 'DELETE FROM telco RETURNING 1'");
    await expect(readRows(connection, "SELECT sneaky_delete()", 10)).rejects.toThrow(/tried to write, and sources are read-only/);
    await expect(readRows(connection, "DELETE FROM telco RETURNING *", 10)).rejects.toThrow(/not valid SQL/);
    await expect(readRows(connection, "SELECT 1; DROP TABLE telco", 10)).rejects.toThrow();
    expect((await warehouse.query("SELECT count(*)::int AS n FROM telco")).rows[0].n).toBe(7043);
  });

  it("stop at the statement timeout", async () => {
    await expect(readRows({ ...connection, statementTimeoutMs: 200 }, "SELECT pg_sleep(5)", 1)).rejects.toThrow(/longer than the statement timeout/);
  });
});

describe("errors store nothing and say what is wrong", () => {
  it("a refused connection", async () => {
    const before = batchCount();
    const id = postgresSource("Nobody home", telcoQuery());
    const source = getSource(id);
    source.config = { ...(source.config as object), port: 1 } as never;
    await expect(extractSource(source)).rejects.toThrow(/Connection refused by 127\.0\.0\.1:1/);
    expect(batchCount()).toBe(before);
    expect(getSource(id).lastError).toMatch(/Connection refused/);
  });

  it("bad SQL", async () => {
    const before = batchCount();
    await expect(extractSource(getSource(postgresSource("Typo", "SELEC * FROM telco")))).rejects.toThrow(/not valid SQL: syntax error at or near/);
    expect(batchCount()).toBe(before);
  });

  it("a missing column", async () => {
    const before = batchCount();
    await expect(extractSource(getSource(postgresSource("No target", 'SELECT "customerID", tenure FROM telco')))).rejects.toThrow(
      /The query returns no column "Churn", which the source's target needs/,
    );
    expect(batchCount()).toBe(before);
  });

  it("a wrong type, naming row, column and value", async () => {
    const before = batchCount();
    const query = `SELECT "customerID", "Churn", CASE WHEN row_no = 3 THEN 'lots' ELSE CAST(tenure AS text) END AS tenure FROM telco ORDER BY row_no`;
    const id = postgresSource("Text tenure", query);
    getSqlite()
      .prepare(
        `INSERT INTO pipelines (name, dataset_id, target_column, positive_value, id_column, features, hyperparameters, split, gates, risk_bands, source_id)
         VALUES ('Reads tenure', ?, 'Churn', 'Yes', 'customerID', ?, '{}', '{"kind":"stratified","testSize":0.2,"seed":1}', '[]', '{"high":0.6,"medium":0.3}', ?)`,
      )
      .run(getSource(id).datasetId, JSON.stringify([{ name: "tenure", kind: "numeric", description: "", transformation: "", owner: "" }]), id);
    await expect(extractSource(getSource(id))).rejects.toThrow('Column "tenure", row 3: "lots" is not a number, but pipeline "Reads tenure" reads it as numeric.');
    expect(batchCount()).toBe(before);
  });
});
