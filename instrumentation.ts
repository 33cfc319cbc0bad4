/**
 * Runs once when the server starts: refuse to boot with an invalid environment, close out runs that a
 * previous process left "running" when it died (releasing their locks), and, while no user exists, create
 * the admin from ADMIN_EMAIL or print a one-time setup link; give pipelines from before alerting their default
 * rules; and with DRIFTLINE_SCHEDULER=on, run the tick every minute in this process.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { loadEnv } = await import("@/lib/env");
  const config = loadEnv();
  const { recoverInterruptedRuns } = await import("@/lib/pipeline/store");
  const { prepareFirstAdmin } = await import("@/lib/auth/first-admin");
  const { ensureDefaultRules } = await import("@/lib/alerts/defaults");
  try {
    const recovered = recoverInterruptedRuns();
    if (recovered > 0) console.warn(`Marked ${recovered} interrupted run(s) as failed.`);
    await prepareFirstAdmin();
    ensureDefaultRules();
  } catch (error) {
    throw new Error(`The database is not ready (${error instanceof Error ? error.message : error}); run "npm run db:migrate" first.`);
  }
  if (config.DRIFTLINE_SCHEDULER === "on") {
    const { startScheduler } = await import("@/lib/cron/scheduler");
    startScheduler();
    console.log("Scheduler on: running the tick every minute (UTC).");
  }
}
