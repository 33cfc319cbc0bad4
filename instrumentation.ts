/** Runs once when the server starts: refuse to boot with an invalid environment. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { loadEnv } = await import("@/lib/env");
  loadEnv();
}
