"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { audit } from "@/lib/audit/audit";
import { PERMISSIONS, requireRole } from "@/lib/auth/guard";
import { createUser, deleteUser, setUserRole } from "@/lib/auth/users";
import { AppError } from "@/lib/errors";
import { formFields, newUserSchema, refillValues, roleChangeSchema, userRemovalSchema } from "@/lib/validation/users";
import { failure, type FormState } from "./form-state";

const USERS_PAGE = "/settings/users";

function invalid(error: z.ZodError, fields: Record<string, string>): FormState {
  return { ok: false, message: "Some fields need attention.", fieldErrors: z.flattenError(error).fieldErrors, values: refillValues(fields) };
}

/** Admins change their own account through another admin, so there is always one admin left. */
function refuseSelf(actorId: string, userId: string, doing: string): void {
  if (actorId === userId) throw new AppError("own_account", `You cannot ${doing} your own account; another admin can.`, {}, 409);
}

export async function addUser(_previous: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData);
  try {
    const actor = await requireRole(...PERMISSIONS["manage-users"]);
    const parsed = newUserSchema.safeParse(fields);
    if (!parsed.success) return invalid(parsed.error, fields);
    const user = await createUser(parsed.data);
    audit(actor, "user.created", "user", user.id, { email: user.email, role: user.role });
    revalidatePath(USERS_PAGE);
    return { ok: true, message: `${user.email} can now sign in as ${user.role}.` };
  } catch (error) {
    return failure(error, refillValues(fields));
  }
}

export async function changeUserRole(_previous: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData);
  try {
    const actor = await requireRole(...PERMISSIONS["manage-users"]);
    const parsed = roleChangeSchema.safeParse(fields);
    if (!parsed.success) return invalid(parsed.error, fields);
    const { userId, role } = parsed.data;
    refuseSelf(actor.id, userId, "change the role of");
    const before = setUserRole(userId, role);
    audit(actor, "user.role_changed", "user", userId, { email: before.email, from: before.role, to: role });
    revalidatePath(USERS_PAGE);
    return { ok: true, message: `${before.email} is now ${role}.` };
  } catch (error) {
    return failure(error);
  }
}

export async function removeUser(_previous: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData);
  try {
    const actor = await requireRole(...PERMISSIONS["manage-users"]);
    const parsed = userRemovalSchema.safeParse(fields);
    if (!parsed.success) return invalid(parsed.error, fields);
    refuseSelf(actor.id, parsed.data.userId, "remove");
    const removed = deleteUser(parsed.data.userId);
    audit(actor, "user.removed", "user", removed.id, { email: removed.email, role: removed.role });
    revalidatePath(USERS_PAGE);
    return { ok: true, message: `${removed.email} was removed and signed out.` };
  } catch (error) {
    return failure(error);
  }
}
