/** One throwaway PostgreSQL cluster for the whole unit-test run; test files read its URL with inject("postgresUrl"). */
import type { TestProject } from "vitest/node";
import { startPostgresCluster } from "./lib/test/postgres-cluster";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const cluster = await startPostgresCluster();
  project.provide("postgresUrl", cluster.url);
  return () => cluster.stop();
}
