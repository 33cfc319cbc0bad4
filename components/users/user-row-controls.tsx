"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/actions/form-state";
import { changeUserRole, removeUser } from "@/lib/actions/users";
import { ROLES, type Role } from "@/lib/auth/roles";
import { FormMessage } from "./form-message";

/** Role change and removal for one user; the page leaves them out on the admin's own row. */
export function UserRowControls({ userId, email, role }: { userId: string; email: string; role: Role }) {
  const [roleState, changeRole, changing] = useActionState<FormState, FormData>(changeUserRole, { ok: true });
  const [removeState, remove, removing] = useActionState<FormState, FormData>(removeUser, { ok: true });
  return (
    <div className="flex flex-wrap items-center gap-3">
      <form action={changeRole} className="flex items-center gap-2">
        <input type="hidden" name="userId" value={userId} />
        <select name="role" defaultValue={role} aria-label={`Role of ${email}`} className="rounded-md border border-slate-300 px-2 py-1 text-sm">
          {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
        </select>
        <button type="submit" disabled={changing} className="rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100">
          Save role
        </button>
      </form>
      <form action={remove} onSubmit={(event) => { if (!window.confirm(`Remove ${email}? They are signed out at once.`)) event.preventDefault(); }}>
        <input type="hidden" name="userId" value={userId} />
        <button type="submit" disabled={removing} aria-label={`Remove ${email}`} className="rounded-md border border-rose-300 px-2 py-1 text-sm text-rose-700 hover:bg-rose-50">
          Remove
        </button>
      </form>
      <FormMessage state={roleState} />
      <FormMessage state={removeState} />
    </div>
  );
}
