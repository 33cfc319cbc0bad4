import { beforeAll, describe, expect, it } from "vitest";
import { readCsvColumns } from "@/lib/data/read-columns";
import { DEMO_DATA } from "@/lib/data/demo-data";
import { evaluate } from "@/lib/metrics";
import { defaultFeatures } from "./features";
import { predictColumns, type CellColumns } from "./predict-columns";
import { stratifiedSplit, timeSplit } from "./split";
import { trainAndValidate } from "./train-and-validate";
import type { TrainingSettings } from "./types";

let columns: CellColumns;
let settings: TrainingSettings;

beforeAll(async () => {
  const read = await readCsvColumns(DEMO_DATA.telco, { target: "Churn", positive: "Yes", id: "customerID" });
  columns = read.columns;
  settings = {
    target: "Churn",
    positive: "Yes",
    features: defaultFeatures(read.result.profile.columns, "Churn", "customerID"),
    engine: "cart",
    hyperparameters: { maxDepth: 6, minSamplesLeaf: 20 },
    split: { kind: "stratified", testSize: 0.2, seed: 42 },
    threshold: 0.5,
  };
});

describe("splits", () => {
  it("keeps the base rate in both parts of a stratified split and replays from its seed", () => {
    const labels = Uint8Array.from({ length: 1000 }, (_, i) => (i % 4 === 0 ? 1 : 0));
    const split = stratifiedSplit(labels, 0.2, 7);
    expect(split.test.length).toBe(200);
    expect(Array.from(split.test).filter((row) => labels[row] === 1)).toHaveLength(50);
    expect(stratifiedSplit(labels, 0.2, 7)).toEqual(split);
    expect(stratifiedSplit(labels, 0.2, 8).test).not.toEqual(split.test);
  });

  it("splits a million rows (no argument list as long as a class)", () => {
    const labels = Uint8Array.from({ length: 1_000_000 }, (_, i) => (i % 4 === 0 ? 1 : 0));
    const split = stratifiedSplit(labels, 0.2, 7);
    expect([split.train.length, split.test.length]).toEqual([800_000, 200_000]);
  });

  it("holds out the latest rows in a time split and names a row without a date", () => {
    const dates = ["2026-03-01", "2026-01-01", "2026-04-01", "2026-02-01", "2026-05-01"];
    expect(Array.from(timeSplit(dates, "signup", 0.4).test)).toEqual([2, 4]);
    expect(() => timeSplit(["2026-01-01", "soon"], "signup", 0.5)).toThrow(/row 2 has "soon"/);
  });
});

describe("training and validation on Telco", () => {
  it("reports the held-out metrics the model's own predictions give, against the base rate", () => {
    const { model, report, referenceProfile } = trainAndValidate(columns, settings);
    expect(report.rows).toEqual({ train: 5634, test: 1409, trainPositives: 1495, testPositives: 374 });
    const test = stratifiedSplit(Uint8Array.from(columns.Churn, (c) => (c === "Yes" ? 1 : 0)), 0.2, 42).test;
    const testColumns = Object.fromEntries(Object.entries(columns).map(([name, cells]) => [name, Array.from(test, (row) => cells[row])]));
    const y = Uint8Array.from(testColumns.Churn, (c) => (c === "Yes" ? 1 : 0));
    expect(report.metrics).toEqual(evaluate(y, predictColumns(model, testColumns).probabilities, { threshold: 0.5 }));
    expect(report.baseline.rocAuc).toBe(0.5);
    expect(report.metrics.rocAuc!).toBeGreaterThan(0.8);
    expect(report.thresholds[50]).toMatchObject({ threshold: 0.5, ...report.metrics.confusion });
    expect(report.rules.reduce((sum, rule) => sum + rule.rows, 0)).toBe(5634);
    expect(referenceProfile.features.map((f) => f.name)).toEqual(settings.features.map((f) => f.name));
    expect(referenceProfile.rows).toBe(5634);
  });

  it("scores the champion on the same held-out rows when one is given", () => {
    const champion = trainAndValidate(columns, { ...settings, hyperparameters: { maxDepth: 2, minSamplesLeaf: 20 } });
    const { report } = trainAndValidate(columns, settings, { champion: { modelVersionId: 9, version: 3, model: champion.model } });
    expect(report.champion).toEqual({ modelVersionId: 9, version: 3, metrics: champion.report.metrics });
  });
});
