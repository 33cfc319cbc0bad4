/** A SQLite file as a source, read-only, and the schedule that extracts from it once per slot. */
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { getSqlite } from "@/db/client";
import { loadBatchColumns } from "@/lib/pipeline/store";
import { useTempDatabase } from "@/lib/test/auth-db";
import { tempDir } from "@/lib/test/temp-files";
import { readShared, TELCO_CSV } from "@/lib/test/warehouse-data";
import { quoteIdentifier } from "@/lib/scoring/sql-export";
import type { CellColumns } from "@/lib/training/predict-columns";
import { readRows, testConnection } from "./connect";
import { extractSource } from "./extract";
import { latestSlot } from "@/lib/pipeline/schedule";
import { extractDueSources } from "./scheduled";
import { ensureDatasetId, getSource, insertSource, updateSource } from "./store";

useTempDatabase();
const files = tempDir("driftline-sqlite-source-");
const path = `${files.dir}/warehouse.db`;
let columns: CellColumns;

beforeAll(async () => {
  columns = (await readShared(TELCO_CSV, "Churn", "Yes", "customerID")).columns;
  const db = new Database(path);
  const names = Object.keys(columns);
  db.exec(`CREATE TABLE telco (${names.map((n) => `${quoteIdentifier(n)} ${n === "tenure" ? "INTEGER" : n === "MonthlyCharges" ? "REAL" : "TEXT"}`).join(", ")})`);
  const insert = db.prepare(`INSERT INTO telco VALUES (${names.map(() => "?").join(", ")})`);
  db.transaction(() => {
    for (let r = 0; r < columns.customerID.length; r++) insert.run(names.map((n) => (n === "tenure" || n === "MonthlyCharges" ? Number(columns[n][r]) : columns[n][r])));
  })();
  db.close();
});

const connection = { kind: "sqlite" as const, path, statementTimeoutMs: 10_000 };

function sqliteSource(name: string, overrides: Record<string, unknown> = {}) {
  return insertSource({
    name,
    kind: "sqlite",
    config: { kind: "sqlite", path },
    query: "SELECT * FROM telco ORDER BY rowid",
    datasetId: ensureDatasetId(`${name} dataset`),
    targetColumn: "Churn",
    positiveValue: "Yes",
    idColumn: "customerID",
    ...overrides,
  });
}

const batches = () => (getSqlite().prepare("SELECT count(*) AS n FROM batches").get() as { n: number }).n;

describe("a SQLite file as a source", () => {
  it("tests the connection and extracts every row as the CSV has it", async () => {
    expect(await testConnection(connection)).toMatch(/^Opened .*warehouse\.db read-only \(SQLite 3\./);
    const stored = await extractSource(getSource(sqliteSource("Telco file")));
    const { batch, columns: stored_ } = loadBatchColumns(stored.batchId);
    expect(batch).toMatchObject({ source: "sqlite", rowCount: 7043, idColumn: "customerID", targetColumn: "Churn" });
    expect(stored_.Contract).toEqual(columns.Contract);
    expect(stored_.MonthlyCharges.map(Number)).toEqual(columns.MonthlyCharges.map(Number));
  });

  it("refuses to write: the file is opened read-only", async () => {
    await expect(readRows(connection, "DELETE FROM telco RETURNING *", 5)).rejects.toThrow(/not valid SQL/);
    const check = new Database(path, { readonly: true });
    expect(check.prepare("SELECT count(*) AS n FROM telco").get()).toEqual({ n: 7043 });
    check.close();
  });

  it("names a missing file and stores nothing", async () => {
    const before = batches();
    const id = sqliteSource("Gone", { config: { kind: "sqlite", path: `${files.dir}/missing.db` } });
    await expect(extractSource(getSource(id))).rejects.toThrow(/missing\.db does not exist on the Driftline server/);
    expect(batches()).toBe(before);
  });
});

describe("scheduled extraction", () => {
  it("takes the latest slot once, as of the slot, however often the tick runs", async () => {
    const id = sqliteSource("Hourly file", { schedule: "0 * * * *", rowLimit: 50 });
    getSqlite().prepare("UPDATE sources SET created_at = ? WHERE id = ?").run(Date.parse("2026-12-03T08:30:00Z"), id);
    expect(latestSlot("0 * * * *", new Date("2026-12-03T10:00:00Z"))!.toISOString()).toBe("2026-12-03T10:00:00.000Z");

    const first = await extractDueSources({ now: new Date("2026-12-03T10:15:00Z") });
    const mine = first.filter((e) => e.sourceId === id);
    expect(mine).toMatchObject([{ slot: "2026-12-03T10:00:00.000Z", rows: 50, error: null }]);
    const { batch } = loadBatchColumns(mine[0].batchId!);
    expect(batch.asOf.toISOString()).toBe("2026-12-03T10:00:00.000Z");

    expect((await extractDueSources({ now: new Date("2026-12-03T10:45:00Z") })).filter((e) => e.sourceId === id)).toEqual([]);
    const next = await extractDueSources({ now: new Date("2026-12-03T11:00:00Z") });
    expect(next.filter((e) => e.sourceId === id)).toMatchObject([{ slot: "2026-12-03T11:00:00.000Z", rows: 50 }]);
  });

  it("records a failing source's error and carries on", async () => {
    const id = sqliteSource("Broken hourly", { schedule: "0 * * * *", query: "SELECT nope FROM telco" });
    getSqlite().prepare("UPDATE sources SET created_at = ? WHERE id = ?").run(Date.parse("2026-12-03T08:30:00Z"), id);
    const result = (await extractDueSources({ now: new Date("2026-12-03T12:00:00Z") })).find((e) => e.sourceId === id);
    expect(result).toMatchObject({ batchId: null, error: expect.stringMatching(/no such column: nope/) });
    expect(getSource(id).lastError).toMatch(/no such column: nope/);
  });
});
