import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { datasets, sources } from "@/db/schema";
import { nextRunAfter } from "@/lib/pipeline/schedule";
import type { SourceFormValues } from "@/lib/validation/sources";

/** Sources for the list page: settings and health, never the sealed secret. */
export function listSourceSummaries() {
  return getDb()
    .select({
      id: sources.id,
      name: sources.name,
      kind: sources.kind,
      datasetName: datasets.name,
      schedule: sources.schedule,
      pushdownThreshold: sources.pushdownThreshold,
      lastExtractedAt: sources.lastExtractedAt,
      lastError: sources.lastError,
    })
    .from(sources)
    .innerJoin(datasets, eq(datasets.id, sources.datasetId))
    .orderBy(asc(sources.name))
    .all()
    .map((source) => ({ ...source, nextExtraction: source.schedule ? nextRunAfter(source.schedule, new Date()) : null }));
}

/** A stored source as the form's initial values: the password only as "one is stored". */
export function sourceFormValues(id: number): (SourceFormValues & { lastError: string | null; lastExtractedAt: Date | null; datasetId: number }) | null {
  const row = getDb()
    .select({ source: sources, datasetName: datasets.name })
    .from(sources)
    .innerJoin(datasets, eq(datasets.id, sources.datasetId))
    .where(eq(sources.id, id))
    .get();
  if (!row) return null;
  const { source } = row;
  const pg = source.config.kind === "postgres" ? source.config : null;
  const text = (value: string | number | null) => (value === null ? "" : String(value));
  return {
    sourceId: source.id,
    name: source.name,
    kind: source.kind,
    path: source.config.kind === "sqlite" ? source.config.path : "",
    host: pg?.host ?? "",
    port: text(pg?.port ?? null),
    database: pg?.database ?? "",
    user: pg?.user ?? "",
    ssl: pg?.ssl ?? false,
    hasPassword: source.sealedSecret !== null,
    query: source.query,
    rowLimit: String(source.rowLimit),
    statementTimeoutSeconds: String(source.statementTimeoutMs / 1000),
    schedule: source.schedule ?? "",
    dataset: row.datasetName,
    targetColumn: source.targetColumn ?? "",
    positiveValue: source.positiveValue ?? "",
    idColumn: source.idColumn ?? "",
    pushdownThreshold: text(source.pushdownThreshold),
    scoreTable: source.scoreTable ?? "",
    lastError: source.lastError,
    lastExtractedAt: source.lastExtractedAt,
    datasetId: source.datasetId,
  };
}

export const NEW_SOURCE: SourceFormValues = {
  sourceId: null,
  name: "",
  kind: "postgres",
  path: "",
  host: "",
  port: "5432",
  database: "",
  user: "",
  ssl: false,
  hasPassword: false,
  query: "",
  rowLimit: "200000",
  statementTimeoutSeconds: "60",
  schedule: "",
  dataset: "",
  targetColumn: "",
  positiveValue: "",
  idColumn: "",
  pushdownThreshold: "",
  scoreTable: "",
};

/** Sources that fill a dataset, for a pipeline's "read from" choice. */
export function sourcesOfDataset(datasetId: number) {
  return getDb().select({ id: sources.id, name: sources.name, kind: sources.kind }).from(sources).where(eq(sources.datasetId, datasetId)).orderBy(asc(sources.name)).all();
}
