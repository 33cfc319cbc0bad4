/** Applies the committed migrations to DATABASE_PATH. Run by build, dev, tests and the CLI. */
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { databasePath, getDb } from "./client";

export const MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), "migrations");

export function migrateDatabase(): void {
  migrate(getDb(), { migrationsFolder: MIGRATIONS_FOLDER });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  migrateDatabase();
  console.log(`Database ready at ${databasePath()}`);
}
