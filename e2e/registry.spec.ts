import Papa from "papaparse";
import { expect, test, type Page } from "@playwright/test";
import { STORAGE_STATE } from "./auth";

// Fixed names: the database is fresh for every run, and a worker that restarts after a failure
// re-evaluates this module, so names derived from the clock would not match across tests.
const REGISTRY = "Registry journey";
const STRICT = "Strict gate journey";

async function createPipeline(page: Page, name: string, aucFloor: string) {
  await page.goto("/pipelines/new?batch=1");
  await page.getByLabel("Pipeline name").fill(name);
  await page.getByLabel("ROC AUC floor").fill(aucFloor);
  await page.getByLabel("Deployment").selectOption("auto");
  await page.getByRole("button", { name: "Create and train" }).click();
  await expect(page.getByTestId("run-status")).toContainText("succeeded", { timeout: 60_000 });
}

test.describe("as an analyst", () => {
  test.use({ storageState: STORAGE_STATE.analyst });

  test("a passing version is promoted and scores every customer; Run now promotes v2; rollback restores v1", async ({ page }) => {
    await createPipeline(page, REGISTRY, "0.75");
    await expect(page.getByTestId("step-deploy")).toContainText("Promoted v1 to champion");
    await expect(page.getByTestId("step-score")).toContainText("Scored 7043 customers");
    await expect(page.getByTestId("step-monitor")).toContainText("succeeded");

    await page.getByRole("link", { name: REGISTRY }).click();
    await page.getByRole("button", { name: "Run now" }).click();
    await expect(page.getByTestId("run-status")).toContainText("succeeded", { timeout: 60_000 });
    await expect(page.getByTestId("step-deploy")).toContainText("Promoted v2 to champion");

    await page.getByRole("link", { name: REGISTRY }).click();
    const history = page.getByRole("table", { name: "Alias history" });
    await expect(history.getByRole("row", { name: /champion v2 v1/ })).toBeVisible();
    await page.getByRole("button", { name: "Roll back champion" }).click();
    await expect(page.getByRole("status")).toContainText("Rolled back to the previous champion");
    await page.reload();
    await expect(history.getByRole("row").nth(1)).toContainText(/champion\s*v1\s*v2\s*analyst@/);
  });

  test("a version under the ROC AUC floor is not promoted, and an analyst cannot override the gate", async ({ page }) => {
    await createPipeline(page, STRICT, "0.99");
    await expect(page.getByTestId("step-deploy")).toContainText("v1 is challenger, not champion: a gate failed");
    await expect(page.getByTestId("step-score")).toContainText("No champion yet");
    await page.getByRole("link", { name: /Open the validation report of v1/ }).click();
    const panel = page.getByTestId("promote-panel");
    await expect(panel.getByRole("list", { name: "Gate results" })).toContainText(/failed — ROC AUC 0\.8\d+ < floor 0\.99/);
    await expect(panel.getByRole("button", { name: "Promote to champion" })).toBeDisabled();
    await expect(panel).toContainText("only an admin can promote this version");
  });
});

test.describe("as an admin", () => {
  test.use({ storageState: STORAGE_STATE.admin });

  test("an admin promotes past the failing gate only with a reason, and the reason is kept", async ({ page }) => {
    await page.goto("/models");
    await page.getByRole("row", { name: new RegExp(STRICT) }).getByRole("link", { name: "v1" }).click();
    const panel = page.getByTestId("promote-panel");
    await panel.getByRole("button", { name: "Promote to champion" }).click();
    await expect(page.getByTestId("promote-message")).toContainText("Say why");
    await panel.getByLabel(/Reason/).fill("marketing needs scores today; floor set too high");
    await panel.getByRole("button", { name: "Promote to champion" }).click();
    await expect(page.getByTestId("promote-message")).toContainText("v1 is now champion");
    await page.goto("/pipelines");
    await page.getByRole("link", { name: STRICT }).click();
    await expect(page.getByRole("table", { name: "Alias history" })).toContainText("marketing needs scores today; floor set too high");
  });
});

test.describe("as a PM", () => {
  test.use({ storageState: STORAGE_STATE.pm });

  test("filters high-risk customers, reads one customer's reasons and exports the same list as CSV", async ({ page }) => {
    await page.goto("/scores");
    const filters = page.getByRole("form", { name: "Filter scores" });
    await filters.getByRole("combobox", { name: /^Pipeline/ }).selectOption({ label: REGISTRY });
    await filters.getByRole("combobox", { name: /^Band/ }).selectOption("high");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/band=high/);
    await expect(page.getByTestId("band-chart")).toBeVisible();
    const total = Number((await page.getByTestId("scores-total").innerText()).replace(/\D/g, ""));
    expect(total).toBeGreaterThan(0);
    const table = page.getByRole("table", { name: "Customer scores" });
    const firstIds = await table.getByRole("row").locator("td:first-child").allInnerTexts();
    for (const band of await table.getByRole("row").locator("td:nth-child(3)").allInnerTexts()) expect(band).toBe("high");

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const file = await (await download).createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of file) chunks.push(chunk as Buffer);
    const rows = Papa.parse<Record<string, string>>(Buffer.concat(chunks).toString("utf8"), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(total);
    expect(rows.slice(0, firstIds.length).map((r) => r.customer_id)).toEqual(firstIds);
    expect(rows.every((r) => r.band === "high")).toBe(true);

    await table.getByRole("link").first().click();
    await expect(page.getByRole("heading", { name: `Customer ${firstIds[0]}` })).toBeVisible();
    await expect(page.getByTestId("customer-reasons").getByRole("listitem").first()).not.toBeEmpty();
    await expect(page.getByTestId("decision-path")).not.toBeEmpty();
  });
});
