"use client";

import { useActionState, useState } from "react";
import { Field, inputClass } from "@/components/pipelines/field";
import { addChannel, type NewChannelState } from "@/lib/actions/channels";

/** Create a webhook, Slack or email channel; a webhook's signing secret is shown once, here. */
export function NewChannelForm() {
  const [state, action, pending] = useActionState<NewChannelState, FormData>(addChannel, { ok: true });
  const [kind, setKind] = useState(String(state.values?.kind ?? "webhook"));
  const errors = state.fieldErrors ?? {};
  const value = (name: string) => (state.values?.[name] as string | undefined) ?? "";
  return (
    <div className="space-y-4">
      <form key={state.created?.name ?? "retry"} action={action} className="space-y-4" noValidate aria-label="Create a channel">
        <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
          <Field label="Kind" errors={errors.kind}>
            <select name="kind" className={inputClass} value={kind} onChange={(e) => setKind(e.target.value)}>
              <option value="webhook">Webhook (signed JSON)</option>
              <option value="slack">Slack incoming webhook</option>
              <option value="email">Email (SMTP)</option>
            </select>
          </Field>
          <Field label="Channel name" errors={errors.name}>
            <input name="name" autoComplete="off" className={inputClass} defaultValue={value("name")} placeholder="e.g. ML on-call" />
          </Field>
          {kind !== "email" && (
            <div className="col-span-2">
              <Field label={kind === "slack" ? "Slack webhook URL" : "Webhook URL"} errors={errors.url}>
                <input name="url" autoComplete="off" className={inputClass} defaultValue={value("url")} placeholder={kind === "slack" ? "https://hooks.slack.com/services/…" : "https://example.com/driftline"} />
              </Field>
            </div>
          )}
          {kind === "email" && (
            <>
              <Field label="SMTP host" errors={errors.host}><input name="host" className={inputClass} defaultValue={value("host")} /></Field>
              <Field label="SMTP port" errors={errors.port}><input name="port" inputMode="numeric" className={inputClass} defaultValue={value("port") || "587"} /></Field>
              <Field label="SMTP user (blank: no login)" errors={errors.user}><input name="user" autoComplete="off" className={inputClass} defaultValue={value("user")} /></Field>
              <Field label="SMTP password" errors={errors.password}><input name="password" type="password" autoComplete="new-password" className={inputClass} /></Field>
              <Field label="From" errors={errors.from}><input name="from" className={inputClass} defaultValue={value("from")} placeholder="driftline@example.com" /></Field>
              <Field label="To (comma-separated)" errors={errors.to}><input name="to" className={inputClass} defaultValue={value("to")} /></Field>
              <label className="flex items-center gap-2 self-end text-sm"><input type="checkbox" name="secure" defaultChecked={value("secure") === "on"} /> TLS from the start (port 465)</label>
            </>
          )}
        </div>
        <div className="flex items-center gap-4">
          <button type="submit" disabled={pending} className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-50">
            {pending ? "Creating…" : "Create channel"}
          </button>
          {!state.ok && <p role="alert" className="text-sm text-rose-700">{state.message}</p>}
          {state.ok && state.created && !state.created.signingSecret && <p role="status" className="text-sm text-emerald-700">Created “{state.created.name}”. Send a test message to check it.</p>}
        </div>
      </form>
      {state.created?.signingSecret && (
        <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm">
          <p className="font-medium text-amber-900">Signing secret for “{state.created.name}”: copy it now, it will not be shown again.</p>
          <p className="mt-1 text-amber-800">Verify X-Driftline-Signature with it (HMAC-SHA256 of the body; see the README).</p>
          <input readOnly value={state.created.signingSecret} aria-label="Signing secret" onFocus={(e) => e.currentTarget.select()} className="mt-3 w-full rounded-md border border-amber-300 bg-white px-2 py-1.5 font-mono text-sm" />
        </div>
      )}
    </div>
  );
}
