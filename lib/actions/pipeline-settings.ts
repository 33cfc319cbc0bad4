"use server";

import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { pipelines } from "@/db/schema";
import { audit } from "@/lib/audit/audit";
import { PERMISSIONS, requireRole } from "@/lib/auth/guard";
import { getPipelineById } from "@/lib/pipeline/store";
import { datasetExists } from "@/lib/queries/datasets";
import { getSource } from "@/lib/sources/store";
import { dictionarySchema, pipelineSettingsSchema } from "@/lib/validation/pipeline-settings";
import { failure, type FormState } from "./form-state";

/** Saves the data dictionary; the next version trained freezes it into its reports. */
export async function updateDictionary(pipelineId: number, entries: unknown): Promise<FormState> {
  try {
    const user = await requireRole(...PERMISSIONS.train);
    const id = z.number().int().positive().parse(pipelineId);
    const pipeline = getPipelineById(id);
    if (!pipeline) return { ok: false, message: "This pipeline does not exist." };
    const parsed = dictionarySchema.safeParse(entries);
    if (!parsed.success) return { ok: false, message: parsed.error.issues[0].message };
    const byName = new Map(parsed.data.map((entry) => [entry.name, entry]));
    const features = pipeline.features.map((feature) => ({ ...feature, ...pick(byName.get(feature.name)) }));
    getDb().update(pipelines).set({ features, updatedAt: new Date() }).where(eq(pipelines.id, id)).run();
    audit(user, "pipeline.updated", "pipeline", id, { changed: "data dictionary" });
    revalidatePath(`/pipelines/${id}`);
    return { ok: true, message: "Data dictionary saved. New versions will carry it." };
  } catch (error) {
    return failure(error);
  }
}

function pick(entry: z.infer<typeof dictionarySchema>[number] | undefined) {
  return entry
    ? { description: entry.description, transformation: entry.transformation, owner: entry.owner, psiWarning: entry.psiWarning, psiCritical: entry.psiCritical }
    : {};
}

/** Schedule, gates, deployment policy, risk bands and scoring dataset: an administrator's settings. */
export async function updatePipelineSettings(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = Object.fromEntries(formData.entries());
  try {
    const user = await requireRole(...PERMISSIONS["manage-schedules"]);
    const parsed = pipelineSettingsSchema.safeParse(values);
    if (!parsed.success) {
      return { ok: false, message: "Some fields need attention.", fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>, values };
    }
    const s = parsed.data;
    const pipeline = getPipelineById(s.pipelineId);
    if (!pipeline) return { ok: false, message: "This pipeline does not exist.", values };
    if (s.sourceId !== undefined && getSource(s.sourceId).datasetId !== pipeline.datasetId) {
      return { ok: false, message: "That source fills another dataset than this pipeline trains on.", fieldErrors: { sourceId: ["Choose a source of this pipeline's dataset"] }, values };
    }
    if (s.scoringDatasetId !== undefined && !datasetExists(s.scoringDatasetId)) {
      return { ok: false, message: `Dataset #${s.scoringDatasetId} does not exist; choose a scoring dataset from the list.`, values };
    }
    getDb()
      .update(pipelines)
      .set({
        schedule: s.schedule,
        deployPolicy: s.deployPolicy,
        gates: [
          { kind: "floor", metric: "rocAuc", min: s.aucFloor },
          { kind: "vs_champion", metric: "rocAuc", maxDrop: s.maxDrop },
        ],
        riskBands: { high: s.high, medium: s.medium },
        scoringDatasetId: s.scoringDatasetId ?? null,
        sourceId: s.sourceId ?? null,
        labelLagDays: s.labelLagDays,
        updatedAt: new Date(),
      })
      .where(eq(pipelines.id, s.pipelineId))
      .run();
    audit(user, "pipeline.updated", "pipeline", s.pipelineId, { schedule: s.schedule, deployPolicy: s.deployPolicy, aucFloor: s.aucFloor, maxDrop: s.maxDrop, labelLagDays: s.labelLagDays, sourceId: s.sourceId ?? null });
    revalidatePath(`/pipelines/${s.pipelineId}`);
    return { ok: true, message: "Settings saved." };
  } catch (error) {
    return failure(error, values);
  }
}
