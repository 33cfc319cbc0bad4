"use client";

import { useActionState } from "react";
import { extractSourceNow, type SourceFormState } from "@/lib/actions/sources";

/** Reads the source once now; the message says which batch was stored or why nothing was. */
export function ExtractNowButton({ sourceId }: { sourceId: number }) {
  const [state, action, pending] = useActionState<SourceFormState, FormData>(extractSourceNow, { ok: true });
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="sourceId" value={sourceId} />
      <button type="submit" disabled={pending} className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-50">
        {pending ? "Extracting…" : "Extract a batch now"}
      </button>
      {state.message && (
        <span role="status" data-testid="extract-message" className={`text-sm ${state.ok ? "text-emerald-800" : "text-rose-800"}`}>
          {state.message}
        </span>
      )}
    </form>
  );
}
