/** One measured step of bench/ingest.ts, run in its own process; prints { seconds, peakRssMb }. */
import { createReadStream } from "node:fs";
import Papa from "papaparse";
import { migrateDatabase } from "@/db/migrate";
import { importCsvBatch } from "@/lib/data/import-batch";
import { ingestCsv } from "@/lib/data/ingest";

const [mode, file] = process.argv.slice(2);

async function tokenise(): Promise<void> {
  await new Promise<void>((resolve, reject) =>
    Papa.parse(createReadStream(file) as unknown as File, { chunk: () => undefined, complete: () => resolve(), error: reject }),
  );
}

if (mode === "import") migrateDatabase();
const started = performance.now();
if (mode === "tokenise") await tokenise();
else if (mode === "ingest") await ingestCsv(file, { target: "churned" });
else await importCsvBatch(file, { dataset: `bench-${Date.now()}`, source: "cli", target: "churned", id: "customer_id" });
const seconds = (performance.now() - started) / 1000;
const usage = process.resourceUsage();
console.log(JSON.stringify({ seconds, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, peakRssMb: usage.maxRSS / 1024 }));
