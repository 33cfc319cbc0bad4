/**
 * Seeds a fresh workspace with the Telco churn dataset (shipped in db/seed, see NOTICE) so the app opens
 * on real data, and one demo user per role (lib/auth/demo-users.ts). Safe to run again: an existing
 * "Telco churn" dataset and existing users are left as they are.
 */
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "./client";
import { migrateDatabase } from "./migrate";
import { datasets } from "./schema";
import { DEMO_DATA } from "@/lib/data/demo-data";
import { ensureDemoUsers } from "@/lib/demo/users";
import { importCsvBatch } from "@/lib/data/import-batch";

const DATASET = "Telco churn";
// The file is a fixed snapshot: its as-of is the day IBM published it, not the day it was loaded.
const PUBLISHED = new Date("2019-09-30T00:00:00Z");

migrateDatabase();
const existing = getDb().select({ id: datasets.id }).from(datasets).where(eq(datasets.name, DATASET)).get();
if (existing) {
  console.log(`"${DATASET}" is already loaded.`);
} else {
  const result = await importCsvBatch(DEMO_DATA.telco, {
    dataset: DATASET,
    source: "seed",
    label: "telco-churn.csv",
    target: "Churn",
    positive: "Yes",
    id: "customerID",
    asOf: PUBLISHED,
  });
  console.log(`Loaded "${DATASET}": ${result.profile.rows} rows as batch ${result.batchId}.`);
}
for (const email of await ensureDemoUsers("seed")) console.log(`Created the demo user ${email} (password in the README).`);
closeDb();
