"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { audit } from "@/lib/audit/audit";
import { PERMISSIONS, requireRole } from "@/lib/auth/guard";
import { createChannel, deleteChannel, getChannel } from "@/lib/notify/channels";
import { queueTestMessage } from "@/lib/notify/test-message";
import { channelSchema } from "@/lib/validation/channels";
import { failure, type FormState } from "./form-state";

const CHANNELS_PAGE = "/settings/channels";
const idSchema = z.coerce.number().int().positive();

/** A webhook's signing secret travels back only in this one response; pages never read it again. */
export interface NewChannelState extends FormState {
  created?: { name: string; signingSecret: string | null };
}

export async function addChannel(_previous: NewChannelState, formData: FormData): Promise<NewChannelState> {
  const fields = Object.fromEntries(formData.entries());
  // The SMTP password is never sent back to the browser, even to refill a form.
  const { password: _password, ...values } = fields;
  try {
    const user = await requireRole(...PERMISSIONS["manage-channels"]);
    const parsed = channelSchema.safeParse(fields);
    if (!parsed.success) return { ok: false, message: "Some fields need attention.", fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>, values };
    const { id, signingSecret } = createChannel(parsed.data, user.email);
    audit(user, "channel.created", "channel", id, { name: parsed.data.name, kind: parsed.data.kind });
    revalidatePath(CHANNELS_PAGE);
    return { ok: true, created: { name: parsed.data.name, signingSecret } };
  } catch (error) {
    return failure(error, values);
  }
}

export async function sendTestMessage(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const user = await requireRole(...PERMISSIONS["manage-channels"]);
    const channelId = idSchema.parse(formData.get("channelId"));
    const result = await queueTestMessage(channelId, user.email);
    audit(user, "channel.tested", "channel", channelId, { ok: result.ok });
    revalidatePath(CHANNELS_PAGE);
    return result.ok ? { ok: true, message: "Delivered." } : { ok: false, message: `Not delivered: ${result.error}` };
  } catch (error) {
    return failure(error);
  }
}

export async function removeChannel(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const user = await requireRole(...PERMISSIONS["manage-channels"]);
    const channelId = idSchema.parse(formData.get("channelId"));
    const channel = getChannel(channelId);
    if (!channel) return { ok: false, message: `Channel #${channelId} does not exist.` };
    deleteChannel(channelId);
    audit(user, "channel.removed", "channel", channelId, { name: channel.name });
    revalidatePath(CHANNELS_PAGE);
    return { ok: true, message: `Removed "${channel.name}".` };
  } catch (error) {
    return failure(error);
  }
}
