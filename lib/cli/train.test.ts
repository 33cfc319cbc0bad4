import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { tempDir } from "@/lib/test/temp-files";

const tmp = tempDir();
afterAll(tmp.cleanup);
const BIN = join(process.cwd(), "bin", "driftline");
const TELCO = join(process.cwd(), "db", "seed", "telco-churn.csv");
const BANK = join(process.cwd(), "..", "shared", "data", "bank-churn.csv");

function driftline(...args: string[]) {
  const run = spawnSync(BIN, args, { cwd: tmp.dir, encoding: "utf8" });
  return { status: run.status, json: () => JSON.parse(run.stdout), stdout: run.stdout, stderr: run.stderr };
}

const EVALUATE_KEYS = ["accuracy", "brier", "confusion", "ece", "f1", "logLoss", "n", "positives", "prAuc", "precision", "recall", "rocAuc", "threshold", "undefined"];

describe("driftline evaluate", () => {
  it("prints null with a reason for metrics that one class leaves undefined", () => {
    const file = tmp.file("one-class.csv", "y,p\n0,.1\n0,.2\n0,.3\n0,.4\n0,.9\n");
    const run = driftline("evaluate", file, "--label", "y", "--score", "p", "--positive", "1", "--json");
    expect(run.status).toBe(0);
    const json = run.json();
    expect(Object.keys(json).sort()).toEqual(EVALUATE_KEYS);
    expect(json.rocAuc).toBeNull();
    expect(json.prAuc).toBeNull();
    expect(json.undefined.rocAuc).toMatch(/only one class present/);
    expect(json.accuracy).toBe(0.8);
    expect(json.brier).toBeCloseTo(0.222, 12);
    expect(json.logLoss).toBeCloseTo(0.69972, 5);
  });

  it("gives precision null, recall 0 and F1 0 when nothing is predicted positive", () => {
    const file = tmp.file("none.csv", "y,p\nYes,.1\nNo,.2\nYes,.3\nNo,.4\n");
    const json = driftline("evaluate", file, "--label", "y", "--score", "p", "--json").json();
    expect(json).toMatchObject({ precision: null, recall: 0, f1: 0, accuracy: 0.5, confusion: { tp: 0, fp: 0, fn: 2, tn: 2 } });
  });

  it("clips log loss instead of returning Infinity", () => {
    const file = tmp.file("clip.csv", "y,p\n1,1\n0,1\n0,0\n0,0\n");
    expect(driftline("evaluate", file, "--label", "y", "--score", "p", "--json").json().logLoss).toBeCloseTo(8.6347, 4);
  });

  it("names the row of a blank score and exits 1", () => {
    const file = tmp.file("blank.csv", "y,p\n1,.5\n0, \n");
    const run = driftline("evaluate", file, "--label", "y", "--score", "p", "--json");
    expect(run.status).toBe(1);
    expect(run.json().error).toMatchObject({ code: "missing_score", row: 2, column: "p" });
  });
});

describe("driftline train", () => {
  it("trains on Telco and prints the evaluate keys plus the model summary", () => {
    const run = driftline("train", TELCO, "--target", "Churn", "--positive", "Yes", "--json");
    expect(run.status, run.stderr).toBe(0);
    const json = run.json();
    expect(Object.keys(json).sort()).toEqual([...EVALUATE_KEYS, "model"].sort());
    expect(json.n).toBe(1409);
    expect(json.rocAuc).toBeGreaterThan(0.8);
    expect(json.model).toMatchObject({ engine: "cart", splitter: "exact", trainRows: 5634, testRows: 1409 });
    expect(json.model.depth).toBeLessThanOrEqual(6);
    expect(json.model.features.map((f: { name: string }) => f.name)).not.toContain("customerID");
  });

  it("trains bank churn with the given depth and seed, leaving ids and surnames out", () => {
    const run = driftline("train", BANK, "--target", "Exited", "--engine", "cart", "--max-depth", "4", "--seed", "3", "--json");
    expect(run.status, run.stderr).toBe(0);
    const features = run.json().model.features.map((f: { name: string }) => f.name);
    expect(features).not.toContain("RowNumber");
    expect(features).not.toContain("Surname");
    expect(run.json().model.depth).toBeLessThanOrEqual(4);
  });

  it("exits 2 for a bad flag value", () => {
    expect(driftline("train", TELCO, "--target", "Churn", "--max-depth", "deep", "--json").status).toBe(2);
    expect(driftline("train", TELCO, "--json").status).toBe(2);
  });
});
