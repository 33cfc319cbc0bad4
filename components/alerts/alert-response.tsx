"use client";

import { useActionState } from "react";
import { inputClass } from "@/components/pipelines/field";
import { FormMessage } from "@/components/users/form-message";
import { acknowledgeAlert, muteAlert } from "@/lib/actions/alerts";
import type { FormState } from "@/lib/actions/form-state";

/** Acknowledge a firing alert with a note (reminders stop), or mute the rule for a while. */
export function AlertResponse({ ruleId, firing, muted }: { ruleId: number; firing: boolean; muted: boolean }) {
  const [ackState, ack, acking] = useActionState<FormState, FormData>(acknowledgeAlert, { ok: true });
  const [muteState, mute, muting] = useActionState<FormState, FormData>(muteAlert, { ok: true });
  return (
    <div className="space-y-3">
      {firing && (
        <form action={ack} className="flex flex-wrap items-end gap-2" aria-label="Acknowledge">
          <input type="hidden" name="ruleId" value={ruleId} />
          <label className="block grow text-sm">
            Note
            <input name="note" className={inputClass} placeholder="What is being done about it" maxLength={1000} />
          </label>
          <button type="submit" disabled={acking} className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-50">Acknowledge</button>
          <div className="w-full"><FormMessage state={ackState.fieldErrors?.note ? { ok: false, message: ackState.fieldErrors.note.join(" ") } : ackState} /></div>
        </form>
      )}
      <form action={mute} className="flex flex-wrap items-end gap-2" aria-label="Mute">
        <input type="hidden" name="ruleId" value={ruleId} />
        <label className="block text-sm">
          Mute notifications for
          <select name="hours" className={inputClass} defaultValue="24">
            <option value="1">1 hour</option>
            <option value="8">8 hours</option>
            <option value="24">1 day</option>
            <option value="168">1 week</option>
            {muted && <option value="0">unmute now</option>}
          </select>
        </label>
        <button type="submit" disabled={muting} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-50">Apply</button>
        <div className="w-full"><FormMessage state={muteState} /></div>
      </form>
    </div>
  );
}
