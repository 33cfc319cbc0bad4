import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { alertEvents, alertRules, driftResults, outbox, pipelines, runs } from "@/db/schema";
import { DEMO_DATA } from "@/lib/data/demo-data";
import { importCsvBatch } from "@/lib/data/import-batch";
import { createChannel } from "@/lib/notify/channels";
import { drainOutbox } from "@/lib/notify/outbox";
import { executeRun } from "@/lib/pipeline/run-pipeline";
import { executeMonitoringRun, startMonitoringRuns } from "@/lib/pipeline/run-monitoring";
import { getChampionVersion, startRun } from "@/lib/pipeline/store";
import { insertTelcoPipeline, telcoFeatures } from "@/lib/test/pipelines";
import { startReceiver, type Receiver } from "@/lib/test/receivers";
import { shiftedTelcoCsv } from "@/lib/test/telco-files";
import { tempDir } from "@/lib/test/temp-files";
import { ensureDefaultRules } from "./defaults";
import { evaluateAlerts } from "./evaluate";
import { retrainOutcome } from "./outcome";
import { acknowledgeAlert, updateRule } from "./rules";
import type { RuleInput } from "@/lib/validation/alerts";

const tmp = tempDir();
let trainingDataset: number;
let receiver: Receiver;

beforeAll(async () => {
  process.env.DATABASE_PATH = `${tmp.dir}/alerts.db`;
  migrateDatabase();
  trainingDataset = (await importCsvBatch(DEMO_DATA.telco, { dataset: "Telco", source: "cli", target: "Churn", id: "customerID" })).datasetId;
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  closeDb();
  tmp.cleanup();
});

/** A pipeline scoring its own dataset, trained once: champion v1, its batch monitored, rules evaluated. */
async function trainedPipeline(name: string, scoringDatasetId?: number) {
  const pipelineId = insertTelcoPipeline(trainingDataset, { name, scoringDatasetId });
  await executeRun(startRun(pipelineId, "cli"));
  return pipelineId;
}

const ruleOf = (pipelineId: number, feature: string) =>
  getDb().select().from(alertRules).where(and(eq(alertRules.pipelineId, pipelineId), eq(alertRules.feature, feature))).get()!;

function edit(ruleId: number, changes: Partial<RuleInput>): void {
  const rule = getDb().select().from(alertRules).where(eq(alertRules.id, ruleId)).get()!;
  updateRule(ruleId, {
    signal: rule.signal, feature: rule.feature, metric: rule.metric, operator: rule.operator, warning: rule.warning, critical: rule.critical,
    fireM: rule.fireM, fireN: rule.fireN, cooldownHours: rule.cooldownSeconds / 3600, renotifyHours: rule.renotifySeconds / 3600,
    channels: rule.channels, retrain: rule.retrain, enabled: rule.enabled, ...changes,
  });
}

/** A new observation: the latest MonthlyCharges drift row again, with another PSI. */
function observePsi(pipelineId: number, psi: number): void {
  const latest = getDb().select().from(driftResults).where(and(eq(driftResults.pipelineId, pipelineId), eq(driftResults.feature, "MonthlyCharges"))).orderBy(asc(driftResults.id)).all().at(-1)!;
  const { id: _id, ...copy } = latest;
  getDb().insert(driftResults).values({ ...copy, psi, metrics: { ...latest.metrics, psi } }).run();
}

describe("default rules", () => {
  it("come with every pipeline, and judge its first run without firing", async () => {
    const pipelineId = await trainedPipeline("defaults");
    const rules = getDb().select().from(alertRules).where(eq(alertRules.pipelineId, pipelineId)).all();
    expect(rules.map((r) => [r.signal, r.feature ?? r.metric, r.operator, r.critical])).toEqual([
      ["feature_psi", "tenure", ">=", null], ["feature_psi", "Contract", ">=", null], ["feature_psi", "MonthlyCharges", ">=", null],
      ["realised_metric", "rocAuc", "<", null], ["run_failed", null, ">=", 1],
    ]);
    expect(rules.every((r) => r.state === "ok" && r.cooldownSeconds === 86_400 && r.renotifySeconds === 86_400)).toBe(true);
    const events = getDb().select().from(alertEvents).all().filter((e) => rules.some((r) => r.id === e.ruleId));
    // Three PSI rules and the run rule judged the run; realised ROC AUC waits for labels.
    expect(events).toHaveLength(4);
    expect(events.every((e) => e.severity === "ok" && e.notification === null)).toBe(true);
    expect(events.find((e) => e.observation.startsWith("run:"))?.message).toContain("Failed run succeeded");
  });

  it("are added at start (and by the tick) to pipelines that were created before alerting existed", () => {
    // Written straight to the table, as code from before alerting did.
    const { id } = getDb()
      .insert(pipelines)
      .values({ name: "from before alerts", datasetId: trainingDataset, targetColumn: "Churn", positiveValue: "Yes", features: telcoFeatures(["tenure", "Contract", "MonthlyCharges"]), hyperparameters: {}, split: { kind: "stratified", testSize: 0.2, seed: 1 }, gates: [], riskBands: { high: 0.6, medium: 0.3 } })
      .returning({ id: pipelines.id })
      .get();
    expect(getDb().select().from(alertRules).where(eq(alertRules.pipelineId, id)).all()).toHaveLength(0);
    expect(ensureDefaultRules()).toBe(1);
    expect(getDb().select().from(alertRules).where(eq(alertRules.pipelineId, id)).all()).toHaveLength(5);
    expect(ensureDefaultRules()).toBe(0);
  });

  it("a failed run fires the run rule, and the next successful run resolves it", async () => {
    const pipelineId = await trainedPipeline("fails once");
    const rule = getDb().select().from(alertRules).where(and(eq(alertRules.pipelineId, pipelineId), eq(alertRules.signal, "run_failed"))).get()!;
    const features = getDb().select({ f: pipelines.features }).from(pipelines).where(eq(pipelines.id, pipelineId)).get()!.f;
    getDb().update(pipelines).set({ features: [...features, { name: "NotAColumn", kind: "numeric", description: "", transformation: "", owner: "" }] }).where(eq(pipelines.id, pipelineId)).run();
    await executeRun(startRun(pipelineId, "cli"));
    expect(getDb().select().from(alertRules).where(eq(alertRules.id, rule.id)).get()).toMatchObject({ state: "firing", severity: "critical" });
    getDb().update(pipelines).set({ features }).where(eq(pipelines.id, pipelineId)).run();
    await executeRun(startRun(pipelineId, "cli"));
    expect(getDb().select().from(alertRules).where(eq(alertRules.id, rule.id)).get()).toMatchObject({ state: "resolved", severity: "ok" });
  });
});

describe("the lifecycle on stored evaluations", () => {
  it("PSI 0.30, 0.35, 0.40, 0.10, 0.32 against 0.25: five evaluations, three notifications (firing, resolved, firing), however often it is evaluated", async () => {
    const pipelineId = await trainedPipeline("lifecycle");
    const { id: channelId } = createChannel({ kind: "webhook", name: "lifecycle hook", url: receiver.url }, "admin");
    const rule = ruleOf(pipelineId, "MonthlyCharges");
    edit(rule.id, { warning: null, critical: 0.25, channels: [channelId] });

    const start = new Date("2026-06-01T00:00:00Z");
    for (const [i, psi] of [0.3, 0.35, 0.4, 0.1, 0.32].entries()) {
      observePsi(pipelineId, psi);
      const now = new Date(start.getTime() + i * 3600_000);
      evaluateAlerts(pipelineId, { now });
      evaluateAlerts(pipelineId, { now }); // a repeated tick judges nothing twice
    }
    const events = getDb().select().from(alertEvents).where(and(eq(alertEvents.ruleId, rule.id), eq(alertEvents.revision, 2))).orderBy(asc(alertEvents.id)).all();
    expect(events.map((e) => e.value)).toEqual([0.3, 0.35, 0.4, 0.1, 0.32]);
    expect(events.map((e) => e.state)).toEqual(["firing", "firing", "firing", "resolved", "firing"]);
    expect(events.map((e) => e.notification)).toEqual(["firing", null, null, "resolved", "firing"]);
    expect(events[0].at).toEqual(start);

    await drainOutbox({ now: new Date("2026-06-01T05:00:00Z") });
    const sent = receiver.requests.map((r) => JSON.parse(r.body)).filter((b) => b.rule?.id === rule.id);
    expect(sent.map((b) => b.kind)).toEqual(["firing", "resolved", "firing"]);
    expect(sent[0].link).toBe(`http://localhost:3000/drift?pipeline=${pipelineId}&feature=MonthlyCharges&batch=${events[0].batchId}`);
    expect(sent[0].title).toBe("lifecycle: PSI of MonthlyCharges critical");

    // Still firing a day after the last message: one reminder, then none once acknowledged.
    evaluateAlerts(pipelineId, { now: new Date("2026-06-02T03:59:00Z") });
    evaluateAlerts(pipelineId, { now: new Date("2026-06-02T04:00:00Z") });
    evaluateAlerts(pipelineId, { now: new Date("2026-06-02T04:30:00Z") });
    const reminders = () => getDb().select().from(outbox).all().filter((o) => o.payload.kind === "reminder" && (o.payload.rule as { id: number }).id === rule.id);
    expect(reminders()).toHaveLength(1);
    acknowledgeAlert(rule.id, "admin@driftline.local", "Price change announced; retraining next week");
    evaluateAlerts(pipelineId, { now: new Date("2026-06-04T00:00:00Z") });
    expect(reminders()).toHaveLength(1);
    expect(getDb().select().from(alertEvents).where(eq(alertEvents.id, ruleOf(pipelineId, "MonthlyCharges").openEventId!)).get()).toMatchObject({ acknowledgedNote: "Price change announced; retraining next week" });
  });

  it("a muted rule still changes state but notifies nobody", async () => {
    const pipelineId = await trainedPipeline("muted");
    const { id: channelId } = createChannel({ kind: "webhook", name: "muted hook", url: receiver.url }, "admin");
    const rule = ruleOf(pipelineId, "MonthlyCharges");
    edit(rule.id, { critical: 0.25, channels: [channelId] });
    getDb().update(alertRules).set({ mutedUntil: new Date("2026-07-01T00:00:00Z") }).where(eq(alertRules.id, rule.id)).run();
    observePsi(pipelineId, 0.5);
    expect(evaluateAlerts(pipelineId, { now: new Date("2026-06-15T00:00:00Z") })).toMatchObject({ notifications: 0 });
    expect(ruleOf(pipelineId, "MonthlyCharges").state).toBe("firing");
    expect(getDb().select().from(alertEvents).where(eq(alertEvents.ruleId, rule.id)).orderBy(asc(alertEvents.id)).all().at(-1)!.message).toContain("muted, nobody notified");
  });
});

describe("drift-triggered retraining", () => {
  async function driftedPipeline(name: string, aucFloor: number) {
    const current = (await importCsvBatch(DEMO_DATA.telco, { dataset: `${name} customers`, source: "cli", id: "customerID" })).datasetId;
    const pipelineId = await trainedPipeline(name, current);
    expect(getChampionVersion(pipelineId)?.version).toBe(1);
    const rule = ruleOf(pipelineId, "MonthlyCharges");
    edit(rule.id, { retrain: true });
    // The admin raises (or keeps) the bar the next version must clear.
    getDb().update(pipelines).set({ gates: [{ kind: "floor", metric: "rocAuc", min: aucFloor }, { kind: "vs_champion", metric: "rocAuc", maxDrop: 0.01 }] }).where(eq(pipelines.id, pipelineId)).run();
    const file = tmp.file(`${name}.csv`, shiftedTelcoCsv(1.3));
    const arrived = await importCsvBatch(file, { dataset: `${name} customers`, source: "cli", id: "customerID", asOf: new Date(Date.now() + 1000) });
    const [monitoringRun] = startMonitoringRuns(current, arrived.batchId);
    await executeMonitoringRun(monitoringRun);
    const fired = getDb().select().from(alertEvents).where(and(eq(alertEvents.ruleId, rule.id), eq(alertEvents.notification, "firing"))).get()!;
    return { pipelineId, rule, fired };
  }

  it("a 30% price rise turns MonthlyCharges critical, retrains, and the passing version is promoted", async () => {
    const { pipelineId, fired } = await driftedPipeline("retrain passes", 0.7);
    expect(fired).toMatchObject({ severity: "critical", state: "firing" });
    expect(fired.retrainRunId).not.toBeNull();
    expect(getDb().select().from(runs).where(eq(runs.id, fired.retrainRunId!)).get()).toMatchObject({ trigger: "alert", status: "succeeded" });
    expect(retrainOutcome(fired.retrainRunId!)).toMatchObject({ version: 2, gatesPassed: true, promoted: true });
    expect(getChampionVersion(pipelineId)?.version).toBe(2);
  });

  it("the same drift retrains once within the cooldown, and a version failing its gate is refused", async () => {
    const { pipelineId, rule, fired } = await driftedPipeline("retrain refused", 0.99);
    expect(retrainOutcome(fired.retrainRunId!)).toMatchObject({ version: 2, gatesPassed: false, promoted: false });
    expect(getChampionVersion(pipelineId)?.version).toBe(1);
    // The retraining run monitored the batch again and the rule stayed critical: no second retraining.
    const retrains = getDb().select().from(runs).where(and(eq(runs.pipelineId, pipelineId), eq(runs.trigger, "alert"))).all();
    expect(retrains).toHaveLength(1);
    expect(ruleOf(pipelineId, "MonthlyCharges")).toMatchObject({ id: rule.id, state: "firing", severity: "critical" });
  });
});
