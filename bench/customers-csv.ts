/**
 * The deterministic customer CSV every data benchmark reads: an id, 14 usage decimals, two categories,
 * an integer tenure and two yes/no columns (20 columns, about 123 bytes a row), drawn from mulberry32 so
 * the same row count always gives the same bytes. Written once under bench/.data and reused.
 */
import { createWriteStream, existsSync, mkdirSync, renameSync } from "node:fs";
import { once } from "node:events";
import { join } from "node:path";
import { mulberry32 } from "@/lib/random";

export const DATA_DIR = join(process.cwd(), "bench", ".data");
const PLANS = ["basic", "plus", "premium", "family"];
const REGIONS = ["north", "south", "east", "west", "central"];
export const HEADER = ["customer_id", ...Array.from({ length: 14 }, (_, i) => `usage_${i}`), "plan", "region", "tenure", "paperless", "churned"];

export function customersCsvPath(rows: number): string {
  return join(DATA_DIR, `customers-${rows}.csv`);
}

/** Writes the file when it is not there yet (through a temporary name, so an interrupted run leaves no half file). */
export async function ensureCustomersCsv(rows: number, seed = 42): Promise<string> {
  const path = customersCsvPath(rows);
  if (existsSync(path)) return path;
  mkdirSync(DATA_DIR, { recursive: true });
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  const random = mulberry32(seed);
  out.write(HEADER.join(",") + "\n");
  let chunk = "";
  for (let r = 0; r < rows; r++) {
    const tenure = Math.floor(random() * 72);
    const usage = Array.from({ length: 14 }, () => (random() * 1000).toFixed(2));
    // Churn depends on tenure, the plan and the first usage figure, so a model has something to learn.
    const risk = 0.45 - tenure / 200 + (r % 4 === 0 ? 0.1 : 0) + Number(usage[0]) / 5000;
    const line = [`C${String(r).padStart(8, "0")}`, ...usage, PLANS[r % 4], REGIONS[r % 5], tenure, random() < 0.5 ? "Yes" : "No", random() < risk ? "Yes" : "No"];
    chunk += line.join(",") + "\n";
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  out.write(chunk);
  out.end();
  await once(out, "finish");
  renameSync(partial, path);
  return path;
}
