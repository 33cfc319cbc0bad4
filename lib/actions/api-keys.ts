"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createApiKey, revokeApiKey } from "@/lib/api-keys";
import { PERMISSIONS, requireRole } from "@/lib/auth/guard";
import { newApiKeySchema, revokeApiKeySchema } from "@/lib/validation/api-keys";
import { failure, type FormState } from "./form-state";

const API_KEYS_PAGE = "/settings/api-keys";

/** The new key travels back only in this one response; the page never reads it again. */
export interface NewApiKeyState extends FormState {
  created?: { name: string; key: string };
}

export async function addApiKey(_previous: NewApiKeyState, formData: FormData): Promise<NewApiKeyState> {
  const values = { name: String(formData.get("name") ?? "") };
  try {
    const actor = await requireRole(...PERMISSIONS["manage-api-keys"]);
    const parsed = newApiKeySchema.safeParse(values);
    if (!parsed.success) return { ok: false, message: "Some fields need attention.", fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
    const { key } = createApiKey(parsed.data.name, actor);
    revalidatePath(API_KEYS_PAGE);
    return { ok: true, created: { name: parsed.data.name, key } };
  } catch (error) {
    return failure(error, values);
  }
}

export async function revokeKey(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await requireRole(...PERMISSIONS["manage-api-keys"]);
    const parsed = revokeApiKeySchema.safeParse({ keyId: formData.get("keyId") });
    if (!parsed.success) return { ok: false, message: z.flattenError(parsed.error).fieldErrors.keyId?.join(" ") };
    revokeApiKey(parsed.data.keyId, actor);
    revalidatePath(API_KEYS_PAGE);
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}
