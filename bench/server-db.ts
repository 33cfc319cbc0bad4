/**
 * Builds the database the server benchmarks run against (bench/.data/server-<rows>.db), once:
 * the demo users, a Customers dataset whose latest batch holds every row of the benchmark CSV, a
 * "Churn" pipeline trained, deployed, scored and monitored by a real run on that batch (so 1M scores
 * with reasons and real drift results), and two years of daily batches before it. The history batches
 * are written directly in bulk: each carries the latest batch's columns, profile and drift results
 * under its own date but not its rows, which no page reads for an old batch.
 * Prints one JSON line: the path and the seconds each step of the training run took.
 */
import { copyFileSync, existsSync, renameSync, rmSync } from "node:fs";
import { closeDb, getDb, getSqlite } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { users } from "@/db/schema";
import { eq } from "drizzle-orm";
import { DEMO_USERS } from "@/lib/auth/demo-users";
import { createUser } from "@/lib/auth/users";
import { importCsvBatch } from "@/lib/data/import-batch";
import { executeRun } from "@/lib/pipeline/run-pipeline";
import { insertPipeline, listRunSteps, startRun } from "@/lib/pipeline/store";
import { DEFAULT_BANDS } from "@/lib/scoring/bands";
import { customersCsvPath, DATA_DIR, HEADER } from "./customers-csv";

export const HISTORY_DAYS = 730;
const DAY_MS = 86_400_000;

export function serverDbPath(rows: number): string {
  return `${DATA_DIR}/server-${rows}.db`;
}

async function build(rows: number, path: string): Promise<Record<string, number>> {
  const partial = `${path}.partial`;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(partial + suffix, { force: true });
  process.env.DATABASE_PATH = partial;
  migrateDatabase();
  for (const demo of Object.values(DEMO_USERS)) {
    if (!getDb().select({ id: users.id }).from(users).where(eq(users.email, demo.email)).get()) await createUser(demo);
  }
  const today = Date.UTC(2026, 11, 3);
  const { datasetId, batchId } = await importCsvBatch(customersCsvPath(rows), {
    dataset: "Customers", source: "cli", target: "churned", id: "customer_id", asOf: new Date(today),
  });
  const feature = (name: string) => ({ name, kind: /^(plan|region|paperless)$/.test(name) ? "categorical" as const : "numeric" as const, description: "", transformation: "", owner: "" });
  const pipelineId = insertPipeline({
    name: "Churn",
    datasetId,
    targetColumn: "churned",
    positiveValue: "Yes",
    idColumn: "customer_id",
    features: HEADER.filter((name) => name !== "customer_id" && name !== "churned").map(feature),
    hyperparameters: { maxDepth: 8, minSamplesLeaf: 50 },
    split: { kind: "stratified", testSize: 0.2, seed: 42 },
    gates: [],
    deployPolicy: "auto",
    riskBands: DEFAULT_BANDS,
  });
  const runId = startRun(pipelineId, "cli", batchId);
  await executeRun(runId);
  const steps = Object.fromEntries(
    listRunSteps(runId).map((step) => [step.name, step.startedAt && step.finishedAt ? (step.finishedAt.getTime() - step.startedAt.getTime()) / 1000 : 0]),
  );
  if (listRunSteps(runId).some((step) => step.status === "failed")) throw new Error(`The training run failed: ${JSON.stringify(listRunSteps(runId))}`);
  addHistory(batchId, today);
  closeDb();
  renameSync(partial, path);
  return steps;
}

/** Daily batches for the two years before the latest one, with the latest batch's drift results copied onto each. */
function addHistory(latestBatchId: number, today: number): void {
  const sqlite = getSqlite();
  sqlite.transaction(() => {
    const copyBatch = sqlite.prepare(
      `INSERT INTO batches (dataset_id, as_of, source, source_detail, source_bytes, row_count, columns, target_column, positive_value, id_column, profile, warnings, created_at)
       SELECT dataset_id, ?, source, source_detail, source_bytes, row_count, columns, target_column, positive_value, id_column, profile, warnings, ? FROM batches WHERE id = ?`,
    );
    const copyDrift = sqlite.prepare(
      `INSERT INTO drift_results (pipeline_id, model_version_id, batch_id, run_id, feature, psi, severity, metrics, computed_at)
       SELECT pipeline_id, model_version_id, ?, run_id, feature, psi, severity, metrics, ? FROM drift_results WHERE batch_id = ?`,
    );
    for (let day = HISTORY_DAYS - 1; day >= 1; day--) {
      const at = today - day * DAY_MS;
      const id = Number(copyBatch.run(at, at, latestBatchId).lastInsertRowid);
      copyDrift.run(id, at, latestBatchId);
    }
  })();
}

/** The built database, copied to `target` so a benchmark can write to it without spoiling the next run. */
export async function serverDbCopy(rows: number, target: string): Promise<{ path: string; trainingSteps: Record<string, number> | null }> {
  const path = serverDbPath(rows);
  const trainingSteps = existsSync(path) ? null : await build(rows, path);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(target + suffix, { force: true });
  copyFileSync(path, target);
  // A database built before the latest migrations gets them, as `npm run build` would give it.
  process.env.DATABASE_PATH = target;
  migrateDatabase();
  closeDb();
  return { path: target, trainingSteps };
}
