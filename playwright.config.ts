import { defineConfig } from "@playwright/test";
import { CRON_SECRET } from "./e2e/cron";
// The demo's webhook channel points at this port; the admin's demo journey listens on it.
import { RECEIVER_PORT } from "./e2e/demo";

// E2E_PORT lets two checkouts run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const TMP = "e2e/.tmp";

export default defineConfig({
  testDir: "e2e",
  // Signs the seeded users in once (after the web server is up) and saves a storage state per role.
  globalSetup: "./e2e/global-setup.ts",
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium; Playwright never downloads a browser here.
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  // The demo journeys read the workspace as `driftline demo` built it (their screenshots go into the
  // README), so they run before the other specs add pipelines and alerts of their own.
  projects: [
    { name: "demo", testMatch: /demo-journeys\.spec\.ts$/ },
    { name: "app", testIgnore: /demo-journeys\.spec\.ts$/, dependencies: ["demo"] },
  ],
  webServer: {
    // A fresh database for every run: cleared, migrated and seeded (the plain Telco batch as batch #1, one
    // user per role, then the demo workspace's year), then the production build is served.
    command: `node -e "require('fs').rmSync('${TMP}',{recursive:true,force:true})" && npm run seed && bin/driftline demo --receiver http://127.0.0.1:${RECEIVER_PORT}/driftline && npx next start -p ${PORT}`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 240_000,
    env: {
      DATABASE_PATH: `${TMP}/e2e.db`,
      UPLOAD_DIR: `${TMP}/uploads`,
      MAX_UPLOAD_MB: "60",
      APP_URL: `http://127.0.0.1:${PORT}`,
      // Tests sign in far more often than people; the limit itself is tested in lib/auth/auth.test.ts.
      SIGN_IN_ATTEMPTS_PER_MINUTE: "1000",
      // The cron route refuses every call without it; e2e/alerts.spec.ts calls the tick with it.
      CRON_SECRET,
    },
  },
});
