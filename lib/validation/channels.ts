/** Channel settings from the Settings → Channels form, shared by the form and the action. */
import { z } from "zod";

const name = z.string().trim().min(1, "Give the channel a name.").max(80, "Keep the name under 80 characters.");
const httpUrl = z
  .url({ protocol: /^https?$/, error: "Enter an http:// or https:// URL." })
  .max(2000, "The URL is too long.");
const emails = z
  .string()
  .trim()
  .min(1, "Enter at least one recipient.")
  .refine((text) => text.split(",").every((part) => z.email().safeParse(part.trim()).success), "Enter email addresses separated by commas.");

export const channelSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("webhook"), name, url: httpUrl }),
  z.object({ kind: z.literal("slack"), name, url: httpUrl }),
  z.object({
    kind: z.literal("email"),
    name,
    host: z.string().trim().min(1, "Enter the SMTP server's host name."),
    port: z.coerce.number({ error: "Enter a port number." }).int("Enter a port number.").min(1).max(65_535, "Ports go up to 65535."),
    secure: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
    user: z.string().trim().max(200).default(""),
    password: z.string().max(500).default(""),
    from: z.email("Enter the sender's address."),
    to: emails,
  }),
]);

export type ChannelInput = z.infer<typeof channelSchema>;
