import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { buildDemoWorkspace } from "@/lib/demo/build";
import { rollback } from "@/lib/pipeline/registry";
import { tempDir } from "@/lib/test/temp-files";
import { listChampionHealth, listChangesSinceYesterday, listRecentAlerts } from "./overview";

// The query module is server-only for the app; under vitest the marker would refuse to load.
vi.mock("server-only", () => ({}));

const tmp = tempDir();
let pipelineId: number;

beforeAll(async () => {
  process.env.DATABASE_PATH = `${tmp.dir}/overview.db`;
  migrateDatabase();
  pipelineId = (await buildDemoWorkspace()).pipelineId;
}, 240_000);
afterAll(() => {
  closeDb();
  tmp.cleanup();
});

describe("the overview on the demo workspace", () => {
  it("judges the retrained champion by its realised accuracy, the newest batch's drift and its firing alerts", () => {
    const [health] = listChampionHealth();
    // Accurate and without critical drift, but PaymentMethod's drift alert fires at warning: at risk.
    expect(health).toMatchObject({ pipelineName: "Telco churn", version: 2, verdict: "at risk" });
    expect(health.checks[0]).toMatchObject({ tone: "good", href: `/drift?pipeline=${pipelineId}#performance` });
    expect(health.checks[0].text).toMatch(/^Realised ROC AUC 0\.8\d\d against validation 0\.8\d\d \(scores of 2026-11-01, 1500 outcomes\)\.$/);
    expect(health.checks[1]).toMatchObject({ tone: "good", text: expect.stringMatching(/^No critical drift in batch #\d+\.$/) });
    expect(health.checks[2]).toEqual({ tone: "warning", text: "Firing: PSI of PaymentMethod (warning).", href: "/alerts" });
  });

  it("lists what fired and resolved, newest first", () => {
    const fired = listRecentAlerts(3).map((e) => `${e.at.toISOString().slice(0, 10)} ${e.state} ${e.message.split(" in batch")[0]}`);
    expect(fired).toEqual(["2026-12-01 firing PSI of PaymentMethod 0.246", "2026-11-01 resolved Realised recall 0.702", "2026-10-01 resolved PSI of MonthlyCharges 0.002"]);
  });

  it("lists what changed in the day up to the newest batch, each with its link", () => {
    const result = listChangesSinceYesterday()!;
    expect(result.latest.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(result.since.toISOString()).toBe("2026-11-30T00:00:00.000Z");
    const texts = result.changes.map((c) => c.text);
    expect(texts).toContainEqual(expect.stringMatching(/^Batch #\d+ of Telco customers arrived: 3,000 rows\.$/));
    expect(texts).toContainEqual(expect.stringMatching(/^Telco churn run #\d+ \(ingest\) monitored the new batch: succeeded\.$/));
    const risen = result.changes.find((c) => c.text.includes("moved into the high-risk band"))!;
    expect(risen.href).toBe(`/scores?pipeline=${pipelineId}&band=high&sort=change`);
    // Nothing from before the window: the November batch and the retrain are older.
    expect(result.changes.every((c) => c.at >= result.since)).toBe(true);
  });

  it("calls a champion whose realised accuracy fell well below its validation at risk", () => {
    rollback(pipelineId, "test", "back to v1");
    const [health] = listChampionHealth();
    expect(health).toMatchObject({ version: 1, verdict: "at risk" });
    expect(health.checks[0].tone).toBe("warning");
    expect(health.checks[0].text).toMatch(/^Realised ROC AUC 0\.7\d\d is 0\.0\d\d below its validation 0\.832/);
    const moved = listChangesSinceYesterday()!.changes.find((c) => c.text.startsWith("Telco churn v1 became champion"));
    expect(moved?.href).toMatch(/^\/models\/\d+$/);
  });
});
