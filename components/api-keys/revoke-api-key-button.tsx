"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/actions/form-state";
import { revokeKey } from "@/lib/actions/api-keys";

export function RevokeApiKeyButton({ keyId, name }: { keyId: number; name: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(revokeKey, { ok: true });
  return (
    <form
      action={action}
      onSubmit={(event) => { if (!window.confirm(`Revoke "${name}"? Tools using it get 401 from then on; this cannot be undone.`)) event.preventDefault(); }}
      className="flex items-center gap-3"
    >
      <input type="hidden" name="keyId" value={keyId} />
      <button type="submit" disabled={pending} aria-label={`Revoke ${name}`} className="rounded-md border border-rose-300 px-2 py-1 text-sm text-rose-700 hover:bg-rose-50 disabled:opacity-50">
        Revoke
      </button>
      {!state.ok && <p role="alert" className="text-sm text-rose-700">{state.message}</p>}
    </form>
  );
}
