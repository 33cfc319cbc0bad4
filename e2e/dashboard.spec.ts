import { expect, test } from "@playwright/test";
import { STORAGE_STATE } from "./auth";

test.use({ storageState: STORAGE_STATE.admin });

const SECTIONS = ["Overview", "Data", "Pipelines", "Models", "Scores", "Drift", "Alerts", "Settings"];

test("the dashboard shell opens on the demo workspace and every section answers", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const name of SECTIONS) await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
  await expect(page.getByRole("list", { name: "Champion health" })).toContainText("Telco churn");
  // Batches are listed newest first by as-of: the demo's months, before the seeded 2019 snapshot.
  await expect(page.getByRole("cell", { name: "Telco customers" }).first()).toBeVisible();

  for (const name of SECTIONS.slice(1)) {
    await nav.getByRole("link", { name, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(nav.getByRole("link", { name, exact: true })).toHaveAttribute("aria-current", "page");
  }
});

test("the seeded batch shows its profile: TotalCharges has 11 blanks, never zeros", async ({ page }) => {
  await page.goto("/data");
  await page.getByRole("link", { name: "#1", exact: true }).click();
  await expect(page.getByRole("heading", { name: /Batch #1 · Telco churn/ })).toBeVisible();
  const row = page.getByRole("table", { name: "Column profile" }).getByRole("row", { name: /TotalCharges/ });
  await expect(row).toContainText("numeric");
  await expect(row).toContainText("11 (0.2%)");
  await expect(page.getByTestId("missing-rate-chart")).toBeVisible();
  await expect(page.getByText('1,869 "Yes" (26.5%)')).toBeVisible();
  await expect(page.getByRole("table", { name: "First rows" })).toContainText("7590-VHVEG");
});

test("the health route answers", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.ok()).toBe(true);
  expect(await response.json()).toEqual({ ok: true });
});
