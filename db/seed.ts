/**
 * Seeds a fresh workspace with the Telco churn dataset (shipped in db/seed, see NOTICE) so the app opens
 * on real data, and one demo user per role (lib/auth/demo-users.ts). Safe to run again: an existing
 * "Telco churn" dataset and existing users are left as they are.
 */
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "./client";
import { migrateDatabase } from "./migrate";
import { datasets, users } from "./schema";
import { audit } from "@/lib/audit/audit";
import { DEMO_USERS } from "@/lib/auth/demo-users";
import { createUser } from "@/lib/auth/users";
import { DEMO_DATA } from "@/lib/data/demo-data";
import { importCsvBatch } from "@/lib/data/import-batch";

const DATASET = "Telco churn";

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
  });
  console.log(`Loaded "${DATASET}": ${result.profile.rows} rows as batch ${result.batchId}.`);
}
for (const demo of Object.values(DEMO_USERS)) {
  if (getDb().select({ id: users.id }).from(users).where(eq(users.email, demo.email)).get()) continue;
  const user = await createUser(demo);
  audit({ id: null, email: "system (seed)" }, "user.created", "user", user.id, { email: user.email, role: user.role, via: "seed" });
  console.log(`Created the demo ${user.role} ${user.email} (password in the README).`);
}
closeDb();
