"use client";

import { useActionState } from "react";
import { Field, inputClass } from "@/components/pipelines/field";
import type { FormState } from "@/lib/actions/form-state";
import { addUser } from "@/lib/actions/users";
import { ROLES } from "@/lib/auth/roles";
import { FormMessage } from "./form-message";

export function AddUserForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(addUser, { ok: true });
  const errors = state.fieldErrors ?? {};
  const kept = (state.values ?? {}) as Record<string, string>;
  return (
    // The key resets the fields after a user is created, and keeps them after an error.
    <form key={state.ok ? state.message : "retry"} action={action} className="space-y-4" noValidate aria-label="Add a user">
      <div className="grid grid-cols-1 gap-4 md:grid-cols-4">
        <Field label="Email" errors={errors.email}>
          <input name="email" type="email" autoComplete="off" defaultValue={kept.email} className={inputClass} />
        </Field>
        <Field label="Name" errors={errors.name}>
          <input name="name" autoComplete="off" defaultValue={kept.name} className={inputClass} />
        </Field>
        <Field label="Role" errors={errors.role}>
          <select name="role" defaultValue={kept.role ?? "analyst"} className={inputClass}>
            {ROLES.map((role) => <option key={role} value={role}>{role}</option>)}
          </select>
        </Field>
        <Field label="Initial password" errors={errors.password}>
          <input name="password" type="password" autoComplete="new-password" className={inputClass} />
        </Field>
      </div>
      <div className="flex items-center gap-4">
        <button type="submit" disabled={pending} className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-50">
          {pending ? "Adding…" : "Add user"}
        </button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
