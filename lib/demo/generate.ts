/**
 * The demo workspace's data: a year of a fictional telco's customers, resampled from the shipped IBM Telco
 * file with one fixed seed, so every build is identical. Pure: no database, no files.
 *
 * Each month's batch holds the customers scored that month (outcome still blank) and last month's customers
 * with their outcome: labels arrive one month late. Three changes are planted for users to discover:
 * a price rise (MonthlyCharges × 1.15 from month 5), a new PaymentMethod (from month 8 electronic-check
 * payers move to a digital wallet, more each month, so it drifts again after the retrain), and a service problem that makes more fibre-optic
 * customers leave from month 9 (their inputs do not move, so only the realised metrics show it).
 */
import Papa from "papaparse";
import { mulberry32, randomIndex, shuffleInPlace } from "@/lib/random";

export const DEMO_SEED = 11;
/** Customers drawn for the first training snapshot; the rest of the file feeds the monthly cohorts. */
export const TRAINING_ROWS = 3_500;
/** New customers scored each month. */
export const COHORT_ROWS = 1_500;
export const MONTHS = 12;

export const PRICE_RISE = { month: 5, factor: 1.15 } as const;
/** From month 8 electronic-check payers move to a digital wallet: 15% at first, 17 points more each month. */
export const NEW_PAYMENT = { month: 8, method: "Digital wallet", from: "Electronic check", firstShare: 0.15, monthlyGrowth: 0.17 } as const;
/** Labels recorded from this month on: this share of fibre-optic customers who would have stayed leave. */
export const FIBRE_PROBLEM = { month: 9, share: 0.5 } as const;
/** The month the refreshed labelled history arrives for the scheduled retrain, and the batches it covers. */
export const RETRAIN = { month: 10, fromMonth: 7 } as const;

export interface DemoTable {
  label: string;
  asOf: Date;
  header: string[];
  rows: string[][];
}

export interface DemoData {
  /** Labelled history for the first model (as of the start). */
  training: DemoTable;
  /** Months 1–12: the customers to score, with last month's outcomes. */
  months: DemoTable[];
  /** Labelled history refreshed for the retrain: the labelled rows of months RETRAIN.fromMonth–RETRAIN.month. */
  retraining: DemoTable;
}

/** Midnight UTC on the first of month `m` of the demo year; month 0 is the training snapshot. */
export function monthStart(m: number): Date {
  return new Date(Date.UTC(2025, 11 + m, 1));
}

interface Customer {
  id: string;
  /** The Telco row this customer was resampled from. */
  sourceIndex: number;
  source: string[];
  churnedBase: boolean;
  /** Drawn once per customer so the same customer makes the same choices in both of their months. */
  paymentDraw: number;
  fibreDraw: number;
}

export function generateDemoData(telcoCsv: string): DemoData {
  const parsed = Papa.parse<string[]>(telcoCsv, { skipEmptyLines: true });
  const [header, ...records] = parsed.data;
  const col = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`The Telco file has no "${name}" column.`);
    return index;
  };
  const c = {
    id: col("customerID"),
    churn: col("Churn"),
    tenure: col("tenure"),
    monthly: col("MonthlyCharges"),
    total: col("TotalCharges"),
    payment: col("PaymentMethod"),
    internet: col("InternetService"),
  };
  const random = mulberry32(DEMO_SEED);
  const order = shuffleInPlace(records.map((_, i) => i), random);
  const trainingPool = order.slice(0, TRAINING_ROWS);
  // Cohorts before the retrain and after it come from disjoint halves of the rest, so the retrained model
  // is judged on rows it never saw, as the first model is.
  const rest = order.slice(TRAINING_ROWS);
  const beforeRetrain = rest.slice(0, rest.length / 2);
  const afterRetrain = rest.slice(rest.length / 2);

  const usedIds = new Set(records.map((r) => r[c.id]));
  const newId = () => {
    for (;;) {
      const digits = String(1000 + randomIndex(random, 9000));
      const letters = Array.from({ length: 5 }, () => String.fromCharCode(65 + randomIndex(random, 26))).join("");
      const id = `${digits}-${letters}`;
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };

  // Cohort m (0..MONTHS): drawn without replacement within the cohort, so ids are unique in a batch.
  const cohorts: Customer[][] = [];
  for (let m = 0; m <= MONTHS; m++) {
    const pool = m < RETRAIN.month ? beforeRetrain : afterRetrain;
    const drawn = shuffleInPlace(pool.slice(), random).slice(0, COHORT_ROWS);
    cohorts.push(drawn.map((i) => ({ id: newId(), sourceIndex: i, source: records[i], churnedBase: records[i][c.churn] === "Yes", paymentDraw: random(), fibreDraw: random() })));
  }

  /** A customer's row as seen in month m's batch, with the outcome when `labelled`. */
  const rowIn = (customer: Customer, m: number, labelled: boolean): string[] => {
    const row = customer.source.slice();
    row[c.id] = customer.id;
    if (m >= PRICE_RISE.month) row[c.monthly] = (Number(row[c.monthly]) * PRICE_RISE.factor).toFixed(2);
    if (labelled) {
      // A month older: one more month of tenure and one more bill (a blank total was not billed yet).
      row[c.tenure] = String(Number(row[c.tenure]) + 1);
      row[c.total] = (Number(row[c.total].trim() || "0") + Number(row[c.monthly])).toFixed(2);
    }
    if (row[c.payment] === NEW_PAYMENT.from && customer.paymentDraw < walletShare(m)) row[c.payment] = NEW_PAYMENT.method;
    row[c.churn] = labelled ? (outcome(customer, m, row[c.internet]) ? "Yes" : "No") : "";
    return row;
  };
  const outcome = (customer: Customer, m: number, internet: string) =>
    customer.churnedBase || (m >= FIBRE_PROBLEM.month && internet === "Fiber optic" && customer.fibreDraw < FIBRE_PROBLEM.share);

  const months: DemoTable[] = [];
  for (let m = 1; m <= MONTHS; m++) {
    const rows = [...cohorts[m - 1].map((customer) => rowIn(customer, m, true)), ...cohorts[m].map((customer) => rowIn(customer, m, false))];
    months.push({ label: `customers-${isoMonth(m)}.csv`, asOf: monthStart(m), header, rows });
  }
  // A Telco row drawn into several cohorts is kept once, as last seen: copies would land on both sides of
  // the held-out split and flatter the retrained model.
  const retraining = new Map<number, string[]>();
  for (let m = RETRAIN.fromMonth; m <= RETRAIN.month; m++) {
    for (const customer of cohorts[m - 1]) retraining.set(customer.sourceIndex, rowIn(customer, m, true));
  }
  const retrainingRows = [...retraining.values()];
  return {
    training: { label: `labelled-history-${isoMonth(0)}.csv`, asOf: monthStart(0), header, rows: trainingPool.map((i) => records[i]) },
    months,
    retraining: { label: `labelled-history-${isoMonth(RETRAIN.month)}.csv`, asOf: monthStart(RETRAIN.month), header, rows: retrainingRows },
  };
}

/** The share of electronic-check payers who pay by digital wallet in month m. */
export function walletShare(m: number): number {
  return m < NEW_PAYMENT.month ? 0 : NEW_PAYMENT.firstShare + NEW_PAYMENT.monthlyGrowth * (m - NEW_PAYMENT.month);
}

export function toCsv(table: DemoTable): string {
  return Papa.unparse({ fields: table.header, data: table.rows }, { newline: "\n" }) + "\n";
}

function isoMonth(m: number): string {
  return monthStart(m).toISOString().slice(0, 7);
}
