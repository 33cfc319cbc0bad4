import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "bin/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    // Each test file gets its own process so better-sqlite3 handles never leak between files.
    pool: "forks",
    // A real PostgreSQL server for the warehouse tests, started once and removed after the run.
    globalSetup: ["./vitest.global-setup.ts"],
  },
});
