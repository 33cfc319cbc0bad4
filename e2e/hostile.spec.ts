/**
 * Hostile users, beyond the role matrix: signed-in callers forging ids of objects that do not exist or
 * belong elsewhere, oversized inputs and bodies, hammering the Scores API, looking for secrets after
 * creation, and the security headers with a browser that reports every CSP violation.
 */
import { join } from "node:path";
import { expect, test, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { DEMO_USERS, STORAGE_STATE } from "./auth";
import { snapshotDatabase } from "./db-snapshot";
import { actionIds, callAction } from "./server-actions";

test.use({ storageState: STORAGE_STATE.admin });

const DATABASE = join("e2e", ".tmp", "e2e.db");
const LONG = "x".repeat(20_000);
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};

/** A pipeline on the seeded Telco dataset, written straight into the database: no training needed. */
function insertPipeline(name: string): number {
  const db = new Database(DATABASE);
  try {
    const pipeline = {
      name,
      dataset_id: 1,
      target_column: "Churn",
      positive_value: "Yes",
      features: JSON.stringify([{ name: "tenure", kind: "numeric", description: "", transformation: "", owner: "" }]),
      hyperparameters: JSON.stringify({ maxDepth: 3 }),
      split: JSON.stringify({ kind: "stratified", testSize: 0.2, seed: 1 }),
      gates: JSON.stringify([]),
      deploy_policy: "manual",
      risk_bands: JSON.stringify({ high: 0.6, medium: 0.3 }),
    };
    const columns = Object.keys(pipeline);
    return Number(db.prepare(`INSERT INTO pipelines (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`).run(...Object.values(pipeline)).lastInsertRowid);
  } finally {
    db.close();
  }
}

async function action(request: APIRequestContext, name: string, args: unknown[]) {
  const id = actionIds().get(name);
  expect(id, `${name} is referenced by some page`).toBeDefined();
  const answer = await callAction(request, id!, args);
  return ("result" in answer ? answer.result : answer) as { ok?: boolean; message?: string; fieldErrors?: Record<string, string[]> };
}

/** Creates an API key as an admin does, and reads it from the one answer that shows it. */
async function createApiKey(page: Page, name: string): Promise<string> {
  await page.goto("/settings/api-keys");
  await page.getByLabel("Key name").fill(name);
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText("it will not be shown again")).toBeVisible();
  return page.getByLabel("New API key").inputValue();
}

test.describe("forged ids and oversized inputs change nothing", () => {
  let pipelineId: number;
  test.beforeAll(() => {
    pipelineId = insertPipeline(`Hostile target ${Date.now()}`);
  });

  const cases: [string, string, (pipelineId: number) => unknown[], RegExp][] = [
    ["promote a version that does not exist", "lib/actions/models.ts#promoteVersion", () => [987_654, "because"], /This version does not exist/],
    ["promote with an id that is SQL text", "lib/actions/models.ts#promoteVersion", () => ["1 OR 1=1", "because"], /./],
    ["promote with a 20,000-character reason", "lib/actions/models.ts#promoteVersion", () => [1, LONG], /under 500 characters/],
    ["roll back a pipeline that does not exist", "lib/actions/models.ts#rollbackChampion", () => [987_654, ""], /no earlier champion/],
    ["run a pipeline that does not exist", "lib/actions/pipelines.ts#runPipelineNow", () => [987_654], /Pipeline #987654 does not exist/],
    ["cancel a run that does not exist", "lib/actions/pipelines.ts#cancelRun", () => [987_654], /Run #987654 does not exist/],
    ["edit the dictionary of a pipeline that does not exist", "lib/actions/pipeline-settings.ts#updateDictionary", () => [987_654, []], /This pipeline does not exist/],
    ["write a 20,000-character feature description", "lib/actions/pipeline-settings.ts#updateDictionary", (id) => [id, [{ name: "tenure", description: LONG, transformation: "", owner: "" }]], /at most 500 characters/],
    ["point a pipeline at a scoring dataset that does not exist", "lib/actions/pipeline-settings.ts#updatePipelineSettings", (id) => [{ ok: true }, form({ pipelineId: String(id), schedule: "", deployPolicy: "manual", aucFloor: "0.6", maxDrop: "0.02", high: "0.6", medium: "0.3", scoringDatasetId: "987654", labelLagDays: "30" })], /Dataset #987654 does not exist/],
    ["point a pipeline at a source that does not exist", "lib/actions/pipeline-settings.ts#updatePipelineSettings", (id) => [{ ok: true }, form({ pipelineId: String(id), schedule: "", deployPolicy: "manual", aucFloor: "0.6", maxDrop: "0.02", high: "0.6", medium: "0.3", sourceId: "987654", labelLagDays: "30" })], /Source #987654 does not exist/],
    ["save a 20,000-character schedule", "lib/actions/pipeline-settings.ts#updatePipelineSettings", (id) => [{ ok: true }, form({ pipelineId: String(id), schedule: LONG, deployPolicy: "manual", aucFloor: "0.6", maxDrop: "0.02", high: "0.6", medium: "0.3" })], /Some fields need attention/],
    ["create a pipeline from a batch that does not exist", "lib/actions/pipelines.ts#createPipelineAndTrain", () => [{ ok: true }, form({ batchId: "987654", name: "Forged", target: "Churn", features: "tenure", engine: "cart", criterion: "gini", maxDepth: "3", minSamplesLeaf: "5", splitKind: "stratified", testSize: "0.2", seed: "1", threshold: "0.5", deployPolicy: "manual", aucFloor: "0.6", maxDrop: "0.02" })], /Batch #987654 does not exist/],
    ["create a pipeline with a 20,000-character target name", "lib/actions/pipelines.ts#createPipelineAndTrain", () => [{ ok: true }, form({ batchId: "1", name: "Forged", target: LONG, features: "tenure", engine: "cart", criterion: "gini", maxDepth: "3", minSamplesLeaf: "5", splitKind: "stratified", testSize: "0.2", seed: "1", threshold: "0.5", deployPolicy: "manual", aucFloor: "0.6", maxDrop: "0.02" })], /Some fields need attention/],
    ["name an API key with 20,000 characters", "lib/actions/api-keys.ts#addApiKey", () => [{ ok: true }, form({ name: LONG })], /Some fields need attention/],
    ["revoke an API key that does not exist", "lib/actions/api-keys.ts#revokeKey", () => [{ ok: true }, form({ keyId: "987654" })], /./],
    ["change the role of a user that does not exist", "lib/actions/users.ts#changeUserRole", () => [{ ok: true }, form({ userId: "no-such-user", role: "admin" })], /./],
    ["remove a user by a 20,000-character id", "lib/actions/users.ts#removeUser", () => [{ ok: true }, form({ userId: LONG })], /./],
    ["add a user with a 20,000-character email", "lib/actions/users.ts#addUser", () => [{ ok: true }, form({ email: `${LONG}@example.com`, name: "Long", role: "pm", password: "long-password-1" })], /./],
  ];

  for (const [what, name, args, message] of cases) {
    test(`refuses to ${what}`, async ({ page }) => {
      const before = snapshotDatabase(DATABASE);
      const answer = await action(page.request, name, args(pipelineId));
      expect(answer.ok, JSON.stringify(answer).slice(0, 300)).not.toBe(true);
      expect(answer.message ?? "").toMatch(message);
      expect(snapshotDatabase(DATABASE)).toEqual(before);
    });
  }

  test("a server action body over Next's 1 MB limit is refused before the action runs", async ({ page }) => {
    const before = snapshotDatabase(DATABASE);
    const id = actionIds().get("lib/actions/models.ts#promoteVersion")!;
    const response = await page.request.post("/", {
      headers: { "next-action": id, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8" },
      data: JSON.stringify([1, "y".repeat(2 * 1024 * 1024)]),
    });
    // Next answers in the Flight stream: the action's result is an error row (its message stays in the
    // server log, "Body exceeded 1 MB limit"), and the action itself never ran.
    expect(response.status()).toBe(200);
    expect(await response.text()).toMatch(/^1:E\{/m);
    expect(snapshotDatabase(DATABASE)).toEqual(before);
    expect((await page.request.get("/api/health")).ok()).toBe(true);
  });

  test("an upload route refuses a JSON body over 64 KiB with 413", async ({ page }) => {
    const upload = await page.request.post("/api/uploads?name=tiny.csv", { data: "customerID,tenure,Churn\nA,1,Yes\nB,2,No\n", headers: { "content-type": "text/csv" } });
    expect(upload.status()).toBe(201);
    const { id } = await upload.json();
    const analyze = await page.request.post(`/api/uploads/${id}/analyze`, { data: JSON.stringify({ types: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`column_${i}`, "categorical"])) }) });
    expect(analyze.status()).toBe(413);
    expect((await analyze.json()).error).toMatchObject({ code: "too_large", message: expect.stringContaining("64 KiB") });
  });
});

test("an API key is shown once at creation and never again, on any page or answer", async ({ page }) => {
  const key = await createApiKey(page, `Hostile check ${Date.now()}`);
  expect(key).toMatch(/^dl_/);
  for (const path of ["/settings/api-keys", "/settings", "/settings/audit", "/settings/users", "/"]) {
    const response = await page.request.get(path);
    expect(response.ok()).toBe(true);
    const body = await response.text();
    expect(body, path).not.toContain(key);
    // Only a short prefix identifies the key in the list.
    expect(body, path).not.toContain(key.slice(0, 20));
  }
  const db = new Database(DATABASE, { readonly: true });
  const stored = JSON.stringify(db.prepare("SELECT * FROM api_keys").all()) + JSON.stringify(db.prepare("SELECT * FROM audit_log").all());
  db.close();
  expect(stored).not.toContain(key);
  // The cookie-signing secret the instance generated for itself never reaches a page either.
  const secrets = new Database(DATABASE, { readonly: true }).prepare("SELECT value FROM instance_secrets").pluck().all() as string[];
  for (const path of ["/settings", "/settings/api-keys"]) {
    const body = await (await page.request.get(path)).text();
    for (const secret of secrets) expect(body).not.toContain(secret);
  }
});

// e2e/sources.spec.ts checks the source form never echoes the password; this checks what is stored and logged.
test("a warehouse password is sealed when saved and appears in no page, audit entry or stored column", async ({ page }) => {
  const password = `warehouse-pass-${Date.now()}`;
  const name = `Hostile warehouse ${Date.now()}`;
  await page.goto("/data/sources/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Dataset the batches go to").fill(`${name} customers`);
  await page.getByLabel("Host").fill("127.0.0.1");
  await page.getByLabel("Port").fill("1");
  await page.getByLabel("Database").fill("analytics");
  await page.getByLabel("User").fill("reader");
  await page.getByLabel("Password").fill(password);
  await page.getByLabel("Saved query").fill("SELECT 1 AS x");
  await page.getByRole("button", { name: "Create source" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  for (const url of [new URL(page.url()).pathname, "/data/sources", "/settings/audit"]) {
    const body = await (await page.request.get(url)).text();
    expect(body, url).not.toContain(password);
  }
  const db = new Database(DATABASE, { readonly: true });
  const sealed = db.prepare("SELECT sealed_secret FROM sources WHERE name = ?").pluck().get(name) as string;
  const audit = JSON.stringify(db.prepare("SELECT * FROM audit_log").all());
  db.close();
  expect(sealed).toMatch(/^v1:/);
  expect(sealed).not.toContain(password);
  expect(audit).not.toContain(password);
});

test("a webhook channel's signing secret is shown once and then in no page, audit entry or stored column", async ({ page }) => {
  const name = `Hostile channel ${Date.now()}`;
  await page.goto("/settings/channels");
  await page.getByLabel("Channel name").fill(name);
  await page.getByLabel("Webhook URL").fill("http://127.0.0.1:1/hook");
  await page.getByRole("button", { name: "Create channel" }).click();
  const secret = await page.getByLabel("Signing secret").inputValue();
  expect(secret).toMatch(/^whsec_/);
  for (const url of ["/settings/channels", "/alerts", "/settings/audit", "/settings"]) {
    const body = await (await page.request.get(url)).text();
    expect(body, url).not.toContain(secret);
  }
  const db = new Database(DATABASE, { readonly: true });
  const sealed = db.prepare("SELECT sealed_secret FROM notification_channels WHERE name = ?").pluck().get(name) as string;
  const audit = JSON.stringify(db.prepare("SELECT * FROM audit_log").all());
  db.close();
  expect(sealed).toMatch(/^v1:/);
  expect(sealed).not.toContain(secret);
  expect(audit).not.toContain(secret);
});

test("the Scores API answers 429 with Retry-After once a key has spent its burst of 600 requests", async ({ page, playwright, baseURL }) => {
  const key = await createApiKey(page, `Rate limit ${Date.now()}`);
  const request = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { Authorization: `Bearer ${key}` } });
  // The bucket refills at 10 requests a second, so requests go 50 at a time until one is refused.
  let allowed = 0;
  let refused: APIResponse | undefined;
  while (!refused && allowed < 3000) {
    const answers = await Promise.all(Array.from({ length: 50 }, () => request.get("/api/scores/no-such-customer")));
    refused = answers.find((answer) => answer.status() === 429);
    allowed += answers.filter((answer) => answer.status() === 404).length;
  }
  expect(refused, "a 429 arrives").toBeDefined();
  expect(allowed).toBeGreaterThanOrEqual(600);
  expect(Number(refused!.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
  expect((await refused!.json()).error).toMatchObject({ code: "rate_limited", message: expect.stringMatching(/^Too many requests for this API key; retry in \d+ s\.$/) });
  expect((await page.request.get("/api/health")).ok()).toBe(true);
  await request.dispose();
});

test("sign-in refuses a body over 64 KiB with 413 before better-auth reads it, and still signs people in", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const huge = await request.post("/api/auth/sign-in/email", { data: { email: DEMO_USERS.pm.email, password: "p".repeat(2 * 1024 * 1024) } });
  expect(huge.status()).toBe(413);
  expect((await huge.json()).error.code).toBe("too_large");
  const normal = await request.post("/api/auth/sign-in/email", { data: { email: DEMO_USERS.pm.email, password: DEMO_USERS.pm.password } });
  expect(normal.status()).toBe(200);
  await request.dispose();
});

test("sign-in through the route answers 429 from one address past SIGN_IN_ATTEMPTS_PER_MINUTE, others still sign in", async ({ playwright, baseURL }) => {
  // playwright.config.ts sets 1000 a minute for the suite; bodies without a password are refused cheaply
  // (no password hashing) but still count.
  const limit = 1000;
  const address = `198.51.100.${1 + (Date.now() % 250)}`;
  const request = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const statuses: number[] = [];
  const attempt = () => request.post("/api/auth/sign-in/email", { data: { email: "nobody@example.com" }, headers: { "x-forwarded-for": address } });
  while (statuses.length < limit + 200 && !statuses.includes(429)) {
    const answers = await Promise.all(Array.from({ length: 50 }, attempt));
    statuses.push(...answers.map((answer) => answer.status()));
  }
  expect(statuses.indexOf(429)).toBeGreaterThanOrEqual(limit);
  expect((await attempt()).status()).toBe(429);
  const other = await request.post("/api/auth/sign-in/email", { data: { email: DEMO_USERS.pm.email, password: DEMO_USERS.pm.password }, headers: { "x-forwarded-for": "198.51.100.254" } });
  expect(other.status()).toBe(200);
  await request.dispose();
});

test.describe("security headers", () => {
  test("every response carries them", async ({ page }) => {
    for (const path of ["/sign-in", "/", "/api/health", "/scores/export.csv"]) {
      const headers = (await page.request.get(path, { maxRedirects: 0 })).headers();
      expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
      expect(headers["content-security-policy"], path).toContain("default-src 'self'");
      expect(headers["x-frame-options"], path).toBe("DENY");
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      expect(headers["permissions-policy"], path).toContain("camera=()");
      expect(headers["x-powered-by"], path).toBeUndefined();
    }
  });

  test("the policy lets every page work: no CSP violation in the browser", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => console.error(`Refused to load (CSP): ${event.violatedDirective} ${event.blockedURI}`));
    });
    for (const path of ["/", "/data", "/data/batches/1", "/pipelines", "/pipelines/new?batch=1", "/models", "/drift", "/scores", "/alerts", "/settings", "/settings/api-keys", "/settings/users", "/settings/audit"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBeLessThan(400);
      await expect(page.locator("main")).toBeVisible();
    }
    // A client-side navigation and a chart on the batch page exercise scripts and inline styles.
    await page.goto("/data/batches/1");
    await expect(page.getByTestId("missing-rate-chart")).toBeVisible();
    expect(violations).toEqual([]);
  });
});
