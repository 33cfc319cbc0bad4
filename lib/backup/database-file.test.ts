import { spawnSync } from "node:child_process";
import { closeSync, copyFileSync, existsSync, openSync, readdirSync, readFileSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, openSqlite } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { importCsvBatch } from "@/lib/data/import-batch";
import { insertSource } from "@/lib/sources/store";
import { insertTelcoPipeline } from "@/lib/test/pipelines";
import { tempDir } from "@/lib/test/temp-files";

const tmp = tempDir("driftline-backup-");
const dbPath = join(tmp.dir, "data", "driftline.db");
const BIN = join(process.cwd(), "bin", "driftline");
const CSV = tmp.file("batch.csv", "customerID,tenure,Churn\nA-1,1,Yes\nA-2,5,No\nA-3,9,No\n");

function driftline(...args: string[]) {
  const child = spawnSync(BIN, [...args, "--json"], { cwd: tmp.dir, encoding: "utf8", env: { ...process.env, DATABASE_PATH: dbPath } });
  return { status: child.status, json: () => JSON.parse(child.stdout), stderr: child.stderr };
}

const count = (file: string, table: string) => {
  const sqlite = new Database(file, { readonly: true });
  try {
    return sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    sqlite.close();
  }
};

beforeAll(async () => {
  process.env.DATABASE_PATH = dbPath;
  delete process.env.SECRETS_KEY;
  migrateDatabase();
  // The key file beside the database seals the source's password, as on an instance without SECRETS_KEY.
  tmp.file("data/secrets.key", "ab".repeat(32));
  const { datasetId } = await importCsvBatch(CSV, { dataset: "Telco", source: "cli", target: "Churn", id: "customerID" });
  insertTelcoPipeline(datasetId, { name: "telco", features: [] });
  insertSource({ name: "warehouse", kind: "postgres", config: { kind: "postgres", host: "db", port: 5432, database: "dw", user: "reader", ssl: false }, sealedSecret: encryptSecret("warehouse-password"), query: "SELECT 1", datasetId });
  closeDb();
});
afterAll(tmp.cleanup);

describe("driftline backup", () => {
  it("copies the database online, while another connection holds an open write transaction", () => {
    const writer = openSqlite(dbPath);
    writer.exec("BEGIN IMMEDIATE");
    writer.prepare("INSERT INTO datasets (name) VALUES ('not yet committed')").run();
    const file = join(tmp.dir, "online.db");
    const backup = driftline("backup", file);
    writer.exec("ROLLBACK");
    writer.close();
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.json()).toMatchObject({ file, bytes: statSync(file).size, migrations: expect.any(Number) });
    expect(backup.json().secretsKey).toMatch(/secrets\.key .* not in the backup/);
    expect([count(file, "batches"), count(file, "batch_rows"), count(file, "datasets")]).toEqual([1, 3, 1]);
  });

  it("never overwrites an existing file", () => {
    const file = tmp.file("taken.db", "keep me");
    const backup = driftline("backup", file);
    expect(backup.status).toBe(1);
    expect(backup.json().error).toMatchObject({ code: "file_exists" });
    expect(statSync(file).size).toBe(7);
  });
});

describe("driftline restore", () => {
  it("puts a backup back, keeps the replaced database, leaves secrets.key alone and says the key no longer opens its secrets", async () => {
    const file = join(tmp.dir, "before-second-batch.db");
    expect(driftline("backup", file).status).toBe(0);
    process.env.DATABASE_PATH = dbPath;
    await importCsvBatch(CSV, { dataset: "Telco", source: "cli", target: "Churn", id: "customerID" });
    closeDb();
    // Another key than the one the backup's source password was sealed with.
    tmp.file("data/secrets.key", "cd".repeat(32));
    expect(count(dbPath, "batches")).toBe(2);

    const restore = driftline("restore", file);
    expect(restore.status, restore.stderr).toBe(0);
    const json = restore.json();
    expect(json).toMatchObject({ restored: file, database: dbPath, previous: expect.stringContaining("driftline.db.before-restore-") });
    expect(json.secrets).toEqual({ sealed: 1, unreadable: 1 });
    expect(json.secretsKey).toMatch(/secrets\.key was left as it is, and it cannot open 1 of the 1 stored secrets/);
    expect(count(dbPath, "batches")).toBe(1);
    expect(count(json.previous, "batches")).toBe(2);
    expect(readdirSync(join(tmp.dir, "data")).filter((name) => name.includes("restoring"))).toEqual([]);
    expect(readFileSync(join(tmp.dir, "data", "secrets.key"), "utf8")).toBe("cd".repeat(32));
    // With the original key back, every secret opens again.
    tmp.file("data/secrets.key", "ab".repeat(32));
    const again = driftline("restore", file).json();
    expect(again.secrets).toEqual({ sealed: 1, unreadable: 0 });
  });

  const refusals: [string, () => string, string, RegExp][] = [
    ["a text file", () => tmp.file("notes.db", "this is not a database\n".repeat(200)), "not_a_database", /is not a SQLite database|cannot be opened/],
    ["another application's SQLite file", () => {
      const file = join(tmp.dir, "other.db");
      const other = new Database(file);
      other.exec("CREATE TABLE things (id INTEGER PRIMARY KEY); INSERT INTO things VALUES (1)");
      other.close();
      return file;
    }, "not_driftline", /not a Driftline one \(missing its migration history\)/],
    ["a damaged copy", () => {
      const file = join(tmp.dir, "damaged.db");
      copyFileSync(join(tmp.dir, "online.db"), file);
      const fd = openSync(file, "r+");
      // Overwrite pages after the schema page with garbage.
      writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, 8192);
      closeSync(fd);
      return file;
    }, "damaged_database", /is damaged|not a SQLite database/],
    ["a database from a newer version", () => {
      const file = join(tmp.dir, "newer.db");
      copyFileSync(join(tmp.dir, "online.db"), file);
      const newer = new Database(file);
      newer.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('f00d', 99999999999999)").run();
      newer.close();
      return file;
    }, "unknown_migrations", /1 migration\(s\) this version of Driftline does not know/],
  ];

  it.each(refusals)("refuses %s with a clear message and leaves the database as it was", (_, make, code, message) => {
    const file = make();
    const before = count(dbPath, "batches");
    const restore = driftline("restore", file);
    expect(restore.status).toBe(1);
    const error = restore.json().error;
    expect(error.code === code || (code === "damaged_database" && error.code === "not_a_database"), JSON.stringify(error)).toBe(true);
    expect(error.message).toMatch(message);
    expect(count(dbPath, "batches")).toBe(before);
  });

  it("refuses while a live process is running a pipeline", () => {
    const sqlite = openSqlite(dbPath);
    const pipelineId = sqlite.prepare("SELECT id FROM pipelines").pluck().get();
    // This test process is alive and is not the CLI's own process: a run held by it is a live run.
    const runId = sqlite.prepare("INSERT INTO runs (pipeline_id, trigger, status, pid, created_at) VALUES (?, 'manual', 'running', ?, ?)").run(pipelineId, process.pid, Date.now()).lastInsertRowid;
    sqlite.close();
    const restore = driftline("restore", join(tmp.dir, "online.db"));
    expect(restore.status).toBe(1);
    expect(restore.json().error).toMatchObject({ code: "run_in_progress", message: expect.stringContaining(`Run #${runId} is in progress`) });
    expect(existsSync(dbPath)).toBe(true);
  });
});
