/**
 * What `driftline demo --reset` may remove. It empties every table of the database (the schema, its
 * migrations and the instance's own secrets stay), so it first lists anything that is not the demo's:
 * other datasets, pipelines, warehouse sources and users are someone's work, discarded only when asked to.
 */
import { getSqlite } from "@/db/client";
import { DEMO_USERS } from "@/lib/auth/demo-users";
import { DEMO_CUSTOMERS_DATASET, DEMO_HISTORY_DATASET, DEMO_PIPELINE } from "./pipeline";

/** The plain Telco batch `npm run seed` loads: demo content too. */
const SEED_DATASET = "Telco churn";
const KEPT_TABLES = new Set(["__drizzle_migrations", "instance_secrets"]);

/** One line per kind of work in the database that the demo did not make, e.g. `pipelines: "Churn EU"`. */
export function nonDemoWork(): string[] {
  const sqlite = getSqlite();
  const others = (sql: string, known: string[]) =>
    (sqlite.prepare(sql).pluck().all() as string[]).filter((name) => !known.includes(name));
  const found = {
    datasets: others("SELECT name FROM datasets", [DEMO_HISTORY_DATASET, DEMO_CUSTOMERS_DATASET, SEED_DATASET]),
    pipelines: others("SELECT name FROM pipelines", [DEMO_PIPELINE]),
    sources: others("SELECT name FROM sources", []),
    users: others(`SELECT email FROM "user"`, Object.values(DEMO_USERS).map((u) => u.email)),
  };
  return Object.entries(found)
    .filter(([, names]) => names.length > 0)
    .map(([kind, names]) => `${kind}: ${names.map((n) => JSON.stringify(n)).join(", ")}`);
}

/** Whether a demo build started here and did not finish (its datasets exist, its pipeline's year does not). */
export function hasDemoDatasets(): boolean {
  return getSqlite().prepare("SELECT 1 FROM datasets WHERE name IN (?, ?)").get(DEMO_HISTORY_DATASET, DEMO_CUSTOMERS_DATASET) !== undefined;
}

/** Empties every table in one transaction and restarts the ids, so the rebuilt workspace has the same ids. */
export function emptyDatabase(): void {
  const sqlite = getSqlite();
  const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[]).filter(
    (name) => !KEPT_TABLES.has(name),
  );
  // Rows reference each other across tables; checked again when the transaction ends, so order does not matter.
  sqlite.pragma("defer_foreign_keys = ON");
  sqlite.transaction(() => {
    for (const name of tables) sqlite.prepare(`DELETE FROM "${name.replaceAll('"', '""')}"`).run();
    if (sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").get()) sqlite.prepare("DELETE FROM sqlite_sequence").run();
  })();
}
