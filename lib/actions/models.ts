"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { modelVersions } from "@/db/schema";
import { audit } from "@/lib/audit/audit";
import { can, PERMISSIONS, requireRole } from "@/lib/auth/guard";
import { isAppError } from "@/lib/errors";
import { promote, rollback } from "@/lib/pipeline/registry";

export interface ActionResult {
  ok: boolean;
  message: string;
}

const promoteSchema = z.object({
  versionId: z.number().int().positive(),
  reason: z.string().trim().max(500, "Keep the reason under 500 characters"),
});

/** Makes a version champion. Past a failing gate only an admin may, and only with a reason. */
export async function promoteVersion(versionId: number, reason: string): Promise<ActionResult> {
  try {
    const user = await requireRole(...PERMISSIONS.promote);
    const input = promoteSchema.parse({ versionId, reason });
    const version = getDb().select().from(modelVersions).where(eq(modelVersions.id, input.versionId)).get();
    if (!version) return { ok: false, message: "This version does not exist." };
    promote(version.id, user.email, input.reason, can(user.role, "promote-past-failing-gate"));
    audit(user, "model.promoted", "model", version.id, { pipelineId: version.pipelineId, version: version.version, reason: input.reason, gatesPassed: version.gatesPassed });
    revalidatePath(`/models/${version.id}`);
    revalidatePath(`/pipelines/${version.pipelineId}`);
    return { ok: true, message: `v${version.version} is now champion.` };
  } catch (error) {
    if (isAppError(error)) return { ok: false, message: error.message };
    if (error instanceof z.ZodError) return { ok: false, message: error.issues[0].message };
    throw error;
  }
}

/** Puts back the champion the current one replaced. */
export async function rollbackChampion(pipelineId: number, reason: string): Promise<ActionResult> {
  try {
    const user = await requireRole(...PERMISSIONS.promote);
    const input = z.object({ pipelineId: z.number().int().positive(), reason: z.string().trim().max(500) }).parse({ pipelineId, reason });
    const { from, to } = rollback(input.pipelineId, user.email, input.reason);
    audit(user, "model.rolled_back", "pipeline", input.pipelineId, { from, to, reason: input.reason });
    revalidatePath(`/pipelines/${input.pipelineId}`);
    return { ok: true, message: "Rolled back to the previous champion." };
  } catch (error) {
    if (isAppError(error)) return { ok: false, message: error.message };
    if (error instanceof z.ZodError) return { ok: false, message: error.issues[0].message };
    throw error;
  }
}
