/** The API keys page's forms, shared by the forms and their actions. */
import { z } from "zod";

export const newApiKeySchema = z.object({
  name: z.string().trim().min(1, "Name the key after the tool that will use it").max(100, "Keep the name under 100 characters"),
});

export const revokeApiKeySchema = z.object({
  keyId: z.coerce.number({ error: "Choose a key" }).int("Choose a key").positive("Choose a key"),
});
