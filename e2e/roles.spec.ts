import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS, STORAGE_STATE } from "./auth";

const SIGNED_OUT = { cookies: [], origins: [] };

async function signInWithForm(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test.describe("an analyst", () => {
  test.use({ storageState: STORAGE_STATE.analyst });

  test("sees the upload, training and pipeline controls, but not users, and the users page is refused", async ({ page }) => {
    await page.goto("/data");
    await expect(page.getByTestId("user-role")).toHaveText("analyst");
    await expect(page.getByLabel(/CSV file/)).toBeVisible();
    await page.goto("/data/batches/1");
    await expect(page.getByRole("link", { name: "Train a model" })).toBeVisible();
    await page.goto("/pipelines");
    await expect(page.getByRole("link", { name: "New pipeline" }).first()).toBeVisible();
    await page.goto("/settings");
    await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
    const response = await page.goto("/settings/users");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  });
});

test.describe("a PM", () => {
  test.use({ storageState: STORAGE_STATE.pm });

  test("reads data and pipelines with no control that changes them; a forged upload is refused", async ({ page }) => {
    await page.goto("/data");
    await expect(page.getByTestId("user-role")).toHaveText("pm");
    await expect(page.getByRole("cell", { name: "Telco churn" }).first()).toBeVisible();
    await expect(page.getByLabel(/CSV file/)).toHaveCount(0);
    await page.goto("/data/batches/1");
    await expect(page.getByRole("heading", { name: /Batch #1 · Telco churn/ })).toBeVisible();
    await expect(page.getByRole("link", { name: "Train a model" })).toHaveCount(0);
    await page.goto("/pipelines");
    await expect(page.getByRole("heading", { level: 1, name: "Pipelines" })).toBeVisible();
    await expect(page.getByRole("link", { name: "New pipeline" })).toHaveCount(0);
    expect((await page.goto("/pipelines/new?batch=1"))?.status()).toBe(403);

    const forged = await page.request.post("/api/uploads?name=forged.csv", { data: "a,b\n1,2\n" });
    expect(forged.status()).toBe(403);
    expect((await forged.json()).error.code).toBe("forbidden");
  });
});

test.describe("an admin", () => {
  test.use({ storageState: STORAGE_STATE.admin });

  test("adds a user who signs in with that role; a role change counts at once; removal ends their session", async ({ page, browser }) => {
    const email = `kim-${Date.now()}@driftline.local`;
    const password = "kim-password-1";
    await page.goto("/settings");
    await page.getByRole("link", { name: "Users" }).click();
    const users = page.getByRole("table", { name: "Users" });
    await expect(users.getByRole("row", { name: new RegExp(DEMO_USERS.admin.email) })).toContainText("you");

    const addForm = page.getByRole("form", { name: "Add a user" });
    await addForm.getByLabel("Email").fill(email);
    await addForm.getByLabel("Name").fill("Kim");
    await addForm.getByLabel("Role").selectOption("pm");
    await addForm.getByLabel("Initial password").fill(password);
    await addForm.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByRole("status")).toHaveText(`${email} can now sign in as pm.`);

    const kim = await (await browser.newContext({ storageState: SIGNED_OUT })).newPage();
    await kim.goto("/sign-in");
    await signInWithForm(kim, email, password);
    await expect(kim.getByTestId("user-role")).toHaveText("pm");

    const row = users.getByRole("row", { name: new RegExp(email) });
    await row.getByLabel(`Role of ${email}`).selectOption("analyst");
    await row.getByRole("button", { name: "Save role" }).click();
    await expect(row.getByRole("status")).toHaveText(`${email} is now analyst.`);
    await kim.reload();
    await expect(kim.getByTestId("user-role")).toHaveText("analyst");

    page.once("dialog", (dialog) => dialog.accept());
    await row.getByRole("button", { name: `Remove ${email}` }).click();
    await expect(users.getByRole("row", { name: new RegExp(email) })).toHaveCount(0);
    await kim.reload();
    await expect(kim).toHaveURL(/\/sign-in\?next=/);

    await page.goto("/settings/audit?action=user.role_changed");
    const entries = page.getByRole("table", { name: "Audit entries" });
    await expect(entries.getByRole("row", { name: new RegExp(email) })).toContainText('"from":"pm","to":"analyst"');
    await expect(entries).not.toContainText("user.signed_in");
  });
});

test.describe("signing in and out", () => {
  test.use({ storageState: SIGNED_OUT });

  test("an unauthenticated visit goes to sign-in, and signing in returns to the page", async ({ page }) => {
    await page.goto("/data/batches/1");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fdata%2Fbatches%2F1$/);
    await signInWithForm(page, DEMO_USERS.analyst.email, DEMO_USERS.analyst.password);
    await expect(page).toHaveURL(/\/data\/batches\/1$/);
    await expect(page.getByRole("heading", { name: /Batch #1 · Telco churn/ })).toBeVisible();
  });

  test("signing in works at whatever address reaches the server; another site's page is refused", async ({ page, playwright, baseURL }) => {
    // APP_URL names 127.0.0.1 and Next.js calls itself localhost: a third address, as a LAN name would be.
    const elsewhere = baseURL!.replace("127.0.0.1", "127.0.0.2");
    await page.goto(`${elsewhere}/sign-in`);
    await signInWithForm(page, DEMO_USERS.analyst.email, DEMO_USERS.analyst.password);
    await expect(page.getByTestId("user-menu")).toContainText(DEMO_USERS.analyst.email);

    // A page on another site posting to sign-in, with the browser's cookies for this one, is refused.
    const forged = await playwright.request.newContext({ baseURL: elsewhere, storageState: { cookies: await page.context().cookies(), origins: [] } });
    const { email, password } = DEMO_USERS.analyst;
    const response = await forged.post("/api/auth/sign-in/email", { data: { email, password }, headers: { origin: "http://evil.example" } });
    expect(response.status()).toBe(403);
    await forged.dispose();
  });

  test("a wrong password is refused with a clear message", async ({ page }) => {
    await page.goto("/sign-in");
    await signInWithForm(page, DEMO_USERS.pm.email, "not-the-password");
    await expect(page.getByTestId("sign-in-error")).toHaveText("Wrong email or password.");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("signing out ends the session, and its cookie no longer works", async ({ page, playwright, baseURL }) => {
    await page.goto("/sign-in");
    await signInWithForm(page, DEMO_USERS.analyst.email, DEMO_USERS.analyst.password);
    await expect(page.getByTestId("user-menu")).toContainText(DEMO_USERS.analyst.email);
    const cookies = await page.context().cookies();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in\?next=%2F$/);

    const replay = await playwright.request.newContext({ baseURL, storageState: { cookies, origins: [] } });
    expect((await replay.get("/api/runs/1")).status()).toBe(401);
    await replay.dispose();
  });

  test("better-auth's other endpoints stay closed: nobody can sign up", async ({ request }) => {
    const response = await request.post("/api/auth/sign-up/email", { data: { email: "me@example.com", password: "my-password-1", name: "Me" } });
    expect(response.status()).toBe(404);
  });
});
