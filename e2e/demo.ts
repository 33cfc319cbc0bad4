/** Shared by the demo journeys: the demo workspace's names and where README screenshots go. */
import type { Page } from "@playwright/test";

export const DEMO_PIPELINE = "Telco churn";

/** A full-page screenshot for the README (docs/screenshots), taken as the journey passes the page. */
export async function screenshotForReadme(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: true });
}

export const README_VIEWPORT = { width: 1400, height: 1000 };

/** Where the e2e server's demo channel sends alerts (`driftline demo --receiver`, playwright.config.ts). */
export const RECEIVER_PORT = Number(process.env.E2E_RECEIVER_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 1);
