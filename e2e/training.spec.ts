import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { STORAGE_STATE } from "./auth";

test.use({ storageState: STORAGE_STATE.analyst });

test("an analyst trains Telco from its batch, watches the run and reads the validation report", async ({ page }) => {
  const name = `Telco churn ${Date.now()}`;
  await page.goto("/data/batches/1");
  await page.getByRole("link", { name: "Train a model" }).click();
  await expect(page.getByRole("heading", { name: "New pipeline" })).toBeVisible();
  await page.getByLabel("Pipeline name").fill(name);
  await expect(page.getByRole("checkbox", { name: /customerID/ })).not.toBeChecked();
  await page.getByRole("button", { name: "Create and train" }).click();

  await expect(page.getByRole("heading", { name: /Run #\d+/ })).toBeVisible();
  await expect(page.getByTestId("run-status")).toContainText("succeeded", { timeout: 60_000 });
  for (const step of ["extract", "validate_data", "train", "validate_model", "register"]) {
    await expect(page.getByTestId(`step-${step}`)).toContainText("succeeded");
  }
  await expect(page.getByTestId("step-validate_model")).toContainText(/ROC AUC 0\.8\d+ on 1409 held-out rows/);

  await page.getByRole("link", { name: /Open the validation report of v1/ }).click();
  await expect(page.getByRole("heading", { name: `${name} · v1` })).toBeVisible();
  await expect(page.getByTestId("metric-rocAuc")).toContainText(/0\.8\d+/);
  await expect(page.getByTestId("metric-rocAuc")).toContainText("95% CI");
  for (const chart of ["roc-chart", "pr-chart", "calibration-chart", "lift-chart", "importance-chart"]) {
    await expect(page.getByTestId(chart)).toBeVisible();
  }
  await expect(page.getByRole("table", { name: "Comparison with baseline and champion" }).getByRole("row", { name: /ROC AUC/ })).toContainText("0.500");

  const matrix = page.getByTestId("confusion-matrix");
  const cells = async () =>
    Promise.all(["True positives", "False positives", "False negatives", "True negatives"].map(async (label) => Number((await matrix.getByLabel(label).innerText()).replace(/,/g, ""))));
  const atHalf = await cells();
  expect(atHalf.reduce((a, b) => a + b, 0)).toBe(1409);
  await page.getByLabel("Decision threshold").fill("0.2");
  await expect(page.getByTestId("threshold-value")).toHaveText("0.20");
  const atLow = await cells();
  expect(atLow[0]).toBeGreaterThan(atHalf[0]);
  expect(atLow.reduce((a, b) => a + b, 0)).toBe(1409);

  await expect(page.getByRole("table", { name: "Tree rules" })).toContainText(/IF .*Contract/);
  await expect(page.getByRole("table", { name: "Data dictionary" })).toContainText("tenure");
});

test("the new-pipeline form names each wrong field and keeps what was typed", async ({ page }) => {
  await page.goto("/pipelines/new?batch=1");
  await page.getByLabel("Pipeline name").fill("Depth check");
  await page.getByLabel("Max depth").fill("deep");
  await page.getByLabel("Test share").fill("2");
  await page.getByRole("button", { name: "Create and train" }).click();
  await expect(page.getByText("Max depth must be a number")).toBeVisible();
  await expect(page.getByText("Test share must be below 0.9")).toBeVisible();
  await expect(page.getByLabel("Pipeline name")).toHaveValue("Depth check");
  await expect(page.getByLabel("Max depth")).toHaveValue("deep");
});

test("Run now trains the next version of an existing pipeline", async ({ page }) => {
  await page.goto("/pipelines");
  const pipeline = page.getByRole("link", { name: /Telco churn \d+/ }).first();
  const name = await pipeline.innerText();
  await pipeline.click();
  await page.getByRole("button", { name: "Run now" }).click();
  await expect(page.getByTestId("run-status")).toContainText("succeeded", { timeout: 60_000 });
  await expect(page.getByRole("link", { name: /Open the validation report of v2/ })).toBeVisible();
  await page.goto("/models");
  // Other specs train pipelines of their own; look at this pipeline's row.
  await expect(page.getByRole("row", { name: new RegExp(name) }).getByRole("link", { name: "v2" })).toBeVisible();
});

test("bank churn uploads and trains from the UI; ml-cart's row limit fails the run with its reason", async ({ page }) => {
  await page.goto("/data");
  await page.getByLabel(/CSV file/).setInputFiles(join(process.cwd(), "..", "shared", "data", "bank-churn.csv"));
  await page.getByLabel("Target column").selectOption("Exited");
  await page.getByLabel("Positive value").selectOption("1");
  await page.getByLabel("Dataset name").fill(`Bank ${Date.now()}`);
  await page.getByRole("button", { name: "Import 10,000 rows" }).click();
  await page.getByRole("link", { name: "Train a model" }).click();
  await expect(page.getByRole("checkbox", { name: /Surname/ })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: /RowNumber/ })).not.toBeChecked();
  await page.getByLabel("Pipeline name").fill(`Bank churn ${Date.now()}`);
  await page.getByRole("button", { name: "Create and train" }).click();
  await expect(page.getByTestId("run-status")).toContainText("succeeded", { timeout: 60_000 });
  await expect(page.getByTestId("step-validate_model")).toContainText(/ROC AUC 0\.8\d+ on 2000 held-out rows/);

  await page.goto("/pipelines/new?batch=1");
  await page.getByLabel("Pipeline name").fill(`Telco ml-cart ${Date.now()}`);
  await page.getByLabel("Engine").selectOption("ml-cart");
  await page.getByRole("button", { name: "Create and train" }).click();
  // ml-cart grows gini trees to single rows: the form says so before anything is created, keeping the choice.
  await expect(page.getByText("ml-cart supports only 1 sample per leaf")).toBeVisible();
  await expect(page.getByLabel("Engine")).toHaveValue("ml-cart");
  await page.getByLabel("Min samples per leaf").fill("1");
  await page.getByRole("button", { name: "Create and train" }).click();
  await expect(page.getByTestId("run-status")).toContainText("failed", { timeout: 60_000 });
  await expect(page.getByTestId("run-error")).toContainText("train:");
  await expect(page.getByTestId("run-error")).toContainText("cart");
  await expect(page.getByTestId("step-register")).toContainText("skipped");
});
