import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_DATA } from "../lib/data/demo-data";
import { STORAGE_STATE } from "./auth";

const FEATURES = ["tenure", "MonthlyCharges", "Contract", "PaymentMethod"];

/** Trains a pipeline on the seeded Telco batch from the UI; its first run also monitors that batch. */
async function trainTelco(page: Page): Promise<{ id: number; name: string }> {
  const name = `Telco drift ${Date.now()}`;
  await page.goto("/pipelines/new?batch=1");
  await page.getByLabel("Pipeline name").fill(name);
  await page.getByRole("button", { name: "Create and train" }).click();
  await expect(page.getByTestId("run-status")).toContainText("succeeded", { timeout: 60_000 });
  await expect(page.getByTestId("step-monitor")).toContainText("succeeded");
  return { id: Number(/\/pipelines\/(\d+)\//.exec(page.url())![1]), name };
}

test.describe("as an analyst", () => {
  test.use({ storageState: STORAGE_STATE.analyst });

  test("a pipeline scoring its own training data shows every feature without drift", async ({ page }) => {
    const pipeline = await trainTelco(page);
    await page.goto("/");
    const card = page.getByRole("list", { name: "What drifted" }).getByRole("listitem").filter({ hasText: pipeline.name });
    await expect(card).toContainText("No feature drifted");
    await card.getByRole("link", { name: pipeline.name }).click();

    const heatmap = page.getByRole("table", { name: "PSI heatmap" });
    for (const feature of [...FEATURES, "Score (prediction)"]) {
      await expect(heatmap.getByRole("row", { name: new RegExp(`^${feature.replace(/[()]/g, "\\$&")}`) })).toBeVisible();
    }
    await expect(heatmap.getByRole("link", { name: /\(critical\)|\(warning\)/ })).toHaveCount(0);
    for (const chart of ["drift-share-chart", "feature-psi-chart", "distribution-chart", "prediction-psi-chart", "prediction-distribution-chart"]) {
      await expect(page.getByTestId(chart)).toBeVisible();
    }
    const table = page.getByRole("table", { name: "Latest batch drift by feature" });
    for (const feature of FEATURES) await expect(table.getByRole("row", { name: new RegExp(`^${feature}\\b`) })).toContainText("ok");

    // Performance: an estimate for the run, no realised value until labels arrive past the lag.
    for (const metric of ["rocAuc", "precision", "recall", "brier"]) await expect(page.getByTestId(`performance-chart-${metric}`)).toBeVisible();
    // The table view is built when its <details> opens.
    const performance = page.getByRole("table", { name: "Performance per scoring run" });
    await expect(performance).toHaveCount(0);
    await page.getByTestId("performance-chart-rocAuc").locator("../../..").getByText("Table view").click();
    await expect(performance.getByRole("row", { name: /estimated/ })).toContainText(/0\.\d{3}/);
    await expect(performance.getByRole("row", { name: /realised/ })).toContainText("no labels yet");

    // A heatmap cell opens that feature's overlay in that batch, with the numbers in its table view.
    await heatmap.getByRole("link", { name: /^Contract, batch/ }).first().click();
    await expect(page.getByRole("heading", { name: /Distribution of Contract: reference vs batch/ })).toBeVisible();
    // The view's selects follow the cell, so Apply keeps it rather than going back.
    await expect(page.getByRole("combobox", { name: "Feature" })).toHaveValue("Contract");
    await page.getByTestId("distribution-chart").locator("..").getByText("Table view").click();
    await expect(page.getByRole("table", { name: "Distribution of Contract" })).toContainText("Month-to-month");
  });
});

test.describe("as an admin", () => {
  test.use({ storageState: STORAGE_STATE.admin });

  test("a batch with a 30% price rise shows MonthlyCharges critical, from the Overview to its distribution", async ({ page }) => {
    const pipeline = await trainTelco(page);
    const rows = Papa.parse<Record<string, string>>(readFileSync(DEMO_DATA.telco, "utf8"), { header: true, skipEmptyLines: true }).data;
    const shifted = rows.map(({ Churn: _label, ...row }) => ({ ...row, MonthlyCharges: (Number(row.MonthlyCharges) * 1.3).toFixed(2) }));
    const dir = join("e2e", ".tmp", "files");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `telco-shifted-${Date.now()}.csv`);
    writeFileSync(file, Papa.unparse(shifted));
    const dataset = `Telco next month ${Date.now()}`;
    await page.goto("/data");
    await page.getByLabel(/CSV file/).setInputFiles(file);
    await page.getByLabel("Dataset name").fill(dataset);
    await page.getByRole("button", { name: "Import 7,043 rows" }).click();
    await expect(page.getByRole("heading", { name: /Batch #\d+/ })).toBeVisible();

    await page.goto(`/pipelines/${pipeline.id}`);
    await page.getByLabel("Customers to score").selectOption({ label: `Latest batch of ${dataset}` });
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByTestId("settings-message")).toHaveText("Settings saved.");
    await page.getByRole("button", { name: "Run now" }).click();
    await expect(page.getByTestId("run-status")).toContainText("succeeded", { timeout: 60_000 });
    await expect(page.getByTestId("step-monitor")).toContainText(/MonthlyCharges \(critical/);

    await page.goto("/");
    const card = page.getByRole("list", { name: "What drifted" }).getByRole("listitem").filter({ hasText: pipeline.name });
    await card.getByRole("link", { name: /MonthlyCharges/ }).click();
    await expect(page.getByRole("heading", { name: /Distribution of MonthlyCharges: reference vs batch/ })).toBeVisible();
    await expect(page.getByTestId("distribution-chart")).toBeVisible();
    await expect(page.getByRole("table", { name: "PSI heatmap" }).getByRole("link", { name: /^MonthlyCharges, batch .*\(critical\)/ })).toHaveCount(1);
    await expect(page.getByRole("table", { name: "Latest batch drift by feature" }).getByRole("row", { name: /^MonthlyCharges\b/ })).toContainText("critical");

    // A link naming a feature the pipeline never measured opens the one that moved most instead.
    await page.goto(`/drift?pipeline=${pipeline.id}&feature=NoSuchFeature`);
    await expect(page.getByRole("heading", { name: "PSI of MonthlyCharges over time" })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Feature" })).toHaveValue("MonthlyCharges");
  });
});
