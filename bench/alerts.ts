/**
 * Alerting benchmark: npx tsx bench/alerts.ts
 * A Telco pipeline with all 19 features (21 rules) trained once, then a year of daily monitoring replayed:
 * 1. evaluateAlerts after each day's drift rows (19 features + prediction + drift share), with `now` in the
 *    past, as the demo replays it — per day, and the total for 365 days;
 * 2. idle minute ticks (TICKS, default 1,440: a day; nothing due) — per tick.
 */
import { asc, eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { driftResults } from "@/db/schema";
import { evaluateAlerts } from "@/lib/alerts/evaluate";
import { tick } from "@/lib/cron/tick";
import { DEMO_DATA } from "@/lib/data/demo-data";
import { importCsvBatch } from "@/lib/data/import-batch";
import { executeRun } from "@/lib/pipeline/run-pipeline";
import { startRun } from "@/lib/pipeline/store";
import { insertTelcoPipeline, telcoFeatures } from "@/lib/test/pipelines";
import { tempDir } from "@/lib/test/temp-files";
import { mulberry32 } from "@/lib/random";

const FEATURES = ["gender", "SeniorCitizen", "Partner", "Dependents", "tenure", "PhoneService", "MultipleLines", "InternetService", "OnlineSecurity", "OnlineBackup", "DeviceProtection", "TechSupport", "StreamingTV", "StreamingMovies", "Contract", "PaperlessBilling", "PaymentMethod", "MonthlyCharges", "TotalCharges"];
const DAY_MS = 86_400_000;
const TICKS = Number(process.env.TICKS ?? 1440);

const tmp = tempDir("driftline-bench-alerts-");
process.env.DATABASE_PATH = `${tmp.dir}/bench.db`;
try {
  migrateDatabase();
  const { datasetId } = await importCsvBatch(DEMO_DATA.telco, { dataset: "Telco", source: "cli", target: "Churn", id: "customerID" });
  const pipelineId = insertTelcoPipeline(datasetId, { name: "bench", features: telcoFeatures(FEATURES) });
  await executeRun(startRun(pipelineId, "cli"));
  const template = getDb().select().from(driftResults).where(eq(driftResults.pipelineId, pipelineId)).orderBy(asc(driftResults.id)).all();

  const random = mulberry32(7);
  const start = new Date("2025-12-01T02:00:00Z").getTime();
  let evaluating = 0;
  let evaluations = 0;
  for (let day = 0; day < 365; day++) {
    getDb().transaction((tx) => {
      for (const { id: _id, ...row } of template) {
        const psi = row.psi === null ? null : random() * 0.35;
        tx.insert(driftResults).values({ ...row, psi, metrics: { ...row.metrics, psi } }).run();
      }
    });
    const t0 = performance.now();
    evaluations += evaluateAlerts(pipelineId, { now: new Date(start + day * DAY_MS) }).evaluations;
    evaluating += performance.now() - t0;
  }
  console.log(`evaluateAlerts: 365 days, ${evaluations} evaluations in ${(evaluating / 1000).toFixed(2)} s = ${(evaluating / 365).toFixed(1)} ms per day`);

  const t1 = performance.now();
  const minuteZero = start + 400 * DAY_MS;
  for (let minute = 0; minute < TICKS; minute++) await tick({ now: new Date(minuteZero + minute * 60_000) });
  const ticking = performance.now() - t1;
  console.log(`idle tick: ${TICKS} ticks in ${(ticking / 1000).toFixed(2)} s = ${(ticking / TICKS).toFixed(2)} ms per tick`);
} finally {
  closeDb();
  tmp.cleanup();
}
