import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { readCsvColumns } from "@/lib/data/read-columns";
import { DEMO_DATA } from "@/lib/data/demo-data";
import { trainModel, type ModelJson } from "@/lib/model";
import { defaultFeatures } from "@/lib/training/features";
import { predictColumns, type CellColumns } from "@/lib/training/predict-columns";
import { modelToSql, quoteIdentifier } from "./sql-export";

let columns: CellColumns;
let model: ModelJson;

/** A table holding the cells exactly as Driftline stores them: text, NULL where blank. */
function load(sqlite: Database.Database, table: string, data: CellColumns) {
  const names = Object.keys(data);
  sqlite.exec(`CREATE TABLE ${quoteIdentifier(table)} (${names.map((n) => `${quoteIdentifier(n)} TEXT`).join(", ")})`);
  const insert = sqlite.prepare(`INSERT INTO ${quoteIdentifier(table)} VALUES (${names.map(() => "?").join(", ")})`);
  const rows = data[names[0]].length;
  sqlite.transaction(() => {
    for (let r = 0; r < rows; r++) insert.run(names.map((n) => data[n][r]));
  })();
}

beforeAll(async () => {
  const read = await readCsvColumns(DEMO_DATA.telco, { target: "Churn", positive: "Yes", id: "customerID" });
  columns = read.columns;
  const features = defaultFeatures(read.result.profile.columns, "Churn", "customerID");
  model = trainModel({ columns, target: "Churn", positive: "Yes", features, hyperparameters: { maxDepth: 8, minSamplesLeaf: 5 } }).model;
});

describe("the champion as SQL", () => {
  it("scores every Telco row in SQLite exactly as the app does", () => {
    const sqlite = new Database(":memory:");
    load(sqlite, "telco", columns);
    const rows = sqlite.prepare(`SELECT ${modelToSql(model)} AS p FROM telco ORDER BY rowid`).all() as { p: number }[];
    const inApp = predictColumns(model, columns).probabilities;
    expect(rows).toHaveLength(7043);
    const mismatches = rows.filter((row, i) => row.p !== inApp[i]);
    expect(mismatches).toEqual([]);
  });

  it("follows the learned side for a blank value and quotes hostile names and categories", () => {
    const data: CellColumns = {
      'plan "tier"': ["a'b", "a'b", "c", "c", null, "a'b", "c", "c"],
      "x; DROP TABLE t": ["1", "2", "3", "4", "5", null, "7", "8"],
      y: ["1", "1", "0", "0", "1", "1", "0", "1"],
    };
    const features = [{ name: 'plan "tier"', kind: "categorical" as const }, { name: "x; DROP TABLE t", kind: "numeric" as const }];
    const small = trainModel({ columns: data, target: "y", positive: "1", features, hyperparameters: { minSamplesLeaf: 1 } }).model;
    const sqlite = new Database(":memory:");
    load(sqlite, "t", data);
    const rows = sqlite.prepare(`SELECT ${modelToSql(small)} AS p FROM t ORDER BY rowid`).all() as { p: number }[];
    expect(rows.map((r) => r.p)).toEqual(Array.from(predictColumns(small, data).probabilities));
    expect(sqlite.prepare("SELECT count(*) AS n FROM t").get()).toEqual({ n: 8 });
  });
});
