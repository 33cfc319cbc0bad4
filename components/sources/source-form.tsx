"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { Field, inputClass } from "@/components/pipelines/field";
import { previewSource, saveSource, testSourceConnection, type SourceFormState } from "@/lib/actions/sources";
import type { SourceFormValues } from "@/lib/validation/sources";
import { PreviewTable } from "./preview-table";

const button = "rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-50";

/** Create or edit a source; "Test connection" and "Preview" use the unsaved fields and store nothing. */
export function SourceForm({ initial }: { initial: SourceFormValues }) {
  const [saved, save, saving] = useActionState<SourceFormState, FormData>(saveSource, { ok: true });
  const [tested, test, testing] = useActionState<SourceFormState, FormData>(testSourceConnection, { ok: true });
  const [previewed, preview, previewing] = useActionState<SourceFormState, FormData>(previewSource, { ok: true });
  const [kind, setKind] = useState(initial.kind);
  const errors = { ...previewed.fieldErrors, ...tested.fieldErrors, ...saved.fieldErrors };
  const echoed = { ...previewed.values, ...tested.values, ...saved.values };
  const value = (name: keyof SourceFormValues) => String(echoed[name] ?? initial[name] ?? "");
  const busy = saving || testing || previewing;
  // Submitted by hand rather than through the form's action: React resets a form after its action, which
  // would clear the password being typed (it is never echoed back) between "Test connection" and "Create".
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const intent = (event.nativeEvent as SubmitEvent).submitter?.getAttribute("value");
    const data = new FormData(event.currentTarget);
    startTransition(() => (intent === "test" ? test : intent === "preview" ? preview : save)(data));
  };
  return (
    <form onSubmit={submit} className="space-y-5" noValidate>
      {initial.sourceId !== null && <input type="hidden" name="sourceId" value={initial.sourceId} />}
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        <Field label="Name" errors={errors.name}>
          <input name="name" className={inputClass} defaultValue={value("name")} />
        </Field>
        <Field label="Kind" errors={errors.kind}>
          <select name="kind" className={inputClass} value={kind} onChange={(e) => setKind(e.target.value as SourceFormValues["kind"])}>
            <option value="postgres">PostgreSQL</option>
            <option value="sqlite">SQLite file</option>
          </select>
        </Field>
        <Field label="Dataset the batches go to" errors={errors.dataset}>
          <input name="dataset" className={inputClass} defaultValue={value("dataset")} />
        </Field>
      </div>

      {kind === "sqlite" ? (
        <Field label="File path on the Driftline server (opened read-only)" errors={errors.path}>
          <input name="path" className={inputClass} placeholder="/srv/data/warehouse.db" defaultValue={value("path")} />
        </Field>
      ) : (
        <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
          <Field label="Host" errors={errors.host}>
            <input name="host" className={inputClass} placeholder="warehouse.internal" defaultValue={value("host")} />
          </Field>
          <Field label="Port" errors={errors.port}>
            <input name="port" inputMode="numeric" className={inputClass} placeholder="5432" defaultValue={value("port")} />
          </Field>
          <Field label="Database" errors={errors.database}>
            <input name="database" className={inputClass} defaultValue={value("database")} />
          </Field>
          <Field label="User" errors={errors.user}>
            <input name="user" className={inputClass} autoComplete="off" defaultValue={value("user")} />
          </Field>
          <Field label={initial.hasPassword ? "Password (stored; blank keeps it)" : "Password"} errors={errors.password}>
            <input name="password" type="password" autoComplete="new-password" className={inputClass} />
          </Field>
          <div className="flex flex-col justify-end gap-2 text-sm">
            <label className="flex items-center gap-2">
              <input type="checkbox" name="ssl" defaultChecked={value("ssl") === "true" || value("ssl") === "on"} /> Require TLS
            </label>
            {initial.hasPassword && (
              <label className="flex items-center gap-2">
                <input type="checkbox" name="clearPassword" /> Remove the stored password
              </label>
            )}
          </div>
        </div>
      )}

      <Field label="Saved query (runs read-only, wrapped with the row limit)" errors={errors.query}>
        <textarea name="query" rows={6} spellCheck={false} className={`${inputClass} font-mono`} placeholder={'SELECT "customerID", tenure, "Contract", "Churn" FROM customers'} defaultValue={value("query")} />
      </Field>

      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        <Field label="Target column" errors={errors.targetColumn}>
          <input name="targetColumn" className={inputClass} placeholder="Churn" defaultValue={value("targetColumn")} />
        </Field>
        <Field label="Positive value" errors={errors.positiveValue}>
          <input name="positiveValue" className={inputClass} placeholder="Yes" defaultValue={value("positiveValue")} />
        </Field>
        <Field label="Customer id column" errors={errors.idColumn}>
          <input name="idColumn" className={inputClass} placeholder="customerID" defaultValue={value("idColumn")} />
        </Field>
        <Field label="Row limit per extraction" errors={errors.rowLimit}>
          <input name="rowLimit" inputMode="numeric" className={inputClass} defaultValue={value("rowLimit")} />
        </Field>
        <Field label="Statement timeout (seconds)" errors={errors.statementTimeoutSeconds}>
          <input name="statementTimeoutSeconds" inputMode="numeric" className={inputClass} defaultValue={value("statementTimeoutSeconds")} />
        </Field>
        <Field label="Extraction schedule (cron, UTC; blank = on demand)" errors={errors.schedule}>
          <input name="schedule" className={inputClass} placeholder="0 2 * * *" defaultValue={value("schedule")} />
        </Field>
        {kind === "postgres" && (
          <>
            <Field label="Push down above this many rows (blank = never)" errors={errors.pushdownThreshold}>
              <input name="pushdownThreshold" inputMode="numeric" className={inputClass} placeholder="500000" defaultValue={value("pushdownThreshold")} />
            </Field>
            <Field label="Table push-down scoring writes to" errors={errors.scoreTable}>
              <input name="scoreTable" className={inputClass} placeholder="analytics.churn_scores" defaultValue={value("scoreTable")} />
            </Field>
          </>
        )}
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" value="save" disabled={busy} className={`${button} bg-sky-700 text-white hover:bg-sky-800`}>
          {initial.sourceId === null ? "Create source" : "Save source"}
        </button>
        <button type="submit" value="test" disabled={busy} className={`${button} border border-slate-300 bg-white hover:bg-slate-50`}>
          {testing ? "Connecting…" : "Test connection"}
        </button>
        <button type="submit" value="preview" disabled={busy} className={`${button} border border-slate-300 bg-white hover:bg-slate-50`}>
          {previewing ? "Reading…" : "Preview first rows"}
        </button>
      </div>
      {[saved, tested, previewed].map(
        (state, i) =>
          state.message && (
            <p key={i} role="status" data-testid={["save-message", "test-message", "preview-message"][i]} className={`text-sm ${state.ok ? "text-emerald-800" : "text-rose-800"}`}>
              {state.message}
            </p>
          ),
      )}
      {previewed.ok && previewed.preview && <PreviewTable columns={previewed.preview.columns} rows={previewed.preview.rows} />}
    </form>
  );
}
