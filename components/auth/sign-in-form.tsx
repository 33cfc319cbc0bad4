"use client";

import { createAuthClient } from "better-auth/client";
import { useState, type FormEvent } from "react";
import { inputClass } from "@/components/pipelines/field";

const authClient = createAuthClient();

function signInMessage(error: { status: number; message?: string }): string {
  if (error.status === 401) return "Wrong email or password.";
  if (error.status === 429) return "Too many sign-in attempts from this address. Wait a minute and try again.";
  return error.message || "Signing in failed; try again.";
}

/** Posts to better-auth's sign-in endpoint (rate-limited there), then loads `next` with the new session. */
export function SignInForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await authClient.signIn.email({ email: String(form.get("email")), password: String(form.get("password")) });
    if (result.error) {
      setError(signInMessage(result.error));
      setPending(false);
      return;
    }
    // A full load, so every server component renders with the new session cookie.
    window.location.assign(next);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      {error && (
        <p role="alert" data-testid="sign-in-error" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">{error}</p>
      )}
      <label className="block text-sm">
        Email
        <input name="email" type="email" autoComplete="username" required className={inputClass} />
      </label>
      <label className="block text-sm">
        Password
        <input name="password" type="password" autoComplete="current-password" required className={inputClass} />
      </label>
      <button type="submit" disabled={pending} className="w-full rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-50">
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
