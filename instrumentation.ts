/**
 * Runs once when the server starts: refuse to boot with an invalid environment, close out runs that a
 * previous process left "running" when it died (releasing their locks), and, while no user exists, create
 * the admin from ADMIN_EMAIL or print a one-time setup link.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { loadEnv } = await import("@/lib/env");
  loadEnv();
  const { recoverInterruptedRuns } = await import("@/lib/pipeline/store");
  const { prepareFirstAdmin } = await import("@/lib/auth/first-admin");
  try {
    const recovered = recoverInterruptedRuns();
    if (recovered > 0) console.warn(`Marked ${recovered} interrupted run(s) as failed.`);
    await prepareFirstAdmin();
  } catch (error) {
    throw new Error(`The database is not ready (${error instanceof Error ? error.message : error}); run "npm run db:migrate" first.`);
  }
}
