import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, getSqlite } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { scores } from "@/db/schema";
import { DEMO_DATA } from "@/lib/data/demo-data";
import { importCsvBatch } from "@/lib/data/import-batch";
import { DEFAULT_GATES } from "@/lib/pipeline/gates";
import { executeRun } from "@/lib/pipeline/run-pipeline";
import { getRun, insertPipeline, startRun } from "@/lib/pipeline/store";
import { tempDir } from "@/lib/test/temp-files";
import { parseListParams } from "./params";
import { customerHistoryQuery, edgeQuery, getCustomerScores, latestRunsQuery, listLatestScores, pageQuery, type ScoreItem } from "./query";

const tmp = tempDir();
const pipelineIds: Record<string, number> = {};
const runIds: Record<string, number[]> = { telco: [], short: [] };

async function run(name: string): Promise<number> {
  const runId = startRun(pipelineIds[name], "cli");
  await executeRun(runId);
  expect(getRun(runId)?.error).toBeNull();
  runIds[name].push(runId);
  return runId;
}

beforeAll(async () => {
  process.env.DATABASE_PATH = `${tmp.dir}/scores-api.db`;
  migrateDatabase();
  const { datasetId } = await importCsvBatch(DEMO_DATA.telco, { dataset: "Telco", source: "cli", target: "Churn", id: "customerID" });
  const pipeline = (name: string, features: string[]) =>
    insertPipeline({
      name,
      datasetId,
      targetColumn: "Churn",
      positiveValue: "Yes",
      idColumn: "customerID",
      features: features.map((f) => ({ name: f, kind: f === "Contract" ? ("categorical" as const) : ("numeric" as const), description: "", transformation: "", owner: "" })),
      hyperparameters: { maxDepth: 6, minSamplesLeaf: 20 },
      split: { kind: "stratified", testSize: 0.2, seed: 42 },
      gates: DEFAULT_GATES,
      deployPolicy: "auto",
      riskBands: { high: 0.6, medium: 0.3 },
    });
  pipelineIds.telco = pipeline("telco", ["tenure", "Contract", "MonthlyCharges", "TotalCharges"]);
  pipelineIds.short = pipeline("short", ["tenure", "Contract"]);
  await run("telco");
  await run("telco");
  await run("short");
});
afterAll(() => {
  closeDb();
  tmp.cleanup();
});

const params = (query: Record<string, string>) => parseListParams(new URLSearchParams(query));

/** Follows nextCursor to the end, returning every item and the number of pages. */
function readAll(query: Record<string, string>) {
  const items: ScoreItem[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = listLatestScores(params({ ...query, ...(cursor ? { cursor } : {}) }));
    items.push(...page.data);
    cursor = page.nextCursor;
    pages++;
  } while (cursor);
  return { items, pages };
}

const stored = (runId: number, band?: "high" | "medium" | "low") =>
  getDb().select({ n: count() }).from(scores).where(and(eq(scores.runId, runId), band ? eq(scores.band, band) : undefined)).get()!.n;
const keyOf = (item: ScoreItem) => `${item.pipeline}/${item.customerId}`;

describe("latest scores listing", () => {
  it("returns every score of each pipeline's latest run exactly once across pages, and none of older runs", () => {
    const { items, pages } = readAll({ limit: "997" });
    expect(items).toHaveLength(2 * 7043);
    expect(pages).toBe(Math.ceil((2 * 7043) / 997));
    expect(new Set(items.map(keyOf)).size).toBe(items.length);
    expect(stored(runIds.telco[1]) + stored(runIds.short[0])).toBe(items.length);
    const telco = items.filter((i) => i.pipeline === "telco");
    expect(telco).toHaveLength(7043);
    expect(telco.every((i) => i.modelVersion === 2 && i.previousProbability !== null)).toBe(true);
  });

  it("describes each score with its change since the previous run", () => {
    const [first] = listLatestScores(params({ pipeline: "telco", limit: "1" })).data;
    expect(Object.keys(first)).toEqual(["customerId", "pipeline", "probability", "band", "previousProbability", "change", "reasons", "modelVersion", "scoredAt"]);
    expect(first.change).toBeCloseTo(first.probability - first.previousProbability!, 12);
    expect(new Date(first.scoredAt).toISOString()).toBe(first.scoredAt);
    const short = listLatestScores(params({ pipeline: "short", limit: "1" })).data[0];
    expect(short).toMatchObject({ pipeline: "short", previousProbability: null, change: null, modelVersion: 1 });
  });

  it("pages by 100 by default and ends with nextCursor null, never with an empty page", () => {
    const page = listLatestScores(params({ pipeline: "short" }));
    expect(page.data).toHaveLength(100);
    expect(page.nextCursor).toEqual(expect.any(String));
    const high = stored(runIds.short[0], "high");
    const limit = Array.from({ length: 1000 }, (_, i) => 1000 - i).find((l) => high % l === 0)!;
    expect(readAll({ pipeline: "short", band: "high", limit: String(limit) }).pages).toBe(high / limit);
  });

  it("filters by pipeline name or id, and by band", () => {
    const byName = readAll({ pipeline: "short", limit: "1000" }).items;
    expect(readAll({ pipeline: String(pipelineIds.short), limit: "1000" }).items).toEqual(byName);
    expect(byName.every((i) => i.pipeline === "short")).toBe(true);
    for (const band of ["high", "medium", "low"] as const) {
      const items = readAll({ band, limit: "500" }).items;
      expect(items.every((i) => i.band === band)).toBe(true);
      expect(items).toHaveLength(stored(runIds.telco[1], band) + stored(runIds.short[0], band));
    }
    expect(() => listLatestScores(params({ pipeline: "nope" }))).toThrow(/No pipeline is named or numbered "nope"/);
  });

  it("keeps only scores scored at or after updatedSince", () => {
    const scoredAt = listLatestScores(params({ pipeline: "telco", limit: "1" })).data[0].scoredAt;
    expect(readAll({ pipeline: "telco", updatedSince: scoredAt, limit: "1000" }).items).toHaveLength(7043);
    const later = new Date(new Date(scoredAt).getTime() + 1).toISOString();
    expect(listLatestScores(params({ pipeline: "telco", updatedSince: later }))).toEqual({ data: [], nextCursor: null });
    expect(listLatestScores(params({ updatedSince: "2999-01-01" }))).toEqual({ data: [], nextCursor: null });
  });

  it("finishes the listing it started when a newer run lands mid-way", async () => {
    const first = listLatestScores(params({ pipeline: "short", limit: "1000" }));
    const newer = await run("short");
    const rest = readAll({ pipeline: "short", limit: "1000", cursor: first.nextCursor! }).items;
    const all = [...first.data, ...rest];
    expect(all).toHaveLength(7043);
    expect(new Set(all.map((i) => i.modelVersion))).toEqual(new Set([1]));
    expect(readAll({ pipeline: "short", limit: "1000" }).items.every((i) => i.modelVersion === 2)).toBe(true);
    expect(stored(newer)).toBe(7043);
  });

  it("refuses a cursor replayed with other filters, or one it did not issue", () => {
    const { nextCursor } = listLatestScores(params({ band: "high" }));
    expect(() => listLatestScores(params({ band: "low", cursor: nextCursor! }))).toThrow(/issued for other filters/);
    expect(() => listLatestScores(params({ cursor: "bm90IGEgY3Vyc29y" }))).toThrow(/not one this API issued/);
  });
});

describe("one customer's scores", () => {
  it("has the newest score per pipeline and the history of every scoring run, newest first", () => {
    const { latest, history } = getCustomerScores("7590-VHVEG");
    expect(latest.map((i) => [i.pipeline, i.modelVersion])).toEqual([["short", 2], ["telco", 2]]);
    expect(history).toHaveLength(runIds.telco.length + runIds.short.length);
    const times = history.map((i) => i.scoredAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it("is a 404 for an unknown customer", () => {
    expect(() => getCustomerScores("no-such-customer")).toThrow(expect.objectContaining({ status: 404 }));
  });
});

describe("query plans", () => {
  const plan = (query: { toSQL(): { sql: string; params: unknown[] } }) => {
    const { sql, params: values } = query.toSQL();
    return (getSqlite().prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...values) as { detail: string }[]).map((row) => row.detail).join(" | ");
  };

  it("finds latest runs through runs and an index probe of scores, never a scan of scores", () => {
    expect(plan(latestRunsQuery())).toMatch(/SEARCH runs USING (COVERING )?INDEX runs_pipeline_created.*SEARCH scores USING COVERING INDEX scores_run_\w+ \(run_id=\?\)/);
  });

  it("bounds a run's band with one index probe per end, never a scan of the run", () => {
    expect(plan(edgeQuery(1, "high", "first"))).toBe("SEARCH scores USING COVERING INDEX scores_run_band_id (run_id=? AND band=?)");
    expect(plan(edgeQuery(1, "low", "last"))).toBe("SEARCH scores USING COVERING INDEX scores_run_band_id (run_id=? AND band=?)");
  });

  it("reads a page as a primary-key range, without sorting", () => {
    const page = plan(pageQuery([1, 0, 7043], { band: "high", updatedSince: new Date(0) }, 100));
    expect(page).toMatch(/^SEARCH scores USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/);
    expect(page).not.toMatch(/TEMP B-TREE/);
  });

  it("reads a customer's history through scores_pipeline_entity", () => {
    expect(plan(customerHistoryQuery("7590-VHVEG"))).toMatch(/SEARCH scores USING INDEX scores_pipeline_entity \(pipeline_id=\? AND entity_id=\?\)/);
  });
});
