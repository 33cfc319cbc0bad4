"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createRule, acknowledgeAlert as acknowledge, muteRule, updateRule } from "@/lib/alerts/rules";
import { audit } from "@/lib/audit/audit";
import { PERMISSIONS, requireRole } from "@/lib/auth/guard";
import { acknowledgeSchema, muteSchema, ruleFields, ruleSchema } from "@/lib/validation/alerts";
import { failure, type FormState } from "./form-state";

const idSchema = z.coerce.number().int().positive();

/** Creates a rule (with `pipelineId`) or saves an existing one (with `ruleId`); an edit applies at the next evaluation. */
export async function saveRule(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = ruleFields(formData);
  let created: number | null = null;
  try {
    const user = await requireRole(...PERMISSIONS["configure-alerts"]);
    const parsed = ruleSchema.safeParse(values);
    if (!parsed.success) {
      return { ok: false, message: "Some fields need attention.", fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>, values };
    }
    if (formData.get("ruleId")) {
      const ruleId = idSchema.parse(formData.get("ruleId"));
      updateRule(ruleId, parsed.data);
      audit(user, "alert_rule.updated", "alert_rule", ruleId, { operator: parsed.data.operator, warning: parsed.data.warning, critical: parsed.data.critical, channels: parsed.data.channels, retrain: parsed.data.retrain });
      revalidatePath("/alerts", "layout");
      return { ok: true, message: "Rule saved. The next evaluation (after a run, or the next tick) judges the latest value with these settings." };
    }
    const pipelineId = idSchema.parse(formData.get("pipelineId"));
    created = createRule(pipelineId, parsed.data);
    audit(user, "alert_rule.created", "alert_rule", created, { pipelineId, signal: parsed.data.signal });
  } catch (error) {
    return failure(error, values);
  }
  revalidatePath("/alerts", "layout");
  redirect(`/alerts/rules/${created}`);
}

export async function acknowledgeAlert(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const user = await requireRole(...PERMISSIONS["acknowledge-alerts"]);
    const parsed = acknowledgeSchema.safeParse({ ruleId: formData.get("ruleId"), note: formData.get("note") });
    if (!parsed.success) return { ok: false, message: "Some fields need attention.", fieldErrors: z.flattenError(parsed.error).fieldErrors };
    acknowledge(parsed.data.ruleId, user.email, parsed.data.note);
    audit(user, "alert.acknowledged", "alert_rule", parsed.data.ruleId, { note: parsed.data.note });
    revalidatePath("/alerts", "layout");
    return { ok: true, message: "Acknowledged: no reminders until the alert changes." };
  } catch (error) {
    return failure(error);
  }
}

export async function muteAlert(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const user = await requireRole(...PERMISSIONS["acknowledge-alerts"]);
    const parsed = muteSchema.safeParse({ ruleId: formData.get("ruleId"), hours: formData.get("hours") });
    if (!parsed.success) return { ok: false, message: "Choose how long to mute." };
    const until = parsed.data.hours === 0 ? null : new Date(Date.now() + parsed.data.hours * 3600_000);
    muteRule(parsed.data.ruleId, until);
    audit(user, "alert.muted", "alert_rule", parsed.data.ruleId, { until: until?.toISOString() ?? null });
    revalidatePath("/alerts", "layout");
    return { ok: true, message: until ? `Muted until ${until.toISOString().slice(0, 16).replace("T", " ")} UTC.` : "Unmuted." };
  } catch (error) {
    return failure(error);
  }
}
