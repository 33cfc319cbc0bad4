/**
 * One measured ingestion step, in its own process so its peak memory is its own:
 *   tokenise FILE   papaparse alone, every record handed to a no-op (the baseline)
 *   ingest FILE     parse, type inference and profile
 *   import FILE     ingest plus storing every row in one transaction (DATABASE_PATH, migrated first)
 * Prints { seconds, cpuSeconds, peakRssMb }.
 */
import { createReadStream } from "node:fs";
import Papa from "papaparse";
import { migrateDatabase } from "@/db/migrate";
import { importCsvBatch } from "@/lib/data/import-batch";
import { ingestCsv } from "@/lib/data/ingest";
import { usage } from "./harness";

const [mode, file] = process.argv.slice(2);

async function tokenise(): Promise<void> {
  await new Promise<void>((resolve, reject) =>
    Papa.parse(createReadStream(file) as unknown as File, { chunk: () => undefined, complete: () => resolve(), error: reject }),
  );
}

if (mode === "import") migrateDatabase();
const before = usage();
const started = performance.now();
if (mode === "tokenise") await tokenise();
else if (mode === "ingest") await ingestCsv(file, { target: "churned" });
else if (mode === "import") await importCsvBatch(file, { dataset: `bench-${Date.now()}`, source: "cli", target: "churned", id: "customer_id" });
else throw new Error(`Unknown mode ${mode}`);
const seconds = (performance.now() - started) / 1000;
const after = usage();
console.log(JSON.stringify({ seconds, cpuSeconds: after.cpuSeconds - before.cpuSeconds, peakRssMb: after.peakRssMb }));
