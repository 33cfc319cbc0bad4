/**
 * `npm run bench`: every performance figure of the product in one run, each measured in a process of its
 * own, then one table of figures against their targets, with scikit-learn / scipy / pandas references
 * measured in the same run where Debian's Python has them. Data is generated deterministically
 * (mulberry32) under bench/.data and reused. Never part of the test command; no test asserts a timing.
 *
 * Usage: npm run bench [-- --only ingest,train,score,monitor,server] [--port 3303] [--skip-build]
 * The server benchmarks need the production build; it is made first unless --skip-build says the
 * current .next is up to date.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpus, loadavg, totalmem } from "node:os";
import { rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { customersCsvPath, DATA_DIR, ensureCustomersCsv } from "./customers-csv";
import { fixed, pythonHas, PYTHON, ROOT, runStep, type Figure, type Load } from "./harness";
import { HISTORY_DAYS, serverDbCopy } from "./server-db";

const ROWS = 1_000_000;
const { values: flags } = parseArgs({ options: { only: { type: "string" }, port: { type: "string" }, "skip-build": { type: "boolean" } } });
const selected = new Set((flags.only ?? "ingest,train,score,monitor,server").split(","));
const port = flags.port ?? "3303";
const figures: Figure[] = [];
const load = () => loadavg().map((value) => value.toFixed(2)).join(" ");
const log = (message: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message} (load ${load()})\n`);
const add = (figure: Figure) => {
  figures.push(figure);
  log(`${figure.work}: ${figure.measured}${figure.met === null ? "" : figure.met ? " (met)" : " (missed)"}`);
};

interface StepTiming {
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
}

function ingest(file: string): void {
  const mb = statSync(file).size / 1e6;
  const size = `${(ROWS / 1e6).toFixed(0)}M rows × 20 cols (${mb.toFixed(1)} MB)`;
  const rate = (seconds: number) => mb / seconds;
  log("ingest: papaparse tokenising alone");
  const tokenise = runStep<StepTiming>("ingest-worker.ts", ["tokenise", file]);
  const pandas = pythonHas("pandas") ? (JSON.parse(execFileSync(PYTHON, [join(ROOT, "bench", "ingest-pandas.py"), file], { encoding: "utf8" })) as { seconds: number }) : null;
  const references = (seconds: number) =>
    [`${fixed(seconds / tokenise.seconds)}× papaparse tokenising (${fixed(rate(tokenise.seconds), 1)} MB/s, ${fixed(rate(tokenise.cpuSeconds), 1)} per CPU s)`, pandas ? `pandas read_csv ${fixed(rate(pandas.seconds), 1)} MB/s` : "pandas not installed"].join("; ");
  log("ingest: parse, inference, profile");
  const ingested = runStep<StepTiming>("ingest-worker.ts", ["ingest", file]);
  // On a shared machine the process may get a fraction of a core: MB per CPU second says what the code does.
  add({ work: "ingest CSV: parse, type inference, profile", size, measured: `${fixed(rate(ingested.seconds), 1)} MB/s (${fixed(ingested.seconds)} s; ${fixed(rate(ingested.cpuSeconds), 1)} MB per CPU s)`, target: "≥ 40 MB/s", met: rate(ingested.seconds) >= 40, reference: references(ingested.seconds) });
  add({ work: "ingest CSV: peak memory", size, measured: `${ingested.peakRssMb.toFixed(0)} MB RSS`, target: "< 1 GB", met: ingested.peakRssMb < 1024, reference: "" });
  const db = join(DATA_DIR, "import.db");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(db + suffix, { force: true });
  log("ingest: import (storing every row, one transaction)");
  const imported = runStep<StepTiming>("ingest-worker.ts", ["import", file], { DATABASE_PATH: db });
  add({ work: "ingest CSV including storing the batch (one transaction)", size, measured: `${fixed(rate(imported.seconds), 1)} MB/s (${fixed(imported.seconds)} s; ${fixed(rate(imported.cpuSeconds), 1)} MB per CPU s; peak ${imported.peakRssMb.toFixed(0)} MB)`, target: "≥ 20 MB/s", met: rate(imported.seconds) >= 20, reference: references(imported.seconds) });
}

function train(): void {
  log("train: exact at 100k (and scikit-learn), histogram at 1M");
  const result = runStep<{ exact: number; sklearn: number | null; histogram: number }>("train-worker.ts", []);
  const ratio = result.sklearn === null ? null : result.exact / result.sklearn;
  add({ work: "train, exact (depth 8)", size: "100k × 20", measured: `${fixed(result.exact, 3)} s`, target: "≤ 0.7× scikit-learn", met: ratio === null ? null : ratio <= 0.7, reference: ratio === null ? "scikit-learn not installed" : `${fixed(ratio)}× scikit-learn (${fixed(result.sklearn!, 3)} s)` });
  add({ work: "train, histogram (depth 8)", size: "1M × 20", measured: `${fixed(result.histogram)} s`, target: "< 10 s", met: result.histogram < 10, reference: "" });
}

async function serverDb(): Promise<string> {
  log("server database: building (or copying) 1M customers, a trained pipeline, 2 years of daily batches");
  const { path, trainingSteps } = await serverDbCopy(ROWS, join(DATA_DIR, "server-work.db"));
  if (trainingSteps) {
    const total = Object.values(trainingSteps).reduce((sum, s) => sum + s, 0);
    add({ work: "whole training run (8 steps) while building the server database", size: "1M customers × 18 features", measured: `${fixed(total, 1)} s (${Object.entries(trainingSteps).map(([name, s]) => `${name} ${fixed(s, 1)}`).join(", ")})`, target: "–", met: null, reference: "" });
  }
  return path;
}

function score(db: string): void {
  log("score: a monitoring run scores and stores 1M customers, then measures drift");
  const result = runStep<{ scoreSeconds: number; monitorSeconds: number; scored: number; peakRssMb: number }>("score-worker.ts", [], { DATABASE_PATH: db });
  add({ work: "batch score + store with reasons (one transaction per run)", size: `${(result.scored / 1e6).toFixed(1)}M customers`, measured: `${fixed(result.scoreSeconds)} s (peak ${result.peakRssMb.toFixed(0)} MB)`, target: "< 20 s", met: result.scoreSeconds < 20, reference: "" });
  add({ work: "monitor step of that run (drift + estimated performance)", size: "18 features × 1M rows vs stored profile", measured: `${fixed(result.monitorSeconds)} s`, target: "–", met: null, reference: "" });
}

function monitor(): void {
  log("monitor: 100 features × 1M rows against stored profiles; KS against scipy");
  const result = runStep<{ driftSeconds: number; driftCpuSeconds: number; ksSeconds: number; scipySeconds: number | null }>("drift.ts", []);
  add({ work: "monitoring (full drift)", size: "100 features × 1M rows vs stored profile", measured: `${fixed(result.driftSeconds)} s (${fixed(result.driftCpuSeconds)} s CPU)`, target: "< 10 s", met: result.driftSeconds < 10, reference: "" });
  const ratio = result.scipySeconds === null ? null : result.ksSeconds / result.scipySeconds;
  add({ work: "KS two-sample test", size: "1M vs 1M", measured: `${fixed(result.ksSeconds, 3)} s`, target: "≤ 0.5× scipy", met: ratio === null ? null : ratio <= 0.5, reference: ratio === null ? "scipy not installed" : `${fixed(ratio)}× scipy ks_2samp (${fixed(result.scipySeconds!, 3)} s)` });
}

function server(db: string): void {
  if (!flags["skip-build"]) {
    log("server: next build");
    const build = spawnSync(join(ROOT, "node_modules", ".bin", "next"), ["build"], { cwd: ROOT, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
  }
  log(`server: next start -p ${port}; overview, scores API, dashboard during training`);
  const result = runStep<{ overview: Load; healthFloor: Load; scoresApi: Load; underTraining: Load & { runSeconds: number; runStatus: string; sqliteBusy: number } }>("http-worker.ts", [port], { DATABASE_PATH: db });
  const ms = (load: Load) => `p95 ${load.p95.toFixed(0)} ms (p50 ${load.p50.toFixed(0)}, max ${load.max.toFixed(0)}; ${load.requests} requests, ${load.errors} errors, ${load.non2xx} non-2xx)`;
  const clean = (load: Load) => load.errors === 0 && load.non2xx === 0;
  const { overview, healthFloor, scoresApi, underTraining } = result;
  // A route that does no work under the same 50 connections: the least any route can take on this machine.
  const floor = `GET /api/health (no work) under the same load: p95 ${healthFloor.p95.toFixed(0)} ms, p50 ${healthFloor.p50.toFixed(0)}, ${healthFloor.requests} requests in 10 s`;
  add({ work: "overview page, server render (signed in, sequential)", size: `1M scores, ${HISTORY_DAYS} daily batches`, measured: ms(overview), target: "p95 < 150 ms", met: overview.p95 < 150, reference: "" });
  add({ work: "scores API (GET /api/scores?limit=100)", size: "50 concurrent clients, 15 s", measured: ms(scoresApi), target: "p95 < 50 ms, no errors", met: scoresApi.p95 < 50 && clean(scoresApi), reference: floor });
  add({
    work: "dashboard under load during a training run",
    size: "50 concurrent users, 9 pages",
    measured: `${ms(underTraining)}; ${underTraining.sqliteBusy} SQLITE_BUSY; run ${underTraining.runStatus} in ${fixed(underTraining.runSeconds, 1)} s; p95 by page: ${Object.entries(underTraining.byPath ?? {}).map(([path, p95]) => `${path} ${p95}`).join(", ")}`,
    target: "p95 < 500 ms, no SQLITE_BUSY",
    met: underTraining.p95 < 500 && underTraining.sqliteBusy === 0 && clean(underTraining) && underTraining.runStatus === "succeeded",
    reference: floor,
  });
}

function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

log(`npm run bench on ${machine()}`);
const started = performance.now();
const file = await ensureCustomersCsv(ROWS);
if (selected.has("ingest")) ingest(file);
if (selected.has("train")) train();
if (selected.has("monitor")) monitor();
if (selected.has("score") || selected.has("server")) {
  const db = await serverDb();
  if (selected.has("score")) score(db);
  if (selected.has("server")) server(db);
}
const met = (figure: Figure) => (figure.met === null ? "–" : figure.met ? "met" : "**missed**");
const table = [
  `Measured ${new Date().toISOString().slice(0, 16)}Z on ${machine()}; load average at the end ${load()}; ${fixed((performance.now() - started) / 1000, 0)} s in all. Data: ${customersCsvPath(ROWS).replace(`${ROOT}/`, "")}.`,
  "",
  "| work | size | measured | target | | reference (same run) |",
  "|---|---|---|---|---|---|",
  ...figures.map((f) => `| ${f.work} | ${f.size} | ${f.measured} | ${f.target} | ${met(f)} | ${f.reference} |`),
].join("\n");
writeFileSync(join(DATA_DIR, "results.md"), table + "\n");
console.log(table);
