/**
 * The admin's alerting journey against the production build: a webhook channel pointed at a real receiver
 * on 127.0.0.1, a test message, a threshold edited in the rule editor, the tick called through the cron
 * route with the secret, the alert firing on the page and at the receiver, then acknowledged.
 */
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { STORAGE_STATE } from "./auth";
import { CRON_SECRET } from "./cron";

// A fixed name: the database is fresh for every run (see registry.spec.ts).
const PIPELINE = "Alerting journey";

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

async function startReceiver(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/driftline`, received, server };
}

test.describe("as an admin", () => {
  test.use({ storageState: STORAGE_STATE.admin });

  test("edits a threshold, runs the tick with the cron secret, sees the alert fire and the signed webhook arrive, then acknowledges it", async ({ page, request }) => {
    const receiver = await startReceiver();
    try {
      await page.goto("/pipelines/new?batch=1");
      await page.getByLabel("Pipeline name").fill(PIPELINE);
      await page.getByRole("button", { name: "Create and train" }).click();
      await expect(page.getByTestId("run-status")).toContainText("succeeded", { timeout: 60_000 });

      // A webhook channel; its signing secret is shown once.
      await page.goto("/settings/channels");
      await page.getByLabel("Channel name").fill("Journey receiver");
      await page.getByLabel("Webhook URL").fill(receiver.url);
      await page.getByRole("button", { name: "Create channel" }).click();
      const secret = await page.getByLabel("Signing secret").inputValue();
      expect(secret).toMatch(/^whsec_/);
      await page.getByRole("button", { name: "Send a test message to Journey receiver" }).click();
      await expect(page.getByRole("row", { name: /Journey receiver/ }).first()).toContainText("Delivered.");
      await expect(page.getByRole("table", { name: "Delivery attempts" })).toContainText('Test message for "Journey receiver"');
      expect(JSON.parse(receiver.received[0].body)).toMatchObject({ kind: "test" });
      await page.reload();
      await expect(page.getByLabel("Signing secret")).toHaveCount(0);

      // Every pipeline has its default rules; tenure's PSI is fine on the data it was trained on.
      await page.goto("/alerts");
      const rules = page.getByRole("table", { name: "Alert rules" });
      await rules.getByRole("row").filter({ hasText: PIPELINE }).getByRole("link", { name: "PSI of tenure" }).click();
      await expect(page.getByTestId("rule-state")).toHaveText("ok");
      await expect(page.getByRole("table", { name: "Evaluations" })).toContainText("PSI of tenure");

      // The admin tightens the rule so the current value breaches it, and routes it to the receiver.
      await page.getByLabel("Critical threshold").fill("0");
      await page.getByLabel("Journey receiver").check();
      await page.getByRole("button", { name: "Save rule" }).click();
      await expect(page.getByTestId("rule-message")).toContainText("Rule saved.");

      // The tick, as a cron caller sends it: without or with a wrong secret it is refused.
      expect((await request.get("/api/cron/tick")).status()).toBe(401);
      expect((await request.get("/api/cron/tick", { headers: { authorization: "Bearer wrong-secret-wrong-secret" } })).status()).toBe(401);
      // One tick per UTC minute: when an earlier spec's call took this minute the route answers "skipped",
      // and the next minute's tick runs.
      await expect(async () => {
        const ticked = await request.get("/api/cron/tick", { headers: { authorization: `Bearer ${CRON_SECRET}` } });
        expect(ticked.status()).toBe(200);
        expect(await ticked.json()).toMatchObject({ status: "ran", errors: [] });
      }).toPass({ intervals: [5_000], timeout: 75_000 });

      const alert = receiver.received.map((r) => ({ ...r, json: JSON.parse(r.body) })).find((r) => r.json.kind === "firing" && r.json.pipeline?.name === PIPELINE);
      expect(alert, "a firing notification at the receiver").toBeDefined();
      expect(alert!.json).toMatchObject({ severity: "critical", rule: { signal: "feature_psi", feature: "tenure" }, title: `${PIPELINE}: PSI of tenure critical` });
      expect(alert!.headers["x-driftline-signature"]).toBe(`sha256=${createHmac("sha256", secret).update(alert!.body).digest("hex")}`);
      expect(alert!.headers["x-driftline-timestamp"]).toBe(String(alert!.json.timestamp));
      expect(alert!.json.link).toMatch(/\/drift\?pipeline=\d+&feature=tenure&batch=\d+$/);

      // The alert is open, first on the Alerts page, and explained by tenure's drift chart.
      await page.goto("/alerts");
      const open = page.getByRole("list", { name: "Open alerts" }).getByRole("listitem").filter({ hasText: `${PIPELINE}: PSI of tenure` });
      await expect(open).toContainText("critical");
      await expect(page.getByRole("table", { name: "Alert history" })).toContainText(`${PIPELINE}: PSI of tenure`);
      await open.getByRole("link", { name: "Rule and history" }).click();
      await expect(page.getByTestId("rule-state")).toHaveText("firing · critical");
      await expect(page.getByTestId("alert-signal-chart")).toBeVisible();
      await page.getByLabel("Note").fill("Expected: threshold set to 0 for the drill");
      await page.getByRole("button", { name: "Acknowledge" }).click();
      await expect(page.getByText("Acknowledged: no reminders until the alert changes.")).toBeVisible();
      await page.goto("/alerts");
      await expect(open).toContainText("acknowledged by admin@driftline.local");
      await open.getByRole("link", { name: "Explain" }).click();
      await expect(page.getByRole("heading", { name: /Distribution of tenure: reference vs batch/ })).toBeVisible();
    } finally {
      await new Promise((resolve) => receiver.server.close(resolve));
    }
  });
});

test.describe("as an analyst", () => {
  test.use({ storageState: STORAGE_STATE.analyst });

  test("reads alerts and rules but gets no rule editor and no channel settings", async ({ page }) => {
    await page.goto("/alerts");
    await page.getByRole("table", { name: "Alert rules" }).getByRole("link").first().click();
    await expect(page.getByTestId("rule-state")).toBeVisible();
    await expect(page.getByRole("form", { name: "Alert rule" })).toHaveCount(0);
    const response = await page.goto("/settings/channels");
    expect(response?.status()).toBe(403);
  });
});
