/**
 * The bad-input corpus (e2e/fixtures/bad-inputs) through the upload (named to run after the specs that
 * expect the freshly seeded data, as upload.spec.ts does): a few files through the real file
 * input, every file through the same routes the upload panel calls (upload, analyze, import) with the
 * signed-in browser context, so the suite stays fast. Each refusal names the problem and stores nothing,
 * each import stores every row, the server stays up, and hostile names and values render as text: any
 * dialog a script could open fails the test.
 */
import { join } from "node:path";
import { mkdirSync, readFileSync } from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { STORAGE_STATE } from "./auth";
import { CORPUS, writeHugeCsv, type CorpusEntry } from "./fixtures/bad-inputs/corpus";

test.use({ storageState: STORAGE_STATE.analyst });

const CORPUS_DIR = join("e2e", "fixtures", "bad-inputs");
const DATABASE = join("e2e", ".tmp", "e2e.db");
const RUN = Date.now();

function failOnDialog(page: Page): void {
  page.on("dialog", async (dialog) => {
    await dialog.dismiss();
    throw new Error(`A script opened a ${dialog.type()} dialog: ${dialog.message()}`);
  });
}

interface FinalEvent {
  type: "done" | "error";
  error?: { code: string; message: string };
  batchId?: number;
  rows?: number;
}

/** The final NDJSON event of a streamed answer. */
async function finalEvent(response: Awaited<ReturnType<APIRequestContext["post"]>>): Promise<FinalEvent> {
  const lines = (await response.text()).trim().split("\n");
  return JSON.parse(lines.at(-1)!) as FinalEvent;
}

function datasetBatches(name: string): number {
  const db = new Database(DATABASE, { readonly: true });
  try {
    return db.prepare("SELECT count(*) FROM batches b JOIN datasets d ON d.id = b.dataset_id WHERE d.name = ?").pluck().get(name) as number;
  } finally {
    db.close();
  }
}

/** Upload, analyze and import exactly as the upload panel does. */
async function throughRoutes(request: APIRequestContext, entry: CorpusEntry): Promise<{ dataset: string; event: FinalEvent }> {
  const dataset = `corpus ${entry.file} ${RUN}`;
  const uploaded = await request.post(`/api/uploads?name=${encodeURIComponent(entry.file)}`, { data: readFileSync(join(CORPUS_DIR, entry.file)), headers: { "content-type": "text/csv" } });
  if (uploaded.status() !== 201) return { dataset, event: { type: "error", error: (await uploaded.json()).error } };
  const { id } = await uploaded.json();
  const options = { target: entry.options.target, positive: entry.options.positive, id: entry.options.id, delimiter: entry.options.delimiter, types: entry.options.types ?? {} };
  const analyzed = await finalEvent(await request.post(`/api/uploads/${id}/analyze`, { data: options }));
  expect(analyzed.error?.code, `${entry.file}: analyze must never fail internally`).not.toBe("internal");
  const imported = await request.post(`/api/uploads/${id}/import`, { data: { ...options, dataset } });
  return { dataset, event: await finalEvent(imported) };
}

const imported = new Map<string, number>();

test.describe("every corpus file through the upload routes", () => {
  for (const entry of CORPUS) {
    test(`${entry.file}: ${entry.expected.outcome === "import" ? "imported whole" : `refused (${entry.expected.code})`}`, async ({ page }) => {
      const { dataset, event } = await throughRoutes(page.request, entry);
      if (entry.expected.outcome === "error") {
        expect(event.type).toBe("error");
        expect(event.error!.code).toBe(entry.expected.code);
        expect(event.error!.message).toMatch(entry.expected.message);
        expect(datasetBatches(dataset)).toBe(0);
      } else {
        expect(event, JSON.stringify(event).slice(0, 300)).toMatchObject({ type: "done", rows: entry.expected.rows });
        imported.set(entry.file, event.batchId!);
        expect(datasetBatches(dataset)).toBe(1);
      }
      expect((await page.request.get("/api/health")).ok()).toBe(true);
    });
  }

  test("hostile names and values render as text on the batch page, and no script runs", async ({ page }) => {
    failOnDialog(page);
    for (const file of ["html-script-names.csv", "sql-fragments.csv", "formula-injection.csv", "control-characters.csv", "prototype-names.csv", "utf8-multibyte.csv", "long-value.csv", "1000-columns.csv"]) {
      const entry = CORPUS.find((e) => e.file === file)!;
      const batchId = imported.get(file) ?? (await throughRoutes(page.request, entry)).event.batchId!;
      await page.goto(`/data/batches/${batchId}`);
      const profile = page.getByRole("table", { name: "Column profile" });
      await expect(profile).toBeVisible();
      const expected = entry.expected as Extract<CorpusEntry["expected"], { outcome: "import" }>;
      for (const name of expected.columnNames ?? []) await expect(profile).toContainText(name);
      const firstRows = page.getByRole("table", { name: "First rows" });
      for (const value of (expected.values ?? []).filter((v) => !/[\u0000-\u001f]/.test(v))) await expect(firstRows).toContainText(value);
    }
    // Nothing a value held became markup.
    expect(await page.locator("script:not([src])").evaluateAll((scripts) => scripts.filter((s) => /alert\(/.test(s.textContent ?? "")).length)).toBe(0);
  });
});

test.describe("through the real file input", () => {
  async function choose(page: Page, file: string) {
    await page.goto("/data");
    await page.getByLabel(/CSV file/).setInputFiles(file);
  }

  test("a UTF-16 file gets a message saying how to save it", async ({ page }) => {
    await choose(page, join(CORPUS_DIR, "utf16le-bom.csv"));
    await expect(page.getByTestId("upload-error")).toContainText("UTF-16 encoded; save it as UTF-8 CSV");
  });

  test("a ragged row is named by its row number", async ({ page }) => {
    await choose(page, join(CORPUS_DIR, "ragged-short-row.csv"));
    await expect(page.getByTestId("upload-error")).toContainText("row 2: 2 fields, but the header has 4");
  });

  test("script in column names and values is shown as text in the profile, and imports", async ({ page }) => {
    failOnDialog(page);
    await choose(page, join(CORPUS_DIR, "html-script-names.csv"));
    const profile = page.getByRole("table", { name: "Column profile" });
    await expect(profile).toContainText("<img src=x onerror=alert(1)>");
    await page.getByLabel("Dataset name").fill(`hostile-input-${RUN}`);
    await page.getByRole("button", { name: "Import 2 rows" }).click();
    await expect(page.getByRole("heading", { name: /Batch #\d+ · / })).toBeVisible();
    await expect(page.getByRole("table", { name: "First rows" })).toContainText("<script>alert(2)</script>");
  });

  test("a 100 MB file is refused over MAX_UPLOAD_MB with a clear message, and the app stays up", async ({ page }) => {
    const dir = join("e2e", ".tmp", "files");
    mkdirSync(dir, { recursive: true });
    const path = join(dir, "huge-100mb.csv");
    writeHugeCsv(path, 100 * 1024 * 1024);
    await choose(page, path);
    await expect(page.getByTestId("upload-error")).toContainText("huge-100mb.csv is too large (max 60 MB)");
    const response = await page.request.post("/api/uploads?name=huge-100mb.csv", { data: readFileSync(path), headers: { "content-type": "text/csv" } });
    expect(response.status()).toBe(413);
    expect((await page.request.get("/api/health")).ok()).toBe(true);
  });
});
