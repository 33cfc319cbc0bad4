import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { tempDir } from "@/lib/test/temp-files";

const tmp = tempDir();
afterAll(tmp.cleanup);
const BIN = join(process.cwd(), "bin", "driftline");
const TELCO = join(process.cwd(), "db", "seed", "telco-churn.csv");

function driftline(...args: string[]) {
  // Run from another directory to prove the CLI does not depend on the working directory.
  const run = spawnSync(BIN, args, { cwd: tmp.dir, encoding: "utf8", env: { ...process.env, DATABASE_PATH: join(tmp.dir, "cli.db") } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, json: () => JSON.parse(run.stdout) };
}

describe("driftline ingest", () => {
  it("prints the documented JSON summary of Telco and exits 0", () => {
    const run = driftline("ingest", TELCO, "--target", "Churn", "--positive", "Yes", "--json");
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split("\n")).toHaveLength(1);
    const json = run.json();
    expect(Object.keys(json).sort()).toEqual(["columns", "idColumn", "rows", "target", "warnings"]);
    expect(json.rows).toBe(7043);
    expect(json.idColumn).toBe("customerID");
    expect(json.target).toEqual({ column: "Churn", positive: "Yes", positives: 1869, negatives: 5174 });
    expect(json.columns.find((c: { name: string }) => c.name === "TotalCharges")).toEqual({
      name: "TotalCharges",
      type: "numeric",
      missing: 11,
      distinct: 6530,
    });
  });

  it("exits 1 with a located error object on bad input", () => {
    const path = tmp.file("bad.csv", 'id,TotalCharges,Churn\nA,29.85,No\nB,"1,889.50",Yes\n');
    const run = driftline("ingest", path, "--json");
    expect(run.status).toBe(1);
    expect(run.json()).toEqual({
      error: expect.objectContaining({ code: "unparseable_number", row: 2, column: "TotalCharges", message: expect.stringContaining("1,889.50") }),
    });
  });

  it("exits 2 on usage errors", () => {
    expect(driftline("ingest", "--json").status).toBe(2);
    expect(driftline("ingest", TELCO, "--no-such-flag", "--json").status).toBe(2);
    expect(driftline("frobnicate", "--json").json().error.code).toBe("usage");
  });

  it("stores the batch with --store and reports its id", () => {
    const run = driftline("ingest", TELCO, "--target", "Churn", "--store", "--dataset", "Telco", "--json");
    expect(run.status).toBe(0);
    expect(run.json().batchId).toBe(1);
  });
});
