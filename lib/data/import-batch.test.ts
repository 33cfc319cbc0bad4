import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { tempDir } from "@/lib/test/temp-files";
import { DEMO_DATA } from "./demo-data";
import { importCsvBatch } from "./import-batch";

const tmp = tempDir();
const dbPath = `${tmp.dir}/driftline.db`;

beforeAll(() => {
  process.env.DATABASE_PATH = dbPath;
  migrateDatabase();
});
afterAll(() => {
  closeDb();
  tmp.cleanup();
});

function count(table: string): number {
  const sqlite = new Database(dbPath, { readonly: true });
  try {
    return (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    sqlite.close();
  }
}

describe("importing a batch", () => {
  it("stores every Telco row with its entity id, profile and target in one batch", async () => {
    const result = await importCsvBatch(DEMO_DATA.telco, { dataset: "Telco", source: "cli", target: "Churn" });
    const sqlite = new Database(dbPath, { readonly: true });
    const batch = sqlite.prepare("SELECT * FROM batches WHERE id = ?").get(result.batchId) as Record<string, unknown>;
    const row = sqlite.prepare("SELECT * FROM batch_rows WHERE batch_id = ? AND entity_id = ?").get(result.batchId, "7590-VHVEG") as Record<string, unknown>;
    const blanks = sqlite
      .prepare("SELECT count(*) AS n FROM batch_rows WHERE batch_id = ? AND json_extract(cells, '$[19]') IS NULL")
      .get(result.batchId) as { n: number };
    sqlite.close();
    expect(batch).toMatchObject({ row_count: 7043, target_column: "Churn", positive_value: "Yes", id_column: "customerID" });
    expect(JSON.parse(batch.profile as string).target.positives).toBe(1869);
    expect(JSON.parse(row.cells as string)).toEqual([
      "7590-VHVEG", "Female", "0", "Yes", "No", "1", "No", "No phone service", "DSL", "No", "Yes", "No", "No", "No", "No",
      "Month-to-month", "Yes", "Electronic check", "29.85", "29.85", "No",
    ]);
    expect(blanks.n).toBe(11);
    expect(count("batch_rows")).toBe(7043);
  });

  it("stores nothing when a row deep in the file is bad", async () => {
    const before = { datasets: count("datasets"), batches: count("batches"), rows: count("batch_rows") };
    const lines = ["id,x,Churn", ...Array.from({ length: 5000 }, (_, i) => `C${i},${i},${i % 2 ? "Yes" : "No"}`), "C5000,oops,Yes"];
    const path = tmp.file("late-error.csv", lines.join("\n"));
    await expect(importCsvBatch(path, { dataset: "Broken", source: "cli", target: "Churn" })).rejects.toMatchObject({
      code: "unparseable_number",
      location: { row: 5001, column: "x", value: "oops" },
    });
    expect({ datasets: count("datasets"), batches: count("batches"), rows: count("batch_rows") }).toEqual(before);
  });
});
