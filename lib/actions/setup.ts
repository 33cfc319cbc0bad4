"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { createFirstAdmin } from "@/lib/auth/first-admin";
import { firstAdminSchema, formFields, refillValues } from "@/lib/validation/users";
import { failure, type FormState } from "./form-state";

/**
 * Public by design, like a sign-in form: nobody can be signed in before the first admin exists. The
 * one-time token from the start-up log is what authorises it, checked inside createFirstAdmin.
 */
export async function setUpFirstAdmin(_previous: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData);
  const parsed = firstAdminSchema.safeParse(fields);
  if (!parsed.success) {
    return { ok: false, message: "Some fields need attention.", fieldErrors: z.flattenError(parsed.error).fieldErrors, values: refillValues(fields) };
  }
  const { token, ...admin } = parsed.data;
  try {
    await createFirstAdmin(token, admin);
  } catch (error) {
    return failure(error, refillValues(fields));
  }
  redirect("/sign-in?created=1");
}
