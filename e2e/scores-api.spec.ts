import { expect, test, type APIResponse } from "@playwright/test";
import { DEMO_USERS, STORAGE_STATE } from "./auth";

test.use({ storageState: STORAGE_STATE.admin });

test("an admin's API key reads the scores a pipeline produced; no key, a session, or a revoked key gets 401", async ({ page, playwright, baseURL }) => {
  // The API's own client carries no session cookie, unlike page.request.
  const request = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const pipeline = `Telco scores API ${Date.now()}`;
  await page.goto("/pipelines/new?batch=1");
  await page.getByLabel("Pipeline name").fill(pipeline);
  await page.getByLabel("Deployment").selectOption("auto");
  await page.getByRole("button", { name: "Create and train" }).click();
  await expect(page.getByTestId("run-status")).toContainText("succeeded", { timeout: 60_000 });
  await expect(page.getByTestId("step-score")).toContainText("succeeded");

  await page.goto("/settings");
  await page.getByRole("link", { name: "API keys" }).click();
  const keyName = `CRM sync ${Date.now()}`;
  await page.getByLabel("Key name").fill(keyName);
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText("it will not be shown again")).toBeVisible();
  const key = await page.getByLabel("New API key").inputValue();
  expect(key).toMatch(/^dl_[A-Za-z0-9_-]{43}$/);
  const row = page.getByRole("table", { name: "API keys" }).getByRole("row", { name: new RegExp(keyName) });
  await expect(row).toContainText(`${key.slice(0, 11)}…`);
  await expect(row).toContainText(DEMO_USERS.admin.email);
  await expect(row).toContainText("never");

  const auth = { Authorization: `Bearer ${key}` };
  const listed = await request.get(`/api/scores?pipeline=${encodeURIComponent(pipeline)}&band=high&limit=50`, { headers: auth });
  expect(listed.status()).toBe(200);
  const body = await listed.json();
  expect(body.data).toHaveLength(50);
  expect(body.nextCursor).toEqual(expect.any(String));
  expect(body.data[0]).toMatchObject({ pipeline, band: "high", modelVersion: 1, previousProbability: null, change: null });
  expect(Object.keys(body.data[0])).toEqual(["customerId", "pipeline", "probability", "band", "previousProbability", "change", "reasons", "modelVersion", "scoredAt"]);

  const customer = await request.get(`/api/scores/${body.data[0].customerId}`, { headers: auth });
  expect(customer.status()).toBe(200);
  expect((await customer.json()).latest).toContainEqual(body.data[0]);
  const bad = await request.get("/api/scores?limit=5000", { headers: auth });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toMatch(/^limit/);

  const unauthorized = async (response: APIResponse) => {
    expect(response.status()).toBe(401);
    expect((await response.json()).error.code).toBe("unauthorized");
  };
  await unauthorized(await request.get("/api/scores"));
  await unauthorized(await request.get("/api/scores", { headers: { Authorization: `Bearer ${key.slice(0, -1)}x` } }));
  // The signed-in admin's own browser session is not a key.
  await unauthorized(await page.request.get("/api/scores"));

  await page.reload();
  await expect(page.getByLabel("New API key")).toHaveCount(0);
  await expect(row).not.toContainText("never");
  page.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: `Revoke ${keyName}` }).click();
  await expect(row).toContainText("revoked");
  await unauthorized(await request.get("/api/scores", { headers: auth }));
  await request.dispose();
});
