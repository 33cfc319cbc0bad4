/** The cron secret the e2e web server runs with (playwright.config.ts), so specs can call the tick. */
export const CRON_SECRET = "e2e-cron-secret-0123456789abcdef";
