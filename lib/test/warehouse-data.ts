/** Loading the shared churn CSVs into a real PostgreSQL database as a warehouse would hold them (typed columns, NULL for blanks). */
import pg from "pg";
import { join } from "node:path";
import { readCsvColumns } from "@/lib/data/read-columns";
import { quoteIdentifier } from "@/lib/scoring/sql-export";
import type { CellColumns } from "@/lib/training/predict-columns";
import { SHARED_DATA } from "./temp-files";

export const TELCO_TYPES: Record<string, string> = {
  SeniorCitizen: "integer",
  tenure: "integer",
  MonthlyCharges: "double precision",
  TotalCharges: "double precision",
};

export const BANK_TYPES: Record<string, string> = {
  RowNumber: "integer",
  CustomerId: "bigint",
  CreditScore: "integer",
  Age: "integer",
  Tenure: "integer",
  Balance: "double precision",
  NumOfProducts: "integer",
  HasCrCard: "integer",
  IsActiveMember: "integer",
  EstimatedSalary: "double precision",
  Exited: "integer",
};

export const TELCO_CSV = join(SHARED_DATA, "telco-churn.csv");
export const BANK_CSV = join(SHARED_DATA, "bank-churn.csv");

/** Creates `table` with a row_no column (file order) and the file's columns, typed as given, text otherwise. */
export async function loadTable(client: pg.Client, table: string, columns: CellColumns, types: Record<string, string>): Promise<void> {
  const names = Object.keys(columns);
  const definitions = names.map((name) => `${quoteIdentifier(name)} ${types[name] ?? "text"}`);
  await client.query(`CREATE TABLE ${quoteIdentifier(table)} (row_no integer PRIMARY KEY, ${definitions.join(", ")})`);
  const rows = columns[names[0]].length;
  const chunk = Math.floor(60_000 / (names.length + 1));
  for (let start = 0; start < rows; start += chunk) {
    const values: unknown[] = [];
    const tuples: string[] = [];
    for (let r = start; r < Math.min(rows, start + chunk); r++) {
      const row = [r + 1, ...names.map((name) => columns[name][r])];
      tuples.push(`(${row.map((cell) => `$${values.push(cell)}`).join(", ")})`);
    }
    await client.query(`INSERT INTO ${quoteIdentifier(table)} (row_no, ${names.map(quoteIdentifier).join(", ")}) VALUES ${tuples.join(", ")}`, values);
  }
}

export async function readShared(path: string, target: string, positive: string, id: string) {
  return readCsvColumns(path, { target, positive, id });
}

/**
 * A fresh, empty database on the test cluster (vitest.global-setup.ts provides its URL), dropped first if
 * an earlier run left it. `name` is a fixed test identifier, never user input.
 */
export async function createWarehouseDatabase(clusterUrl: string, name: string): Promise<{ host: string; port: number; database: string; user: string }> {
  const url = new URL(clusterUrl);
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)}`);
  await admin.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
  await admin.end();
  return { host: url.hostname, port: Number(url.port), database: name, user: url.username };
}
