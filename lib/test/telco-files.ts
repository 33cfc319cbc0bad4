/** Telco CSVs for monitoring tests: the real rows, with a column shifted and the outcome removed. */
import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { DEMO_DATA } from "@/lib/data/demo-data";

/** Every Telco customer with MonthlyCharges × `factor` and no Churn column, as a CSV text. */
export function shiftedTelcoCsv(factor: number): string {
  const rows = Papa.parse<Record<string, string>>(readFileSync(DEMO_DATA.telco, "utf8"), { header: true, skipEmptyLines: true }).data;
  return Papa.unparse(rows.map(({ Churn: _outcome, ...row }) => ({ ...row, MonthlyCharges: (Number(row.MonthlyCharges) * factor).toFixed(2) })));
}
