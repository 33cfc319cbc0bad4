import { spawnSync } from "node:child_process";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { tempDir } from "@/lib/test/temp-files";

const tmp = tempDir();
const dbPath = join(tmp.dir, "demo.db");
const BIN = join(process.cwd(), "bin", "driftline");
afterAll(tmp.cleanup);

function driftline(...args: string[]) {
  const run = spawnSync(BIN, [...args, "--json"], { cwd: tmp.dir, encoding: "utf8", env: { ...process.env, DATABASE_PATH: dbPath } });
  return { status: run.status, json: () => JSON.parse(run.stdout), stderr: run.stderr };
}

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Everything the year computed, as one comparable value. */
const fingerprint = () => ({
  versions: query("SELECT version, json_extract(report, '$.metrics.rocAuc') AS auc, gates_passed FROM model_versions ORDER BY id"),
  scores: query<{ n: number; total: number }>("SELECT count(*) AS n, sum(probability) AS total FROM scores")[0],
  drift: query("SELECT batch_id, feature, psi FROM drift_results WHERE feature IS NOT NULL ORDER BY id"),
});

// Each test builds (or rebuilds) a whole year: minutes on a busy machine.
describe("driftline demo", { timeout: 240_000 }, () => {
  let first: ReturnType<typeof fingerprint>;

  it("replays the year through the pipeline, every record at its simulated date", () => {
    const built = driftline("demo");
    expect(built.status, built.stderr).toBe(0);
    expect(built.json()).toMatchObject({ built: true, reset: false, batches: 14 });
    const runs = query<{ trigger: string; status: string; started: string; slot: string | null; version: number | null; passed: number | null }>(
      `SELECT r.trigger, r.status, strftime('%Y-%m-%dT%H:%M', r.started_at / 1000, 'unixepoch') AS started, r.slot_key AS slot, v.version, v.gates_passed AS passed
       FROM runs r LEFT JOIN model_versions v ON v.id = r.model_version_id ORDER BY r.id`,
    );
    expect(runs.every((run) => run.status === "succeeded")).toBe(true);
    expect(runs[0]).toMatchObject({ trigger: "manual", started: "2025-12-01T10:00", version: 1, passed: 1 });
    expect(runs.filter((run) => run.trigger === "ingest").map((run) => run.started.slice(0, 7))).toEqual(
      Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}`),
    );
    // The scheduled retrain of month 10 passes its gates and is promoted; the shallower experiment is blocked.
    expect(runs.find((run) => run.trigger === "schedule")).toMatchObject({ started: "2026-10-01T06:00", slot: expect.stringMatching(/:2026-10-01T06:00Z$/), version: 2, passed: 1 });
    expect(runs.find((run) => run.version === 3)).toMatchObject({ trigger: "manual", passed: 0 });
    const aliases = query<{ alias: string; version: number }>("SELECT a.alias, v.version FROM aliases a JOIN model_versions v ON v.id = a.model_version_id ORDER BY a.alias");
    expect(aliases).toEqual([{ alias: "challenger", version: 3 }, { alias: "champion", version: 2 }]);
    const scoredBefore2026 = query<{ n: number }>("SELECT count(*) AS n FROM scores WHERE scored_at > ?", Date.UTC(2026, 11, 2));
    expect(scoredBefore2026[0].n).toBe(0);
  });

  it("plants the price rise, the new payment method and the fibre problem where users find them", () => {
    const drifted = (feature: string) =>
      query<{ month: string; severity: string }>(
        `SELECT DISTINCT strftime('%Y-%m', b.as_of / 1000, 'unixepoch') AS month, d.severity FROM drift_results d JOIN batches b ON b.id = d.batch_id
         JOIN runs r ON r.id = d.run_id WHERE d.feature = ? AND r.trigger = 'ingest' ORDER BY b.as_of`,
        feature,
      ).map((row) => `${row.month}:${row.severity}`);
    const months = (from: number, to: number, severity: string) => Array.from({ length: to - from + 1 }, (_, i) => `2026-${String(from + i).padStart(2, "0")}:${severity}`);
    // Each month's batch is monitored as it arrives, against the champion of the day: v1 until the retrain
    // of month 10 (after that month's batch arrived), v2 from month 11, which learned the new prices.
    expect(drifted("MonthlyCharges")).toEqual([...months(1, 4, "ok"), ...months(5, 10, "critical"), ...months(11, 12, "ok")]);
    // Digital-wallet payments keep growing past what v2 saw, so PaymentMethod drifts again.
    expect(drifted("PaymentMethod")).toEqual([...months(1, 7, "ok"), ...months(8, 10, "critical"), "2026-11:ok", "2026-12:warning"]);
    expect(drifted("InternetService").every((m) => m.endsWith(":ok"))).toBe(true);
    const realised = query<{ month: string; auc: number; recall: number }>(
      `SELECT strftime('%Y-%m', r.started_at / 1000, 'unixepoch') AS month, json_extract(p.metrics, '$.rocAuc') AS auc, json_extract(p.metrics, '$.recall') AS recall
       FROM performance_results p JOIN runs r ON r.id = p.scoring_run_id WHERE p.kind = 'realised' AND r.trigger = 'ingest' ORDER BY r.id`,
    );
    const byMonth = Object.fromEntries(realised.map((row) => [row.month, row]));
    // July's scores are judged by August's outcomes, before the fibre problem; September's by October's.
    expect(byMonth["2026-07"].auc - byMonth["2026-09"].auc).toBeGreaterThan(0.01);
    expect(byMonth["2026-07"].recall - byMonth["2026-09"].recall).toBeGreaterThan(0.05);
    expect(byMonth["2026-11"].auc).toBeGreaterThan(byMonth["2026-09"].auc + 0.04);
  });

  it("fires and resolves alerts over the year, then routes every rule to the local receiver", () => {
    const transitions = query<{ rule: string; at: string; state: string; severity: string }>(
      `SELECT coalesce(r.feature, r.metric) AS rule, strftime('%Y-%m-%d %H:%M', e.at / 1000, 'unixepoch') AS at, e.state, e.severity
       FROM alert_events e JOIN alert_rules r ON r.id = e.rule_id WHERE e.transition = 1 ORDER BY e.at, e.id`,
    );
    expect(transitions.map((t) => `${t.at} ${t.rule} ${t.state} ${t.severity}`)).toEqual([
      "2026-05-01 00:00 MonthlyCharges firing critical",
      "2026-08-01 00:00 PaymentMethod firing critical",
      // The fibre problem moves no input: only the realised recall rule sees it.
      "2026-10-01 00:00 recall firing warning",
      "2026-10-01 06:00 PaymentMethod resolved ok",
      "2026-10-01 06:00 MonthlyCharges resolved ok",
      "2026-11-01 00:00 recall resolved ok",
      "2026-12-01 00:00 PaymentMethod firing warning",
    ]);
    const channels = query<{ id: number; name: string; kind: string; config: string }>("SELECT id, name, kind, config FROM notification_channels");
    expect(channels).toEqual([{ id: expect.any(Number), name: "Local receiver", kind: "webhook", config: JSON.stringify({ url: "http://127.0.0.1:4100/driftline" }) }]);
    const rules = query<{ channels: string }>("SELECT channels FROM alert_rules");
    expect(rules.length).toBe(19 + 3);
    expect(rules.every((rule) => rule.channels === `[${channels[0].id}]`)).toBe(true);
    // The year's alerts are history: nothing was queued for the receiver while it was replayed.
    expect(query("SELECT id FROM outbox")).toEqual([]);
  });

  it("leaves a built workspace alone", () => {
    first = fingerprint();
    const again = driftline("demo");
    expect(again.status).toBe(0);
    expect(again.json()).toMatchObject({ built: false });
    expect(query<{ n: number }>("SELECT count(*) AS n FROM runs")[0].n).toBe(15);
  });

  it("refuses to reset a database holding other work unless forced, then rebuilds the same workspace", () => {
    const db = new Database(dbPath);
    db.prepare("INSERT INTO datasets (name) VALUES ('Churn EU')").run();
    db.close();
    const refused = driftline("demo", "--reset");
    expect(refused.status).toBe(1);
    expect(refused.json().error).toMatchObject({ code: "not_demo_work" });
    expect(refused.json().error.message).toContain('datasets: "Churn EU"');
    expect(query("SELECT name FROM datasets WHERE name = 'Churn EU'")).toHaveLength(1);

    const forced = driftline("demo", "--reset", "--force");
    expect(forced.status, forced.stderr).toBe(0);
    expect(forced.json()).toMatchObject({ built: true, reset: true });
    expect(query("SELECT name FROM datasets ORDER BY id")).toEqual([{ name: "Telco labelled history" }, { name: "Telco customers" }]);
    const second = fingerprint();
    expect(second.versions).toEqual(first.versions);
    expect(second.drift).toEqual(first.drift);
    expect(second.scores.n).toBe(first.scores.n);
    expect(second.scores.total).toBeCloseTo(first.scores.total, 6);
  });
});
