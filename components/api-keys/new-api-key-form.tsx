"use client";

import { useActionState, useState } from "react";
import { Field, inputClass } from "@/components/pipelines/field";
import { addApiKey, type NewApiKeyState } from "@/lib/actions/api-keys";

export function NewApiKeyForm() {
  const [state, action, pending] = useActionState<NewApiKeyState, FormData>(addApiKey, { ok: true });
  const errors = state.fieldErrors ?? {};
  return (
    <div className="space-y-4">
      {/* The key resets the name after a key is created, and keeps it after an error. */}
      <form key={state.created?.key ?? "retry"} action={action} className="flex flex-wrap items-end gap-4" noValidate aria-label="Create an API key">
        <div className="w-72">
          <Field label="Key name" errors={errors.name}>
            <input name="name" autoComplete="off" placeholder="e.g. CRM nightly sync" defaultValue={state.values?.name as string | undefined} className={inputClass} />
          </Field>
        </div>
        <button type="submit" disabled={pending} className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-50">
          {pending ? "Creating…" : "Create key"}
        </button>
        {!state.ok && <p role="alert" className="text-sm text-rose-700">{state.message}</p>}
      </form>
      {state.created && <NewKey name={state.created.name} secret={state.created.key} />}
    </div>
  );
}

function NewKey({ name, secret }: { name: string; secret: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm">
      <p className="font-medium text-amber-900">Copy the key for “{name}” now: it will not be shown again.</p>
      <p className="mt-1 text-amber-800">Driftline keeps only a hash of it. If it is lost, revoke it and create another.</p>
      <div className="mt-3 flex gap-2">
        <input readOnly value={secret} aria-label="New API key" onFocus={(e) => e.currentTarget.select()} className="w-full rounded-md border border-amber-300 bg-white px-2 py-1.5 font-mono text-sm" />
        <button
          type="button"
          onClick={() => navigator.clipboard.writeText(secret).then(() => setCopied(true))}
          className="rounded-md border border-amber-400 px-3 py-1.5 font-medium text-amber-900 hover:bg-amber-100"
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
    </div>
  );
}
