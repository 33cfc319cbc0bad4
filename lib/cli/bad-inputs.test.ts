/**
 * The bad-input corpus through `driftline ingest --store`, each file in a real child process against one
 * real SQLite file: a refusal gives its code and a message naming the problem and stores nothing (no
 * dataset, no batch, no row); an import stores every row with names and values exactly as given.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getSqlite } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { CORPUS, writeHugeCsv, type CorpusEntry } from "@/e2e/fixtures/bad-inputs/corpus";
import { tempDir } from "@/lib/test/temp-files";

const tmp = tempDir("driftline-corpus-");
const dbPath = join(tmp.dir, "corpus.db");
const BIN = join(process.cwd(), "bin", "driftline");
const CORPUS_DIR = join(process.cwd(), "e2e", "fixtures", "bad-inputs");

interface CliResult {
  status: number | null;
  json: Record<string, any>;
  stderr: string;
}

function driftline(args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(BIN, [...args, "--json"], { cwd: tmp.dir, env: { ...process.env, DATABASE_PATH: dbPath } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (status) => resolve({ status, json: stdout ? JSON.parse(stdout) : {}, stderr }));
  });
}

function flags(entry: CorpusEntry): string[] {
  const { target, positive, id, delimiter, types = {} } = entry.options;
  return [
    ...(target ? ["--target", target] : []),
    ...(positive ? ["--positive", positive] : []),
    ...(id ? ["--id", id] : []),
    ...(delimiter ? ["--delimiter", delimiter] : []),
    ...Object.entries(types).flatMap(([column, type]) => ["--type", `${column}=${type}`]),
  ];
}

const results = new Map<string, CliResult>();

beforeAll(async () => {
  process.env.DATABASE_PATH = dbPath;
  migrateDatabase();
  // Two at a time: each child is a whole Node process, and the machine is shared.
  const queue = [...CORPUS];
  const worker = async () => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      results.set(entry.file, await driftline(["ingest", join(CORPUS_DIR, entry.file), "--store", "--dataset", `corpus ${entry.file}`, ...flags(entry)]));
    }
  };
  await Promise.all([worker(), worker()]);
}, 300_000);
afterAll(() => {
  closeDb();
  tmp.cleanup();
});

const storedDataset = (file: string) => getSqlite().prepare("SELECT id FROM datasets WHERE name = ?").get(`corpus ${file}`) as { id: number } | undefined;

describe("the bad-input corpus through driftline ingest --store", () => {
  it("has at least 40 files", () => expect(CORPUS.length).toBeGreaterThanOrEqual(40));

  it.each(CORPUS.filter((entry) => entry.expected.outcome === "error").map((entry) => [entry.file, entry] as const))(
    "%s is refused with a clear message and stores nothing",
    (file, entry) => {
      const expected = entry.expected as Extract<CorpusEntry["expected"], { outcome: "error" }>;
      const result = results.get(file)!;
      expect(result.status, result.stderr).toBe(1);
      expect(result.json.error.code).toBe(expected.code);
      expect(result.json.error.message).toMatch(expected.message);
      expect(storedDataset(file)).toBeUndefined();
      expect(getSqlite().prepare("SELECT count(*) FROM batches WHERE source_detail LIKE ?").pluck().get(`%${file}`)).toBe(0);
    },
  );

  it.each(CORPUS.filter((entry) => entry.expected.outcome === "import").map((entry) => [entry.file, entry] as const))(
    "%s is imported whole, names and values as given",
    (file, entry) => {
      const expected = entry.expected as Extract<CorpusEntry["expected"], { outcome: "import" }>;
      const result = results.get(file)!;
      expect(result.status, result.stderr || JSON.stringify(result.json)).toBe(0);
      expect([result.json.rows, result.json.columns.length]).toEqual([expected.rows, expected.columns]);
      const batch = getSqlite().prepare("SELECT id, row_count, columns FROM batches WHERE id = ?").get(result.json.batchId) as { id: number; row_count: number; columns: string };
      expect(batch.row_count).toBe(expected.rows);
      const cells = (getSqlite().prepare("SELECT cells FROM batch_rows WHERE batch_id = ?").pluck().all(batch.id) as string[]).flatMap((row) => JSON.parse(row) as (string | null)[]);
      expect(cells.length).toBe(expected.rows * expected.columns);
      for (const value of expected.values ?? []) expect(cells).toContain(value);
      const names = (JSON.parse(batch.columns) as { name: string }[]).map((column) => column.name);
      for (const name of expected.columnNames ?? []) expect(names).toContain(name);
      // Nothing stored or reported is NaN or Infinity, which JSON cannot carry.
      expect(JSON.stringify(result.json)).not.toMatch(/NaN|Infinity/);
    },
  );

  it("leaves the database intact after every file", () => {
    expect(getSqlite().prepare("PRAGMA integrity_check").pluck().get()).toBe("ok");
    expect(getSqlite().prepare("SELECT count(*) FROM batches b WHERE b.row_count <> (SELECT count(*) FROM batch_rows r WHERE r.batch_id = b.id)").pluck().get()).toBe(0);
  });

  it("profiles a 100 MB file made at test time, streaming, in full", async () => {
    const path = join(tmp.dir, "huge-100mb.csv");
    const rows = writeHugeCsv(path, 100 * 1024 * 1024);
    const result = await driftline(["ingest", path, "--target", "Churn", "--positive", "Yes", "--id", "customerID"]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.json).toMatchObject({ rows, target: { column: "Churn", positive: "Yes" }, idColumn: "customerID" });
    expect(result.json.columns.map((c: { type: string }) => c.type)).toEqual(["id", "numeric", "numeric", "categorical", "boolean"]);
  }, 300_000);
});
