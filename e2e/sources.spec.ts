import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { STORAGE_STATE } from "./auth";

test.use({ storageState: STORAGE_STATE.admin });

/** A small SQLite "warehouse" file the server can open read-only. */
function warehouseFile(name: string): string {
  const dir = resolve("e2e", ".tmp", "files");
  mkdirSync(dir, { recursive: true });
  const path = resolve(dir, `${name}.db`);
  const db = new Database(path);
  db.exec(`CREATE TABLE customers (customer_id TEXT, tenure INTEGER, plan TEXT, churned TEXT);
           INSERT INTO customers VALUES ('C1', 3, 'DSL', 'Yes'), ('C2', 40, 'Fiber <b>optic</b>', 'No'), ('C3', 12, NULL, 'No');`);
  db.close();
  return path;
}

test("an admin tests a source, sees clear errors that store nothing, previews, saves and extracts a batch", async ({ page }) => {
  const name = `Warehouse ${Date.now()}`;
  await page.goto("/data");
  await page.getByRole("link", { name: "Sources" }).click();
  await page.getByRole("link", { name: "New source" }).first().click();

  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Dataset the batches go to").fill(`${name} customers`);
  await page.getByLabel("Host").fill("127.0.0.1");
  await page.getByLabel("Port").fill("1");
  await page.getByLabel("Database").fill("warehouse");
  await page.getByLabel("User").fill("reader");
  await page.getByLabel("Saved query").fill("SELECT * FROM customers");
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("test-message")).toContainText("Connection refused by 127.0.0.1:1");

  await page.getByLabel("Kind").selectOption("sqlite");
  await page.getByLabel("File path on the Driftline server").fill(warehouseFile(`source-${Date.now()}`));
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("test-message")).toContainText("read-only (SQLite 3.");

  await page.getByLabel("Saved query").fill("SELECT customer_id, tenur FROM customers");
  await page.getByRole("button", { name: "Preview first rows" }).click();
  await expect(page.getByTestId("preview-message")).toContainText("names a column that does not exist: no such column: tenur");

  await page.getByLabel("Saved query").fill("SELECT customer_id, tenure, plan FROM customers");
  await page.getByLabel("Target column").fill("churned");
  await page.getByRole("button", { name: "Preview first rows" }).click();
  await expect(page.getByTestId("preview-message")).toContainText('The query returns no column "churned", which the source\'s target needs');

  await page.getByLabel("Saved query").fill("SELECT * FROM customers ORDER BY customer_id");
  await page.getByLabel("Positive value").fill("Yes");
  await page.getByLabel("Customer id column").fill("customer_id");
  await page.getByRole("button", { name: "Preview first rows" }).click();
  await expect(page.getByTestId("preview-message")).toContainText("First 3 rows of 4 columns.");
  await expect(page.getByTestId("source-preview")).toContainText("Fiber <b>optic</b>");

  // Nothing above stored a source.
  const list = await page.context().newPage();
  await list.goto("/data/sources");
  await expect(list.getByRole("heading", { name: "Sources", level: 1 })).toBeVisible();
  await expect(list.getByRole("link", { name })).toHaveCount(0);
  await list.close();

  await page.getByRole("button", { name: "Create source" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await page.getByRole("button", { name: "Extract a batch now" }).click();
  await expect(page.getByTestId("extract-message")).toContainText(/Batch #\d+ stored: 3 rows\./);
  await page.goto("/data");
  await expect(page.getByRole("row", { name: new RegExp(`${name} customers`) })).toContainText("sqlite");
});

test("a stored warehouse password is never sent back to the browser", async ({ page }) => {
  const name = `Secret warehouse ${Date.now()}`;
  await page.goto("/data/sources/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Dataset the batches go to").fill(`${name} customers`);
  await page.getByLabel("Host").fill("127.0.0.1");
  await page.getByLabel("Port").fill("1");
  await page.getByLabel("Database").fill("warehouse");
  await page.getByLabel("User").fill("reader");
  await page.getByLabel("Password").fill("very-secret-pw-42");
  await page.getByLabel("Saved query").fill("SELECT 1 AS x");
  await page.getByRole("button", { name: "Create source" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByLabel("Password (stored; blank keeps it)")).toHaveValue("");
  expect(await page.content()).not.toContain("very-secret-pw-42");

  await page.getByRole("button", { name: "Extract a batch now" }).click();
  await expect(page.getByTestId("extract-message")).toContainText("Connection refused by 127.0.0.1:1");
  await page.reload();
  await expect(page.getByTestId("source-last-error")).toContainText("Connection refused");
  expect(await page.content()).not.toContain("very-secret-pw-42");
});
