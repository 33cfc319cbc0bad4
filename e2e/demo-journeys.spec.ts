/**
 * The demo workspace as each role meets it, in the order a visitor would look: the PM and the analyst read
 * the year as `driftline demo` built it (their screenshots go into the README), then the admin changes it.
 */
import { expect, test } from "@playwright/test";
import Papa from "papaparse";
import { DEMO_WEBHOOK_SECRET, startReceiver } from "../lib/demo/receiver";
import { STORAGE_STATE } from "./auth";
import { CRON_SECRET } from "./cron";
import { DEMO_PIPELINE, README_VIEWPORT, RECEIVER_PORT, screenshotForReadme } from "./demo";

test.use({ viewport: README_VIEWPORT });

test.describe("as a PM", () => {
  test.use({ storageState: STORAGE_STATE.pm });

  test("a PM filters the demo's high-risk customers, reads one's reasons and exports the list as CSV", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Scores", exact: true }).click();
    const filters = page.getByRole("form", { name: "Filter scores" });
    await filters.getByRole("combobox", { name: /^Pipeline/ }).selectOption({ label: DEMO_PIPELINE });
    await filters.getByRole("combobox", { name: /^Band/ }).selectOption("high");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/band=high/);
    await expect(page.getByTestId("band-chart")).toBeVisible();
    const total = Number((await page.getByTestId("scores-total").innerText()).replace(/\D/g, ""));
    expect(total).toBeGreaterThan(100);
    const table = page.getByRole("table", { name: "Customer scores" });
    const shownIds = await table.getByRole("row").locator("td:first-child").allInnerTexts();
    const shownProbabilities = await table.getByRole("row").locator("td:nth-child(2)").allInnerTexts();
    expect(shownIds.length).toBeGreaterThan(10);
    for (const band of await table.getByRole("row").locator("td:nth-child(3)").allInnerTexts()) expect(band).toBe("high");
    await screenshotForReadme(page, "scores");

    await table.getByRole("link", { name: shownIds[0] }).click();
    await expect(page.getByRole("heading", { name: `Customer ${shownIds[0]}` })).toBeVisible();
    const reasons = page.getByTestId("customer-reasons").getByRole("listitem");
    await expect(reasons.first()).toContainText(/ (=|<=|>|≤|>=) /);
    await expect(page.getByTestId("decision-path")).not.toBeEmpty();
    await page.goBack();

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const chunks: Buffer[] = [];
    for await (const chunk of await (await download).createReadStream()) chunks.push(chunk as Buffer);
    const rows = Papa.parse<Record<string, string>>(Buffer.concat(chunks).toString("utf8"), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(total);
    expect(rows.slice(0, shownIds.length).map((r) => r.customer_id)).toEqual(shownIds);
    expect(rows.slice(0, shownIds.length).map((r) => `${(Number(r.probability) * 100).toFixed(1)}%`)).toEqual(shownProbabilities);
    expect(rows.every((r) => r.band === "high")).toBe(true);
  });
});

test.describe("as an analyst", () => {
  test.use({ storageState: STORAGE_STATE.analyst });

  test("an analyst finds the drifted feature from the overview, reads the latest report and trains a new version", async ({ page }) => {
    await page.goto("/");
    const health = page.getByRole("list", { name: "Champion health" });
    await expect(health).toContainText(`${DEMO_PIPELINE} · v2`);
    await expect(health).toContainText("at risk");
    await expect(health).toContainText("Firing: PSI of PaymentMethod (warning).");
    await expect(page.getByRole("list", { name: "What changed since yesterday" })).toContainText("Batch #");
    await screenshotForReadme(page, "overview");

    // What drifted: the digital wallet keeps spreading past what the retrained v2 saw.
    const drifted = page.getByRole("list", { name: "What drifted" }).getByRole("listitem").filter({ hasText: DEMO_PIPELINE }).first();
    await drifted.getByRole("link", { name: /PaymentMethod/ }).click();
    await expect(page).toHaveURL(/feature=PaymentMethod/);
    await expect(page.getByRole("heading", { name: /Distribution of PaymentMethod: reference vs batch/ })).toBeVisible();
    await expect(page.getByTestId("distribution-chart")).toBeVisible();
    await expect(page.getByRole("table", { name: "PSI heatmap" })).toBeVisible();
    await expect(page.getByTestId("feature-psi-chart")).toBeVisible();
    await screenshotForReadme(page, "drift");

    // The validation report of the latest version.
    await page.goto("/pipelines");
    await page.getByRole("link", { name: DEMO_PIPELINE, exact: true }).click();
    await expect(page.getByRole("heading", { name: DEMO_PIPELINE, exact: true })).toBeVisible();
    const versions = page.getByRole("table").filter({ hasText: "v3" }).first();
    await versions.getByRole("link", { name: "v3", exact: true }).click();
    await expect(page.getByRole("heading", { name: `${DEMO_PIPELINE} · v3` })).toBeVisible();
    // v3 was the shallower experiment: the champion gate kept it out.
    await expect(page.getByText(/more than 0\.01 below/).first()).toBeVisible();
    await expect(page.getByTestId("roc-chart")).toBeVisible();
    await screenshotForReadme(page, "report");

    await page.goBack();
    await page.getByRole("button", { name: "Run now" }).click();
    await expect(page.getByRole("heading", { name: /Run #\d+/ })).toBeVisible();
    await expect(page.getByTestId("run-status")).toContainText("succeeded", { timeout: 90_000 });
    await expect(page.getByTestId("step-validate_model")).toContainText(/ROC AUC 0\.8\d+ on \d+ held-out rows/);
    await expect(page.getByTestId("step-deploy")).toContainText("Promoted v4");
  });
});

test.describe("as an admin", () => {
  test.use({ storageState: STORAGE_STATE.admin });

  test("an admin tightens PaymentMethod's PSI threshold, runs the cron tick, and the escalation reaches the local receiver", async ({ page, request }) => {
    const receiver = await startReceiver({ port: RECEIVER_PORT, secret: DEMO_WEBHOOK_SECRET, log: () => {} });
    try {
      await page.goto("/");
      await expect(page.getByRole("list", { name: "What fired" })).toContainText("PSI of PaymentMethod");
      await page.getByRole("link", { name: "Alerts", exact: true }).click();
      await expect(page.getByRole("list", { name: "Open alerts" })).toContainText(`${DEMO_PIPELINE}: PSI of PaymentMethod`);
      await page.getByRole("table", { name: "Alert rules" }).getByRole("row").filter({ hasText: DEMO_PIPELINE }).getByRole("link", { name: "PSI of PaymentMethod" }).click();
      await expect(page.getByTestId("rule-state")).toHaveText("firing · warning");

      // PSI 0.246 is under the default critical 0.25; at 0.2 the same drift is critical.
      await page.getByLabel("Critical threshold").fill("0.2");
      await expect(page.getByLabel("Local receiver")).toBeChecked();
      await page.getByRole("button", { name: "Save rule" }).click();
      await expect(page.getByTestId("rule-message")).toContainText("Rule saved.");

      // One tick per UTC minute: when an earlier call took this minute's slot the route answers "skipped",
      // and the next minute's tick runs.
      await expect(async () => {
        const ticked = await request.get("/api/cron/tick", { headers: { authorization: `Bearer ${CRON_SECRET}` } });
        expect(ticked.status()).toBe(200);
        expect(await ticked.json()).toMatchObject({ status: "ran", errors: [] });
      }).toPass({ intervals: [5_000], timeout: 75_000 });
      await page.reload();
      await expect(page.getByTestId("rule-state")).toHaveText("firing · critical");

      // The receiver keeps only messages whose signature holds with the demo channel's secret.
      const escalated = receiver.messages.find((m) => m.payload.kind === "escalated");
      expect(escalated, "an escalation at the receiver").toBeDefined();
      expect(escalated!.payload).toMatchObject({ severity: "critical", pipeline: { name: DEMO_PIPELINE }, rule: { signal: "feature_psi", feature: "PaymentMethod" } });
    } finally {
      await receiver.close();
    }
  });

  test("an admin creates an API key and fetches the demo's high-risk customers with it", async ({ page, playwright, baseURL }) => {
    await page.goto("/settings");
    await page.getByRole("link", { name: "API keys" }).click();
    await page.getByLabel("Key name").fill("CRM sync (demo)");
    await page.getByRole("button", { name: "Create key" }).click();
    const key = await page.getByLabel("New API key").inputValue();
    expect(key).toMatch(/^dl_/);

    // A client of its own: the Scores API takes the key, never the browser's session.
    const api = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const listed = await api.get(`/api/scores?pipeline=${encodeURIComponent(DEMO_PIPELINE)}&band=high&limit=5`, { headers: { Authorization: `Bearer ${key}` } });
    expect(listed.status()).toBe(200);
    const { data } = await listed.json();
    expect(data).toHaveLength(5);
    for (const score of data) expect(score).toMatchObject({ pipeline: DEMO_PIPELINE, band: "high", reasons: expect.arrayContaining([expect.any(String)]) });
    const customer = await api.get(`/api/scores/${data[0].customerId}`, { headers: { Authorization: `Bearer ${key}` } });
    expect(customer.status()).toBe(200);
    expect((await customer.json()).history.length).toBeGreaterThan(0);
    await api.dispose();
  });
});
