import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { tempDir } from "@/lib/test/temp-files";

const tmp = tempDir();
afterAll(tmp.cleanup);
const BIN = join(process.cwd(), "bin", "driftline");
const KEYS = ["chiSquare", "chiSquarePValue", "dataQuality", "jsDistance", "kind", "ksPValue", "ksStatistic", "missingRateCurrent", "missingRateReference", "name", "psi", "reason", "severity", "unseenCategories", "wasserstein", "wassersteinNormalized"];

const csv = (rows: string[][]) => rows.map((r) => r.join(",")).join("\n") + "\n";
const repeat = (value: string, n: number) => Array.from({ length: n }, () => value);

function drift(reference: string[][], current: string[][]) {
  const run = spawnSync(BIN, ["drift", tmp.file(`r${Math.random()}.csv`, csv(reference)), tmp.file(`c${Math.random()}.csv`, csv(current)), "--json"], { encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

describe("driftline drift", () => {
  it("computes chi-square for a categorical shift (a×5, b×5, c×5 → a×8, b×3)", () => {
    const reference = [["Contract", "x"], ...[...repeat("a", 5), ...repeat("b", 5), ...repeat("c", 5)].map((v, i) => [v, String(i)])];
    const current = [["Contract", "x"], ...[...repeat("a", 8), ...repeat("b", 3)].map((v, i) => [v, String(i)])];
    const json = drift(reference, current);
    const contract = json.features.find((f: { name: string }) => f.name === "Contract");
    expect(Object.keys(contract).sort()).toEqual(KEYS);
    expect(contract.chiSquare).toBeCloseTo(5.7121, 4);
    expect(contract.chiSquarePValue).toBeCloseTo(0.05749, 5);
    expect(contract.ksStatistic).toBeNull();
  });

  it("reports an unseen category with its count and share", () => {
    const reference = [["Contract", "x"], ...[...repeat("a", 5), ...repeat("b", 5)].map((v, i) => [v, String(i)])];
    const current = [["Contract", "x"], ...[...repeat("a", 8), ...repeat("b", 3), ...repeat("c", 5)].map((v, i) => [v, String(i)])];
    const contract = drift(reference, current).features.find((f: { name: string }) => f.name === "Contract");
    expect(contract.chiSquare).toBeCloseTo(5.0781, 4);
    expect(contract.chiSquarePValue).toBeCloseTo(0.07894, 5);
    expect(contract.unseenCategories).toEqual([{ value: "c", count: 5, share: 5 / 16 }]);
  });

  it("gives an all-blank column null with a reason and flags it, while other features are computed", () => {
    const totals = ["29.85", "1889.5", "108.15", "1840.75", "151.65"];
    const reference = [["TotalCharges", "plan"], ...totals.map((t, i) => [t, i % 2 ? "a" : "b"])];
    const current = [["TotalCharges", "plan"], ...totals.map((_, i) => ["", i % 2 ? "a" : "b"])];
    const json = drift(reference, current);
    const total = json.features.find((f: { name: string }) => f.name === "TotalCharges");
    expect(total).toMatchObject({ kind: "numeric", psi: null, reason: "no non-missing values in current", missingRateCurrent: 1 });
    expect(total.dataQuality.join(" ")).toMatch(/missing share 100%/);
    expect(json.features.find((f: { name: string }) => f.name === "plan").psi).toBeCloseTo(0, 10);
    expect(JSON.stringify(json)).not.toMatch(/NaN|Infinity/);
  });
});
