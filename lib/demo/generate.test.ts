import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEMO_DATA } from "@/lib/data/demo-data";
import { COHORT_ROWS, FIBRE_PROBLEM, generateDemoData, MONTHS, NEW_PAYMENT, PRICE_RISE, toCsv, TRAINING_ROWS } from "./generate";

const telco = readFileSync(DEMO_DATA.telco, "utf8");
const data = generateDemoData(telco);
const header = data.training.header;
const column = (name: string) => header.indexOf(name);
const mean = (rows: string[][], name: string) => rows.reduce((sum, row) => sum + Number(row[column(name)]), 0) / rows.length;
const share = (rows: string[][], test: (row: string[]) => boolean) => rows.filter(test).length / rows.length;
const labelled = (rows: string[][]) => rows.filter((row) => row[column("Churn")] !== "");

describe("the demo year", () => {
  it("is the same on every build", () => {
    const again = generateDemoData(telco);
    const digest = (d: typeof data) => createHash("sha256").update([d.training, ...d.months, d.retraining].map(toCsv).join("")).digest("hex");
    expect(digest(again)).toBe(digest(data));
  });

  it("has a labelled training snapshot and twelve monthly batches at the first of each month", () => {
    expect(data.training.rows).toHaveLength(TRAINING_ROWS);
    expect(data.training.rows.every((row) => row[column("Churn")] === "Yes" || row[column("Churn")] === "No")).toBe(true);
    expect(data.months).toHaveLength(MONTHS);
    expect(data.months.map((m) => m.asOf.toISOString().slice(0, 10))).toEqual(
      Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}-01`),
    );
    for (const month of data.months) expect(new Set(month.rows.map((row) => row[column("customerID")])).size).toBe(month.rows.length);
  });

  it("brings each month's outcomes with the next month's batch, for the customers scored then", () => {
    for (let m = 1; m < MONTHS; m++) {
      const unlabelled = data.months[m - 1].rows.filter((row) => row[column("Churn")] === "").map((row) => row[column("customerID")]);
      const next = labelled(data.months[m].rows).map((row) => row[column("customerID")]);
      expect(unlabelled).toHaveLength(COHORT_ROWS);
      expect(next).toEqual(unlabelled);
    }
    // A month later the same customer has one more month of tenure.
    const before = data.months[2].rows.find((row) => row[column("Churn")] === "")!;
    const after = data.months[3].rows.find((row) => row[column("customerID")] === before[column("customerID")])!;
    expect(Number(after[column("tenure")])).toBe(Number(before[column("tenure")]) + 1);
  });

  it("raises prices from month 5 and nowhere before", () => {
    const before = mean(data.months[PRICE_RISE.month - 2].rows, "MonthlyCharges");
    const after = mean(data.months[PRICE_RISE.month - 1].rows, "MonthlyCharges");
    expect(after / before).toBeGreaterThan(1.1);
    expect(before / mean(data.training.rows, "MonthlyCharges")).toBeCloseTo(1, 1);
  });

  it("brings a payment method never seen in training from month 8", () => {
    const wallet = (row: string[]) => row[column("PaymentMethod")] === NEW_PAYMENT.method;
    expect(share(data.training.rows, wallet)).toBe(0);
    expect(share(data.months[NEW_PAYMENT.month - 2].rows, wallet)).toBe(0);
    const shares = data.months.slice(NEW_PAYMENT.month - 1).map((month) => share(month.rows, wallet));
    expect(shares[0]).toBeGreaterThan(0.03);
    // Adoption keeps growing month by month.
    for (let i = 1; i < shares.length; i++) expect(shares[i]).toBeGreaterThan(shares[i - 1]);
  });

  it("makes more fibre-optic customers leave from month 9 while their share stays put", () => {
    const fibre = (row: string[]) => row[column("InternetService")] === "Fiber optic";
    const churn = (rows: string[][]) => share(labelled(rows).filter(fibre), (row) => row[column("Churn")] === "Yes");
    const before = data.months[FIBRE_PROBLEM.month - 2].rows;
    const after = data.months[FIBRE_PROBLEM.month - 1].rows;
    expect(churn(after) - churn(before)).toBeGreaterThan(0.2);
    expect(Math.abs(share(after, fibre) - share(before, fibre))).toBeLessThan(0.05);
  });
});
