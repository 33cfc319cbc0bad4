import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { and, asc, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { alertRules, pipelines, runs, tickSlots } from "@/db/schema";
import { DEMO_DATA } from "@/lib/data/demo-data";
import { importCsvBatch } from "@/lib/data/import-batch";
import { createChannel } from "@/lib/notify/channels";
import { insertTelcoPipeline } from "@/lib/test/pipelines";
import { startReceiver, type Receiver } from "@/lib/test/receivers";
import { tempDir } from "@/lib/test/temp-files";
import { checkCronSecret } from "./cron-secret";
import { tick } from "./tick";

const SECRET = "cron-secret-for-tests-0123456789";
const tmp = tempDir();
let datasetId: number;
let receiver: Receiver;

beforeAll(async () => {
  process.env.DATABASE_PATH = `${tmp.dir}/tick.db`;
  process.env.CRON_SECRET = SECRET;
  migrateDatabase();
  datasetId = (await importCsvBatch(DEMO_DATA.telco, { dataset: "Telco", source: "cli", target: "Churn", id: "customerID" })).datasetId;
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  closeDb();
  tmp.cleanup();
});

const scheduledRuns = (pipelineId: number) =>
  getDb().select().from(runs).where(and(eq(runs.pipelineId, pipelineId), isNotNull(runs.slotKey))).orderBy(asc(runs.id)).all();

function stopSchedules(): void {
  getDb().update(pipelines).set({ schedule: null }).run();
}

describe("the tick", () => {
  it("twenty concurrent ticks of one slot: one runs the due schedule and notifies once, the rest are skipped", async () => {
    const pipelineId = insertTelcoPipeline(datasetId, { name: "hourly", schedule: "0 * * * *" });
    const { id: channelId } = createChannel({ kind: "webhook", name: "tick hook", url: receiver.url }, "admin");
    // A rule that fires on any run: PSI of tenure at or above 0.
    getDb().update(alertRules).set({ warning: null, critical: 0, channels: [channelId] }).where(and(eq(alertRules.pipelineId, pipelineId), eq(alertRules.feature, "tenure"))).run();

    const now = new Date("2026-12-03T10:00:30Z");
    const results = await Promise.all(Array.from({ length: 20 }, () => tick({ now })));
    expect(results.filter((r) => r.status === "ran")).toHaveLength(1);
    expect(results.filter((r) => r.status === "skipped")).toHaveLength(19);
    expect(results.every((r) => r.slot === "2026-12-03T10:00Z")).toBe(true);
    const ran = results.find((r) => r.status === "ran")!;
    expect(ran).toMatchObject({ errors: [] });

    const [run] = scheduledRuns(pipelineId);
    expect(scheduledRuns(pipelineId)).toHaveLength(1);
    expect(run).toMatchObject({ trigger: "schedule", status: "succeeded", slotKey: `pipeline:${pipelineId}:2026-12-03T10:00Z` });
    const firing = receiver.requests.map((r) => JSON.parse(r.body)).filter((b) => b.pipeline?.id === pipelineId && b.kind === "firing");
    expect(firing).toHaveLength(1);

    // The next minute is a new tick, but the hour's slot has run: no second run, nothing new to say.
    const next = await tick({ now: new Date("2026-12-03T10:01:30Z") });
    expect(next.status).toBe("ran");
    expect(scheduledRuns(pipelineId)).toHaveLength(1);
    expect(receiver.requests.map((r) => JSON.parse(r.body)).filter((b) => b.pipeline?.id === pipelineId)).toHaveLength(1);
    stopSchedules();
  });

  it("runs a daily 02:00 schedule exactly once a day across both daylight-saving changes", async () => {
    const pipelineId = insertTelcoPipeline(datasetId, { name: "daily", schedule: "0 2 * * *" });
    const days = [["2026-03-28T02:30:00Z", "2026-03-30T23:30:00Z"], ["2026-10-24T02:30:00Z", "2026-10-26T23:30:00Z"]];
    for (const [from, to] of days) {
      for (let t = new Date(from).getTime(); t <= new Date(to).getTime(); t += 60 * 60_000) await tick({ now: new Date(t) });
    }
    expect(scheduledRuns(pipelineId).map((r) => r.slotKey!.split(":").slice(2).join(":"))).toEqual([
      "2026-03-28T02:00Z", "2026-03-29T02:00Z", "2026-03-30T02:00Z", "2026-10-24T02:00Z", "2026-10-25T02:00Z", "2026-10-26T02:00Z",
    ]);
    stopSchedules();
  });

  it("separate processes ticking the same slot at once: one runs, the others answer skipped, none sees SQLITE_BUSY", async () => {
    const run = promisify(execFile);
    const env = { ...process.env, DATABASE_PATH: `${tmp.dir}/tick.db` };
    const outputs = await Promise.all(
      Array.from({ length: 4 }, () => run("bin/driftline", ["tick", "--at", "2026-12-05T08:00:00Z", "--json"], { env }).then((r) => JSON.parse(r.stdout))),
    );
    expect(outputs.map((o) => o.status).sort()).toEqual(["ran", "skipped", "skipped", "skipped"]);
    expect(JSON.stringify(outputs)).not.toContain("SQLITE_BUSY");
  });
});

describe("the cron secret", () => {
  it("refuses when unset, asks for a missing one, refuses a wrong one and accepts the right one", () => {
    expect(checkCronSecret(`Bearer ${SECRET}`, undefined)).toBe("unset");
    expect(checkCronSecret(null, SECRET)).toBe("missing");
    expect(checkCronSecret(`Basic ${SECRET}`, SECRET)).toBe("missing");
    expect(checkCronSecret("Bearer short", SECRET)).toBe("wrong");
    expect(checkCronSecret(`Bearer ${SECRET}x`, SECRET)).toBe("wrong");
    expect(checkCronSecret(`Bearer ${SECRET}`, SECRET)).toBe("ok");
  });

  it("the route answers 401 without the secret or with a wrong one, and 200 with the tick's result", async () => {
    const { GET } = await import("@/app/api/cron/tick/route");
    const call = (authorization?: string) => GET(new Request("http://127.0.0.1/api/cron/tick", { headers: authorization ? { authorization } : {} }));
    const missing = await call();
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toContain("Bearer");
    expect((await call("Bearer not-the-secret-at-all")).status).toBe(401);
    const ok = await call(`Bearer ${SECRET}`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: "ran", phases: { schedules: [], alerts: { pipelines: 2 }, outbox: { delivered: 0 } } });
    expect(await (await call(`Bearer ${SECRET}`)).json()).toMatchObject({ status: "skipped" });
  });

  it("the route starts a due run in a process of its own and answers before it ends", async () => {
    const { GET } = await import("@/app/api/cron/tick/route");
    const pipelineId = insertTelcoPipeline(datasetId, { name: "every minute", schedule: "* * * * *" });
    getDb().delete(tickSlots).run(); // the previous test took this minute's tick
    const answer = await (await GET(new Request("http://127.0.0.1/api/cron/tick", { headers: { authorization: `Bearer ${SECRET}` } }))).json();
    const [started] = answer.phases.schedules as { pipelineId: number; runId: number }[];
    expect(started.pipelineId).toBe(pipelineId);
    // Nothing of the run happened in this process: when the answer came, it had not finished.
    expect(getDb().select({ status: runs.status }).from(runs).where(eq(runs.id, started.runId)).get()!.status).toBe("running");
    await expect.poll(() => getDb().select({ status: runs.status }).from(runs).where(eq(runs.id, started.runId)).get()!.status, { timeout: 60_000, interval: 250 }).toBe("succeeded");
    stopSchedules();
  }, 90_000);
});
