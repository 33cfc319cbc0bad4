"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/users/form-message";
import { removeChannel, sendTestMessage } from "@/lib/actions/channels";
import type { FormState } from "@/lib/actions/form-state";

export function ChannelControls({ channelId, name }: { channelId: number; name: string }) {
  const [testState, test, testing] = useActionState<FormState, FormData>(sendTestMessage, { ok: true });
  const [removeState, remove, removing] = useActionState<FormState, FormData>(removeChannel, { ok: true });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={test}>
        <input type="hidden" name="channelId" value={channelId} />
        <button type="submit" disabled={testing} aria-label={`Send a test message to ${name}`} className="rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-50 disabled:opacity-50">
          {testing ? "Sending…" : "Send test"}
        </button>
      </form>
      <form action={remove} onSubmit={(e) => { if (!confirm(`Remove the channel “${name}”? Rules stop notifying it.`)) e.preventDefault(); }}>
        <input type="hidden" name="channelId" value={channelId} />
        <button type="submit" disabled={removing} aria-label={`Remove ${name}`} className="rounded-md border border-rose-300 px-2 py-1 text-xs font-medium text-rose-700 hover:bg-rose-50 disabled:opacity-50">Remove</button>
      </form>
      <FormMessage state={testState} />
      <FormMessage state={removeState} />
    </div>
  );
}
