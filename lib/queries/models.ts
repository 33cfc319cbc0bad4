import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { aliases, modelVersions, pipelines } from "@/db/schema";

/** One version with its pipeline's name and the aliases (champion, challenger) that point at it. */
export function getModelVersion(id: number) {
  const db = getDb();
  const row = db
    .select({ version: modelVersions, pipelineName: pipelines.name, decisionThreshold: pipelines.decisionThreshold })
    .from(modelVersions)
    .innerJoin(pipelines, eq(pipelines.id, modelVersions.pipelineId))
    .where(eq(modelVersions.id, id))
    .get();
  if (!row) return undefined;
  const pointing = db.select({ alias: aliases.alias }).from(aliases).where(eq(aliases.modelVersionId, id)).all();
  return { ...row, aliases: pointing.map((a) => a.alias) };
}

export function listModelVersions(pipelineId?: number, limit = 100) {
  return getDb()
    .select({
      id: modelVersions.id,
      pipelineId: modelVersions.pipelineId,
      pipelineName: pipelines.name,
      version: modelVersions.version,
      engine: modelVersions.engine,
      createdAt: modelVersions.createdAt,
      gatesPassed: modelVersions.gatesPassed,
      rocAuc: sql<number | null>`json_extract(${modelVersions.report}, '$.metrics.rocAuc')`,
      testRows: sql<number>`json_extract(${modelVersions.report}, '$.rows.test')`,
    })
    .from(modelVersions)
    .innerJoin(pipelines, eq(pipelines.id, modelVersions.pipelineId))
    .where(pipelineId === undefined ? undefined : eq(modelVersions.pipelineId, pipelineId))
    .orderBy(desc(modelVersions.createdAt), desc(modelVersions.id))
    .limit(limit)
    .all();
}

/** Each pipeline's champion with its held-out ROC AUC and gate verdict, for the Overview. */
export function listChampions() {
  return getDb()
    .select({
      pipelineId: pipelines.id,
      pipelineName: pipelines.name,
      modelVersionId: modelVersions.id,
      version: modelVersions.version,
      gatesPassed: modelVersions.gatesPassed,
      rocAuc: sql<number | null>`json_extract(${modelVersions.report}, '$.metrics.rocAuc')`,
      since: aliases.updatedAt,
    })
    .from(aliases)
    .innerJoin(modelVersions, eq(modelVersions.id, aliases.modelVersionId))
    .innerJoin(pipelines, eq(pipelines.id, aliases.pipelineId))
    .where(eq(aliases.alias, "champion"))
    .orderBy(pipelines.name)
    .all();
}
