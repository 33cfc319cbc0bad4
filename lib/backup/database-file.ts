/**
 * Backup and restore of the database file. A backup is SQLite's online backup (better-sqlite3's
 * db.backup()): a consistent copy taken page by page while the app keeps reading and writing. A restore
 * checks that the file is a healthy Driftline database this version knows, then swaps it in with renames,
 * keeping the database it replaces beside it.
 *
 * secrets.key (the key sealing stored secrets when SECRETS_KEY is unset) is deliberately neither copied
 * into a backup nor replaced by a restore: a copy of the database alone must not reveal the secrets. Keep
 * the key (or SECRETS_KEY) apart from the backups; restoring onto a machine with another key leaves the
 * sealed secrets unreadable until the right key is put back.
 */
import { existsSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import Database from "better-sqlite3";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { closeDb, databasePath, getSqlite, openSqlite } from "@/db/client";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { migrateDatabase, MIGRATIONS_FOLDER } from "@/db/migrate";
import { AppError } from "@/lib/errors";
import { liveRuns } from "@/lib/pipeline/store";

/** Tables every Driftline database has had since its first migration. */
const CORE_TABLES = ["datasets", "batches", "pipelines", "runs", "model_versions", "scores"];

export interface BackupResult {
  file: string;
  bytes: number;
  migrations: number;
}

export async function backupDatabase(target: string): Promise<BackupResult> {
  const file = resolve(target);
  const source = databasePath();
  if (!existsSync(source)) throw new AppError("no_database", `There is no database at ${source} to back up.`, {}, 404);
  if (existsSync(file)) throw new AppError("file_exists", `${file} already exists; choose a new file name, a backup never overwrites one.`, {}, 409);
  if (file === source) throw new AppError("same_file", "The backup file cannot be the database itself.", {}, 400);
  const sqlite = openSqlite(source);
  try {
    await sqlite.backup(file);
  } finally {
    sqlite.close();
  }
  const { migrations } = checkDriftlineDatabase(file);
  return { file, bytes: statSync(file).size, migrations };
}

/**
 * Refuses anything that is not an intact Driftline database of this or an earlier version, with the
 * reason: not SQLite, damaged, another application's database, or migrations this version does not have.
 */
export function checkDriftlineDatabase(file: string): { migrations: number } {
  if (!existsSync(file)) throw new AppError("not_found", `${file} does not exist.`, {}, 404);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new AppError("not_a_database", `${file} cannot be opened as a SQLite database (${(error as Error).message}).`);
  }
  try {
    const problems = readIntegrity(sqlite, file);
    if (problems.length > 0) throw new AppError("damaged_database", `${file} is damaged: ${problems.slice(0, 3).join("; ")}.`);
    const tables = new Set((sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]));
    const missing = CORE_TABLES.filter((name) => !tables.has(name));
    if (!tables.has("__drizzle_migrations") || missing.length > 0) {
      throw new AppError("not_driftline", `${file} is a SQLite database but not a Driftline one (missing ${tables.has("__drizzle_migrations") ? missing.join(", ") : "its migration history"}).`);
    }
    const known = new Set(readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).map((m) => m.hash));
    const applied = sqlite.prepare("SELECT hash FROM __drizzle_migrations").pluck().all() as string[];
    const unknown = applied.filter((hash) => !known.has(hash));
    if (unknown.length > 0) {
      throw new AppError("unknown_migrations", `${file} has ${unknown.length} migration(s) this version of Driftline does not know: it comes from a newer version; upgrade Driftline before restoring it.`);
    }
    return { migrations: applied.length };
  } finally {
    sqlite.close();
  }
}

function readIntegrity(sqlite: Database.Database, file: string): string[] {
  try {
    const rows = sqlite.prepare("PRAGMA integrity_check").pluck().all() as string[];
    return rows.filter((row) => row !== "ok");
  } catch (error) {
    throw new AppError("not_a_database", `${file} is not a SQLite database (${(error as Error).message}).`);
  }
}

export interface RestoreResult {
  restored: string;
  database: string;
  previous: string | null;
  migrations: number;
  /** Sealed secrets in the restored database, and how many the current key cannot open. */
  secrets: { sealed: number; unreadable: number };
}

/** Every sealed secret the database stores; add a column here when another feature seals one. */
const SEALED_SECRETS_SQL = [
  "SELECT sealed_secret FROM sources WHERE sealed_secret IS NOT NULL",
  "SELECT sealed_secret FROM notification_channels WHERE sealed_secret IS NOT NULL",
];

function checkSealedSecrets(): RestoreResult["secrets"] {
  const sealed = SEALED_SECRETS_SQL.flatMap((query) => getSqlite().prepare(query).pluck().all() as string[]);
  const unreadable = sealed.filter((value) => {
    try {
      decryptSecret(value);
      return false;
    } catch {
      return true;
    }
  });
  return { sealed: sealed.length, unreadable: unreadable.length };
}

/**
 * Puts a backup in place of the database. Stop the server first: a running server keeps the file it
 * opened. A pipeline run still in progress in a live process makes the restore refuse.
 */
export async function restoreDatabase(backup: string, now = new Date()): Promise<RestoreResult> {
  const file = resolve(backup);
  const target = databasePath();
  if (file === target) throw new AppError("same_file", "The backup is the database itself.", {}, 400);
  const { migrations } = checkDriftlineDatabase(file);
  if (existsSync(target)) {
    const running = liveRuns();
    if (running.length > 0) {
      throw new AppError("run_in_progress", `Run #${running[0].id} is in progress (process ${running[0].pid}); wait for it or cancel it, and stop the server, before restoring.`, {}, 409);
    }
  }
  closeDb();
  // Copy through the backup API into a new file beside the database, so the rename below is atomic and a
  // failure part-way leaves the current database untouched.
  const staging = join(dirname(target), `.${basename(target)}.restoring`);
  rmSync(staging, { force: true });
  const source = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(staging);
  } finally {
    source.close();
  }
  let previous: string | null = null;
  if (existsSync(target)) {
    // Fold the write-ahead log into the file first, so the kept copy is complete on its own.
    const current = openSqlite(target);
    current.pragma("wal_checkpoint(TRUNCATE)");
    current.close();
    previous = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, "-")}`;
    renameSync(target, previous);
    for (const suffix of ["-wal", "-shm"]) rmSync(`${target}${suffix}`, { force: true });
  }
  renameSync(staging, target);
  // A backup from an earlier version gets the migrations it lacks.
  migrateDatabase();
  const secrets = checkSealedSecrets();
  closeDb();
  return { restored: file, database: target, previous, migrations, secrets };
}
