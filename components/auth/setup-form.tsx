"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/actions/form-state";
import { setUpFirstAdmin } from "@/lib/actions/setup";
import { Field, inputClass } from "@/components/pipelines/field";

export function SetupForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(setUpFirstAdmin, { ok: true });
  const errors = state.fieldErrors ?? {};
  const kept = (state.values ?? {}) as Record<string, string>;
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {state.message && !state.ok && (
        <p role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">{state.message}</p>
      )}
      <Field label="Email" errors={errors.email}>
        <input name="email" type="email" autoComplete="username" defaultValue={kept.email} className={inputClass} />
      </Field>
      <Field label="Name" errors={errors.name}>
        <input name="name" autoComplete="name" defaultValue={kept.name ?? "Admin"} className={inputClass} />
      </Field>
      <Field label="Password" errors={errors.password}>
        <input name="password" type="password" autoComplete="new-password" className={inputClass} />
      </Field>
      <button type="submit" disabled={pending} className="w-full rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-50">
        {pending ? "Creating…" : "Create the admin"}
      </button>
    </form>
  );
}
