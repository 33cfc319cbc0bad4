/**
 * Ingestion benchmark: generates a deterministic 1M-row × 20-column CSV (~120 MB), then measures, each in
 * its own process so peak memory is its own: papaparse tokenising alone (the baseline), ingest (parse,
 * type inference, profile) and import (ingest + storing every row in one transaction).
 * Usage: npx tsx bench/ingest.ts [rows]
 */
import { spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { once } from "node:events";

const ROWS = Number(process.argv[2] ?? 1_000_000);
const DIR = join(process.cwd(), "bench", ".data");
const FILE = join(DIR, `customers-${ROWS}.csv`);

async function generate(): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  if (existsSync(FILE)) return;
  const out = createWriteStream(FILE);
  const plans = ["basic", "plus", "premium", "family"];
  const regions = ["north", "south", "east", "west", "central"];
  out.write(["customer_id", ...Array.from({ length: 14 }, (_, i) => `usage_${i}`), "plan", "region", "tenure", "paperless", "churned"].join(",") + "\n");
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let r = 0; r < ROWS; r++) {
    const usage = Array.from({ length: 14 }, () => (random() * 1000).toFixed(2));
    const line = [`C${String(r).padStart(8, "0")}`, ...usage, plans[r % 4], regions[r % 5], Math.floor(random() * 72), random() < 0.5 ? "Yes" : "No", random() < 0.25 ? "Yes" : "No"].join(",");
    if (!out.write(line + "\n")) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

function measure(mode: string): { seconds: number; peakRssMb: number } {
  const run = spawnSync("npx", ["tsx", join("bench", "ingest-worker.ts"), mode, FILE], { encoding: "utf8", env: { ...process.env, DATABASE_PATH: join(DIR, "bench.db") } });
  if (run.status !== 0) throw new Error(`${mode} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split("\n").pop()!);
}

await generate();
const mb = statSync(FILE).size / 1024 / 1024;
rmSync(join(DIR, "bench.db"), { force: true });
console.log(`${ROWS.toLocaleString("en")} rows × 20 columns, ${mb.toFixed(1)} MB, ${process.version}`);
const baseline = measure("tokenise");
console.log("| step | seconds | MB/s | peak RSS MB | vs tokenising |\n|---|---|---|---|---|");
for (const mode of ["tokenise", "ingest", "import"]) {
  const result = mode === "tokenise" ? baseline : measure(mode);
  const ratio = (result.seconds / baseline.seconds).toFixed(2);
  console.log(`| ${mode} | ${result.seconds.toFixed(2)} | ${(mb / result.seconds).toFixed(1)} | ${result.peakRssMb.toFixed(0)} | ${ratio}× |`);
}
