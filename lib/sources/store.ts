/**
 * The database side of sources: reads and writes of the sources table, shared by the server, the cron
 * tick and the CLI (so no "server-only"). The sealed secret never leaves this module except to connect.
 */
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { datasets, pipelines, sources, type NewSource, type Source } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { ColumnNeeds } from "./check-columns";

export function getSource(id: number): Source {
  const source = getDb().select().from(sources).where(eq(sources.id, id)).get();
  if (!source) throw new AppError("not_found", `Source #${id} does not exist.`, {}, 404);
  return source;
}

export function listSources(): Source[] {
  return getDb().select().from(sources).orderBy(asc(sources.name)).all();
}

/** The dataset a source fills, created on first use. */
export function ensureDatasetId(name: string): number {
  const db = getDb();
  db.insert(datasets).values({ name }).onConflictDoNothing().run();
  return db.select({ id: datasets.id }).from(datasets).where(eq(datasets.name, name)).get()!.id;
}

export function datasetName(id: number): string {
  return getDb().select({ name: datasets.name }).from(datasets).where(eq(datasets.id, id)).get()!.name;
}

export function insertSource(values: NewSource): number {
  const existing = getDb().select({ id: sources.id }).from(sources).where(eq(sources.name, values.name)).get();
  if (existing) throw new AppError("duplicate_name", `A source named "${values.name}" already exists.`, { column: "name" }, 409);
  return getDb().insert(sources).values(values).returning({ id: sources.id }).get().id;
}

export function updateSource(id: number, values: Partial<NewSource>): void {
  const clash = values.name ? getDb().select({ id: sources.id }).from(sources).where(eq(sources.name, values.name)).get() : undefined;
  if (clash && clash.id !== id) throw new AppError("duplicate_name", `A source named "${values.name}" already exists.`, { column: "name" }, 409);
  getDb().update(sources).set({ ...values, updatedAt: new Date() }).where(eq(sources.id, id)).run();
}

export function recordExtraction(id: number, outcome: { at: Date; error: string | null }): void {
  const set = outcome.error === null ? { lastExtractedAt: outcome.at, lastError: null } : { lastError: outcome.error };
  getDb().update(sources).set(set).where(eq(sources.id, id)).run();
}

/** The pipelines that read this source. */
export function pipelinesOfSource(id: number) {
  return getDb().select().from(pipelines).where(eq(pipelines.sourceId, id)).all();
}

/** What every extraction must find in the rows: the source's target and id, and its pipelines' columns. */
export function columnNeeds(source: Pick<Source, "id" | "targetColumn" | "idColumn">): ColumnNeeds {
  const needs: ColumnNeeds = { required: [], numeric: [] };
  if (source.targetColumn) needs.required.push({ name: source.targetColumn, neededBy: "the source's target" });
  if (source.idColumn) needs.required.push({ name: source.idColumn, neededBy: "the source's customer id" });
  for (const pipeline of source.id ? pipelinesOfSource(source.id) : []) {
    const neededBy = `pipeline "${pipeline.name}"`;
    for (const name of [pipeline.targetColumn, ...(pipeline.idColumn ? [pipeline.idColumn] : [])]) needs.required.push({ name, neededBy });
    for (const feature of pipeline.features) {
      needs.required.push({ name: feature.name, neededBy });
      if (feature.kind === "numeric") needs.numeric.push({ name: feature.name, neededBy });
    }
  }
  return needs;
}
