/**
 * What the database holds, as one comparable value: every table's rows (large tables by count and last
 * rowid). A refused call must leave it exactly as it was. better-auth's rate-limit counters are left out:
 * they change on every sign-in request by design.
 */
import Database from "better-sqlite3";

const LARGE = new Set(["batch_rows", "scores"]);
const IGNORED = new Set(["rate_limit", "__drizzle_migrations", "sqlite_sequence"]);

export function snapshotDatabase(path: string): Record<string, unknown> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    const snapshot: Record<string, unknown> = {};
    for (const { name } of tables) {
      if (IGNORED.has(name)) continue;
      const quoted = `"${name.replaceAll('"', '""')}"`;
      snapshot[name] = LARGE.has(name)
        ? db.prepare(`SELECT count(*) AS rows, max(rowid) AS last FROM ${quoted}`).get()
        : db.prepare(`SELECT * FROM ${quoted} ORDER BY rowid`).all();
    }
    return snapshot;
  } finally {
    db.close();
  }
}
