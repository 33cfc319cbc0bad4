/** The users page's forms and the first-admin setup form, shared by the forms and their actions. */
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { passwordSchema } from "./password";

const email = z.string().trim().toLowerCase().max(254, "An email address has at most 254 characters").pipe(z.email("Enter an email address"));
const name = z.string().trim().min(1, "Give a name").max(100, "Keep the name under 100 characters");
const role = z.enum(ROLES, { error: "Choose analyst, pm or admin" });
const userId = z.string().min(1, "Choose a user").max(100, "Not a user id");

export const newUserSchema = z.object({ email, name, role, password: passwordSchema });
export const roleChangeSchema = z.object({ userId, role });
export const userRemovalSchema = z.object({ userId });
export const firstAdminSchema = z.object({ token: z.string().min(1, "The setup link has no token").max(200, "The setup link's token is not valid"), email, name, password: passwordSchema });

/** A form's fields as plain strings, for safeParse and for refilling the form after an error. */
export function formFields(formData: FormData): Record<string, string> {
  return Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;
}

/** The fields to send back to the form after an error: everything typed except passwords. */
export function refillValues(fields: Record<string, string>): Record<string, string> {
  const { password: _password, ...rest } = fields;
  return rest;
}
