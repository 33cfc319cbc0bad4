"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { revalidatePath } from "next/cache";
import { audit } from "@/lib/audit/audit";
import { PERMISSIONS, requireRole } from "@/lib/auth/guard";
import { DEFAULT_BANDS } from "@/lib/scoring/bands";
import { getBatchForTraining } from "@/lib/queries/pipelines";
import { isAppError } from "@/lib/errors";
import { featureKind } from "@/lib/training/features";
import { launchRun } from "@/lib/pipeline/launch-run";
import { getPipelineById, insertPipeline, requestCancel, startRun } from "@/lib/pipeline/store";
import { newPipelineFields, newPipelineSchema } from "@/lib/validation/pipeline";
import { failure, type FormState } from "./form-state";

export async function createPipelineAndTrain(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = newPipelineFields(formData);
  let target: string;
  try {
    const user = await requireRole(...PERMISSIONS.train);
    const parsed = newPipelineSchema.safeParse(values);
    if (!parsed.success) {
      return { ok: false, message: "Some fields need attention.", fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>, values };
    }
    const form = parsed.data;
    const batch = getBatchForTraining(form.batchId);
    const types = new Map(batch.columns.map((c) => [c.name, c.type]));
    const unknown = [form.target, ...form.features].find((name) => !types.has(name));
    if (unknown) return { ok: false, message: `Column "${unknown}" is not in batch #${batch.id}.`, values };
    const features = form.features.map((name) => {
      const kind = featureKind(types.get(name)!);
      if (kind === null) throw new Error(`"${name}" is a ${types.get(name)} column and cannot be a feature; change its type when importing.`);
      return { name, kind, description: "", transformation: kind === "categorical" ? "one-hot encoded" : "", owner: "" };
    });
    const pipelineId = insertPipeline({
      name: form.name,
      datasetId: batch.datasetId,
      targetColumn: form.target,
      positiveValue: form.positive || batch.positiveValue || "Yes",
      idColumn: form.idColumn ?? null,
      features,
      engine: form.engine,
      hyperparameters: { criterion: form.criterion, maxDepth: form.maxDepth, minSamplesLeaf: form.minSamplesLeaf },
      split: form.splitKind === "time"
        ? { kind: "time", column: form.timeColumn!, testSize: form.testSize }
        : { kind: "stratified", testSize: form.testSize, seed: form.seed },
      gates: [
        { kind: "floor", metric: "rocAuc", min: form.aucFloor },
        { kind: "vs_champion", metric: "rocAuc", maxDrop: form.maxDrop },
      ],
      deployPolicy: form.deployPolicy,
      decisionThreshold: form.threshold,
      riskBands: DEFAULT_BANDS,
    });
    audit(user, "pipeline.created", "pipeline", pipelineId, { name: form.name, batchId: batch.id });
    const runId = startRun(pipelineId, "manual", batch.id);
    audit(user, "run.started", "run", runId, { pipelineId });
    // Off the request and off this process: the run page shows its progress.
    launchRun(runId);
    target = `/pipelines/${pipelineId}/runs/${runId}`;
  } catch (error) {
    // Not only AppErrors: a column that cannot be a feature is reported as it is, too.
    if (isAppError(error)) return failure(error, values);
    return { ok: false, message: error instanceof Error ? error.message : String(error), values };
  }
  revalidatePath("/pipelines");
  redirect(target);
}

const idSchema = z.number().int().positive();

export async function runPipelineNow(pipelineIdInput: number): Promise<FormState> {
  let pipelineId: number;
  let runId: number;
  try {
    const user = await requireRole(...PERMISSIONS.train);
    pipelineId = idSchema.parse(pipelineIdInput);
    if (!getPipelineById(pipelineId)) return { ok: false, message: `Pipeline #${pipelineId} does not exist.` };
    runId = startRun(pipelineId, "manual");
    audit(user, "run.started", "run", runId, { pipelineId });
  } catch (error) {
    return failure(error);
  }
  launchRun(runId);
  revalidatePath(`/pipelines/${pipelineId}`);
  redirect(`/pipelines/${pipelineId}/runs/${runId}`);
}

export async function cancelRun(runIdInput: number): Promise<FormState> {
  try {
    const user = await requireRole(...PERMISSIONS.train);
    const runId = idSchema.parse(runIdInput);
    requestCancel(runId);
    audit(user, "run.cancelled", "run", runId);
    return { ok: true, message: "Cancelling: the run stops at its next step." };
  } catch (error) {
    return failure(error);
  }
}
