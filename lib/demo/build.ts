/**
 * Builds the demo workspace: the generated year (lib/demo/generate.ts) replayed through the real pipeline,
 * each step at its own date (lib/clock.ts), so runs, batches, versions, scores, drift and performance
 * carry the simulated dates. Nothing here writes results directly: every record comes from the same code
 * an upload, "Run now" or the scheduler uses.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { datasets, pipelines, users } from "@/db/schema";
import { audit, type Actor } from "@/lib/audit/audit";
import { DEMO_USERS } from "@/lib/auth/demo-users";
import { atSimulatedTime, now } from "@/lib/clock";
import type { ScheduledRun } from "@/lib/cron/schedules";
import { tick } from "@/lib/cron/tick";
import { DEMO_DATA } from "@/lib/data/demo-data";
import { importCsvBatch } from "@/lib/data/import-batch";
import { executeRun } from "@/lib/pipeline/run-pipeline";
import { executeMonitoringRun, startMonitoringRuns } from "@/lib/pipeline/run-monitoring";
import { getPipelineByName, getRun, insertPipeline, startRun } from "@/lib/pipeline/store";
import { addRecallRule, connectReceiver, DEMO_CHANNEL } from "./alerting";
import { generateDemoData, monthStart, MONTHS, RETRAIN, toCsv, type DemoTable } from "./generate";
import { DEMO_CUSTOMERS_DATASET, DEMO_HISTORY_DATASET, DEMO_PIPELINE, DEMO_SCHEDULE, demoPipelineValues } from "./pipeline";
import { DEMO_RECEIVER_PORT } from "./receiver";
import { ensureDemoUsers } from "./users";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** The month an analyst tries a one-split tree (rules anyone can read), which the champion gate blocks. */
export const EXPERIMENT = { month: 11, maxDepth: 1 } as const;

export interface DemoSummary {
  pipelineId: number;
  batches: number;
  runs: { id: number; trigger: string; status: string; at: string }[];
}

export interface DemoOptions {
  /** Where the demo's webhook channel sends alerts: the local receiver (`npm run receiver`). */
  receiverUrl?: string;
  /** Hears one line per month. */
  log?: (line: string) => void;
}

export const DEFAULT_RECEIVER_URL = `http://127.0.0.1:${DEMO_RECEIVER_PORT}/driftline`;

/** Builds the workspace into the current database. */
export async function buildDemoWorkspace(options: DemoOptions = {}): Promise<DemoSummary> {
  // The monthly CSVs are written here for the import path, and removed however the build ends.
  const dir = mkdtempSync(join(tmpdir(), "driftline-demo-"));
  try {
    return await replayYear(dir, options);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function replayYear(dir: string, { receiverUrl = DEFAULT_RECEIVER_URL, log = () => {} }: DemoOptions): Promise<DemoSummary> {
  const data = generateDemoData(readFileSync(DEMO_DATA.telco, "utf8"));
  const runs: DemoSummary["runs"] = [];
  let batchCount = 0;
  const importTable = (table: DemoTable, dataset: string, labelled: boolean) =>
    atSimulatedTime(table.asOf, async () => {
      const path = join(dir, table.label);
      writeFileSync(path, toCsv(table));
      batchCount++;
      // Monthly batches carry blank outcomes for this month's customers, so only labelled history declares its target.
      return importCsvBatch(path, { dataset, source: "seed", label: table.label, asOf: table.asOf, id: "customerID", ...(labelled && { target: "Churn", positive: "Yes" }) });
    });
  const record = (runId: number) => {
    const run = getRun(runId)!;
    runs.push({ id: runId, trigger: run.trigger, status: run.status, at: run.startedAt!.toISOString() });
    if (run.status !== "succeeded") throw new Error(`Demo run #${runId} ${run.status}: ${run.error}`);
  };
  // Each run ends by evaluating the alert rules at its own simulated time.
  const train = (at: Date, actor: Actor) =>
    atSimulatedTime(at, async () => {
      const runId = startRun(pipelineId, "manual");
      audit(actor, "run.started", "run", runId, { pipelineId, via: "demo" });
      await executeRun(runId, { now: now() });
      record(runId);
    });
  await ensureDemoUsers("demo");
  const analyst = actorFor("analyst");
  const admin = actorFor("admin");

  const history = await importTable(data.training, DEMO_HISTORY_DATASET, true);
  const customersId = ensureDataset(DEMO_CUSTOMERS_DATASET, "The customers scored each month, with last month's outcomes.");
  const created = new Date(monthStart(0).getTime() + 9 * HOUR);
  const pipelineId = atSimulatedTime(created, () => {
    const id = insertPipeline({ ...demoPipelineValues(history.datasetId, customersId), createdAt: created });
    audit(analyst, "pipeline.created", "pipeline", id, { name: DEMO_PIPELINE, batchId: history.batchId, via: "demo" });
    addRecallRule(id);
    return id;
  });
  await train(new Date(monthStart(0).getTime() + 10 * HOUR), analyst);
  log(`${isoDay(monthStart(0))}: trained v1 on ${data.training.rows.length} labelled customers.`);

  for (let m = 1; m <= data.months.length; m++) {
    const table = data.months[m - 1];
    const stored = await importTable(table, DEMO_CUSTOMERS_DATASET, false);
    for (const runId of atSimulatedTime(table.asOf, () => startMonitoringRuns(stored.datasetId, stored.batchId))) {
      await atSimulatedTime(table.asOf, () => executeMonitoringRun(runId, { now: now() }));
      record(runId);
    }
    if (m === RETRAIN.month - 1) {
      // After a month of falling realised accuracy the admin schedules a quarterly retrain.
      atSimulatedTime(new Date(table.asOf.getTime() + 9 * DAY + 10 * HOUR), () => {
        getDb().update(pipelines).set({ schedule: DEMO_SCHEDULE, updatedAt: new Date(table.asOf.getTime() + 9 * DAY + 10 * HOUR) }).where(eq(pipelines.id, pipelineId)).run();
        audit(admin, "pipeline.updated", "pipeline", pipelineId, { changed: "settings", schedule: DEMO_SCHEDULE, via: "demo" });
      });
    }
    if (m === RETRAIN.month) {
      await importTable({ ...data.retraining, asOf: new Date(table.asOf.getTime() + 5 * HOUR) }, DEMO_HISTORY_DATASET, true);
      // The retrain comes from the scheduler's own tick, at the schedule's slot.
      const slot = new Date(table.asOf.getTime() + 6 * HOUR);
      const ticked = await atSimulatedTime(slot, () => tick({ now: slot }));
      const scheduled = ticked.status === "ran" ? (ticked.phases.schedules as ScheduledRun[]).find((r) => r.pipelineId === pipelineId)?.runId : null;
      if (!scheduled) throw new Error(`The tick of ${slot.toISOString()} did not start the scheduled retrain: ${JSON.stringify(ticked)}`);
      record(scheduled);
    }
    if (m === EXPERIMENT.month) await tryShallowerTree(pipelineId, new Date(table.asOf.getTime() + 11 * DAY + 14 * HOUR), analyst, train);
    log(`${isoDay(table.asOf)}: batch of ${table.rows.length} customers monitored.`);
  }
  atSimulatedTime(new Date(monthStart(MONTHS).getTime() + DAY + 9 * HOUR), () => {
    const channelId = connectReceiver(pipelineId, receiverUrl, admin.email);
    audit(admin, "channel.created", "channel", channelId, { name: DEMO_CHANNEL, kind: "webhook", via: "demo" });
  });
  log(`Alerts now notify the local receiver at ${receiverUrl} (npm run receiver).`);
  return { pipelineId, batches: batchCount, runs };
}

/** An analyst's experiment: a shallower tree is trained, fails the champion gate, and the setting goes back. */
async function tryShallowerTree(pipelineId: number, at: Date, analyst: Actor, train: (at: Date, actor: Actor) => Promise<void>) {
  const pipeline = getDb().select().from(pipelines).where(eq(pipelines.id, pipelineId)).get()!;
  const setDepth = (when: Date, hyperparameters: Record<string, unknown>) =>
    atSimulatedTime(when, () => {
      getDb().update(pipelines).set({ hyperparameters, updatedAt: when }).where(eq(pipelines.id, pipelineId)).run();
      audit(analyst, "pipeline.updated", "pipeline", pipelineId, { changed: "model settings", hyperparameters, via: "demo" });
    });
  setDepth(at, { ...pipeline.hyperparameters, maxDepth: EXPERIMENT.maxDepth });
  await train(new Date(at.getTime() + 5 * 60 * 1000), analyst);
  setDepth(new Date(at.getTime() + HOUR), pipeline.hyperparameters);
}

function ensureDataset(name: string, description: string): number {
  const db = getDb();
  db.insert(datasets).values({ name, description }).onConflictDoNothing().run();
  return db.select({ id: datasets.id }).from(datasets).where(eq(datasets.name, name)).get()!.id;
}

/** The demo users who act in the story, as audit actors. */
function actorFor(role: "admin" | "analyst"): Actor {
  const { email } = DEMO_USERS[role];
  const user = getDb().select({ id: users.id }).from(users).where(eq(users.email, email)).get();
  return { id: user?.id ?? null, email };
}

/** Whether this database already holds the demo workspace. */
export function hasDemoWorkspace(): boolean {
  return getPipelineByName(DEMO_PIPELINE) !== undefined;
}

function isoDay(date: Date) {
  return date.toISOString().slice(0, 10);
}
