import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { STORAGE_STATE } from "./auth";

test.use({ storageState: STORAGE_STATE.analyst });

const TMP = join("e2e", ".tmp", "files");
mkdirSync(TMP, { recursive: true });

function csvFile(name: string, content: string): string {
  const path = join(TMP, name);
  writeFileSync(path, content);
  return path;
}

async function upload(page: Page, path: string) {
  await page.goto("/data");
  await page.getByLabel(/CSV file/).setInputFiles(path);
}

test("a bad number is reported with row and column; retyping the column lets the import through", async ({ page }) => {
  const name = `charges-${Date.now()}`;
  await upload(page, csvFile(`${name}.csv`, 'customerID,TotalCharges,Churn\nA1,29.85,No\nA2,"1,889.50",Yes\nA3,108.15,No\n'));
  await expect(page.getByTestId("type-errors")).toContainText('column "TotalCharges", row 2: "1,889.50" is not a number');
  await expect(page.getByRole("button", { name: "Import 3 rows" })).toBeDisabled();
  await page.getByLabel("Type of TotalCharges").selectOption("categorical");
  await expect(page.getByTestId("type-errors")).toHaveCount(0);
  await page.getByRole("button", { name: "Import 3 rows" }).click();
  await expect(page.getByRole("heading", { name: new RegExp(`Batch #\\d+ · ${name}`) })).toBeVisible();
  await expect(page.getByRole("table", { name: "Column profile" }).getByRole("row", { name: /TotalCharges/ })).toContainText("categorical");
});

test("a CSV uploads, is profiled, and imports as a batch with the chosen target", async ({ page }) => {
  const name = `semicolon-${Date.now()}`;
  await upload(page, csvFile(`${name}.csv`, 'customerID;plan;MonthlyCharges;Churn\nA1;"Fiber; premium";70.5;Yes\nA2;DSL;20;No\nA3;DSL; ;No\n'));
  await expect(page.getByRole("table", { name: "Column profile" })).toContainText("MonthlyCharges");
  await page.getByLabel("Target column").selectOption("Churn");
  await page.getByLabel("Positive value").selectOption("Yes");
  await page.getByRole("button", { name: "Import 3 rows" }).click();
  await expect(page.getByRole("heading", { name: new RegExp(`Batch #\\d+ · ${name}`) })).toBeVisible();
  await expect(page.getByText('1 "Yes" (33.3%)')).toBeVisible();
  await expect(page.getByRole("table", { name: "First rows" })).toContainText("Fiber; premium");
});

test("column names and values holding HTML are shown as text", async ({ page }) => {
  const name = `hostile-${Date.now()}`;
  let alerted = false;
  page.on("dialog", async (dialog) => {
    alerted = true;
    await dialog.dismiss();
  });
  await upload(page, csvFile(`${name}.csv`, 'id,"<img src=x onerror=alert(1)>",Churn\nA,"<script>alert(2)</script>",Yes\nB,=HYPERLINK("x"),No\n'));
  await expect(page.getByRole("table", { name: "Column profile" })).toContainText("<img src=x onerror=alert(1)>");
  await expect(page.getByRole("table", { name: "Column profile" })).toContainText("<script>alert(2)</script>");
  expect(alerted).toBe(false);
});

test("a 50 MB CSV uploads and imports with progress", async ({ page }) => {
  const header = ["customer_id", ...Array.from({ length: 18 }, (_, i) => `f${i}`), "churned"].join(",");
  const lines = [header];
  let bytes = header.length;
  for (let r = 0; bytes < 50 * 1024 * 1024; r++) {
    const line = [`C${r}`, ...Array.from({ length: 18 }, (_, i) => ((r * 31 + i * 17) % 1000) / 10), r % 4 === 0 ? "1" : "0"].join(",");
    lines.push(line);
    bytes += line.length + 1;
  }
  const path = csvFile("big.csv", `${lines.join("\n")}\n`);
  await upload(page, path);
  await expect(page.getByRole("progressbar").first()).toBeVisible();
  await expect(page.getByRole("table", { name: "Column profile" })).toBeVisible({ timeout: 60_000 });
  await page.getByLabel("Target column").selectOption("churned");
  await page.getByLabel("Dataset name").fill(`big-${Date.now()}`);
  await page.getByRole("button", { name: `Import ${(lines.length - 1).toLocaleString("en-US")} rows` }).click();
  await expect(page.getByRole("heading", { name: /Batch #\d+ · big-/ })).toBeVisible({ timeout: 90_000 });
  await expect(page.getByText((lines.length - 1).toLocaleString("en-US")).first()).toBeVisible();
});

test("a file over the limit gets a clear message in the page and a 413 from the server", async ({ page, request }) => {
  const path = join(TMP, "huge.csv");
  writeFileSync(path, Buffer.alloc(61 * 1024 * 1024, "a,b\n"));
  await upload(page, path);
  await expect(page.getByTestId("upload-error")).toContainText("huge.csv is too large (max 60 MB)");
  const response = await request.post("/api/uploads?name=huge.csv", { data: Buffer.alloc(61 * 1024 * 1024, "a") });
  expect(response.status()).toBe(413);
  expect((await response.json()).error.message).toBe("The file is too large (max 60 MB).");
});
