/**
 * Drift benchmark: npx tsx bench/drift.ts (also run by `npm run bench`)
 * 1. Full drift of 100 features (50 numeric, 50 categorical) for 1M current rows against stored
 *    (JSON round-tripped) profiles built from 200k reference rows. Target: < 10 s.
 * 2. KS statistic + p-value for 1M vs 1M raw values against scipy's ks_2samp on the same data, when
 *    Debian's Python has scipy. Target: ≤ 0.5× scipy's time. Each side reports its best of 5 runs.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { datasetDrift, featureDrift } from "@/lib/drift/feature-drift";
import { mulberry32 } from "@/lib/random";
import { ks2samp } from "@/lib/drift/ks";
import { buildProfile } from "@/lib/drift/profile";
import type { FeatureKind, FeatureProfile } from "@/lib/drift/types";

const FEATURES = 100;
const REFERENCE_ROWS = 200_000;
const CURRENT_ROWS = 1_000_000;
const next = mulberry32(42);

function seconds(run: () => void): number {
  const start = performance.now();
  run();
  return (performance.now() - start) / 1000;
}

/** Numeric: sum of three uniforms, 2% missing, some features shifted. Categorical: 4–30 levels, 1% null. */
function column(kind: FeatureKind, f: number, rows: number, drift: number): Float64Array | (string | null)[] {
  if (kind === "numeric") {
    const scale = 10 ** (f % 4);
    return Float64Array.from({ length: rows }, () => (next() < 0.02 ? NaN : (next() + next() + next() + drift) * scale));
  }
  const levels = Array.from({ length: 4 + (f % 27) }, (_, i) => `level-${i}`);
  return Array.from({ length: rows }, () => {
    if (next() < 0.01) return null;
    const u = Math.min(0.999999, next() * (1 + drift));
    return levels[Math.floor(u * u * levels.length)];
  });
}

const kinds: FeatureKind[] = Array.from({ length: FEATURES }, (_, f) => (f % 2 === 0 ? "numeric" : "categorical"));
let profiles: FeatureProfile[] = [];
const buildSeconds = seconds(() => {
  profiles = kinds.map((kind, f) => buildProfile(`f${f}`, kind, column(kind, f, REFERENCE_ROWS, 0)));
});
const stored = JSON.stringify(profiles);
profiles = JSON.parse(stored) as FeatureProfile[];
const current = kinds.map((kind, f) => column(kind, f, CURRENT_ROWS, f % 5 === 0 ? 0.3 : 0));

let share: number | null = null;
const byKind = { numeric: 0, categorical: 0 };
const cpuBefore = process.cpuUsage();
const driftSeconds = seconds(() => {
  const results = profiles.map((profile, f) => {
    const start = performance.now();
    const result = featureDrift(profile, current[f]);
    byKind[profile.kind] += (performance.now() - start) / 1000;
    return result;
  });
  share = datasetDrift(results).driftShare;
});
// CPU time as well as wall time: on a shared 2-core machine the wall clock also counts other processes.
const cpu = process.cpuUsage(cpuBefore);
console.log(`profiles: ${FEATURES} features × ${REFERENCE_ROWS.toLocaleString("en")} rows built in ${buildSeconds.toFixed(2)} s, ${(stored.length / 1024).toFixed(0)} KiB as JSON`);
console.log(`full drift: ${FEATURES} features × ${CURRENT_ROWS.toLocaleString("en")} rows in ${driftSeconds.toFixed(2)} s wall (target < 10 s), ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU; numeric ${byKind.numeric.toFixed(2)} s, categorical ${byKind.categorical.toFixed(2)} s; driftShare ${share}`);

// KS, 1M vs 1M.
const a = Float64Array.from({ length: CURRENT_ROWS }, () => next() + next() + next());
const b = Float64Array.from({ length: CURRENT_ROWS }, () => next() + next() + next() + 0.002);
let ours = Infinity;
let result = ks2samp(a, b);
for (let i = 0; i < 5; i++) ours = Math.min(ours, seconds(() => (result = ks2samp(a, b))));
console.log(`KS 1M vs 1M: ${ours.toFixed(3)} s, D = ${result.statistic}, p = ${result.pValue.toExponential(6)} (${result.method})`);

let scipySeconds: number | null = null;
const dir = mkdtempSync(join(tmpdir(), "driftline-bench-"));
try {
  writeFileSync(join(dir, "a.f64"), a);
  writeFileSync(join(dir, "b.f64"), b);
  const script = join(import.meta.dirname, "drift-ks-scipy.py");
  const run = spawnSync("/usr/bin/python3", [script, join(dir, "a.f64"), join(dir, "b.f64")], { encoding: "utf8" });
  const scipy = run.status === 0 ? (JSON.parse(run.stdout) as { seconds?: number; statistic?: number; pvalue?: number; error?: string }) : { error: run.stderr || "python3 not runnable" };
  if (scipy.seconds === undefined) console.log(`scipy: not available (${scipy.error?.trim()})`);
  else {
    scipySeconds = scipy.seconds;
    console.log(`scipy ks_2samp: ${scipy.seconds.toFixed(3)} s, D = ${scipy.statistic}, p = ${scipy.pvalue?.toExponential(6)}`);
    console.log(`ratio ours/scipy: ${(ours / scipy.seconds).toFixed(2)}× (target ≤ 0.5×); |Δp| = ${Math.abs(result.pValue - scipy.pvalue!).toExponential(2)}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
// The last line is for `npm run bench` (bench/run.ts).
console.log(JSON.stringify({ driftSeconds, driftCpuSeconds: (cpu.user + cpu.system) / 1e6, ksSeconds: ours, scipySeconds }));
