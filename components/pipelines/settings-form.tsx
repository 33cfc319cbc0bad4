"use client";

import { useActionState } from "react";
import { updatePipelineSettings } from "@/lib/actions/pipeline-settings";
import type { FormState } from "@/lib/actions/form-state";
import { Field, inputClass } from "./field";
import { GateFields } from "./gate-fields";

export interface SettingsValues {
  schedule: string;
  deployPolicy: "auto" | "manual";
  aucFloor: number;
  maxDrop: number;
  high: number;
  medium: number;
  scoringDatasetId: number | null;
  labelLagDays: number;
  sourceId: number | null;
}

/** Schedule (cron, UTC), gates, deployment policy, risk bands and the scored dataset: admin settings. */
export function SettingsForm({
  pipelineId,
  initial,
  datasets,
  sources,
}: {
  pipelineId: number;
  initial: SettingsValues;
  datasets: { id: number; name: string }[];
  /** Sources that fill the pipeline's dataset. */
  sources: { id: number; name: string; kind: string }[];
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(updatePipelineSettings, { ok: true });
  const errors = state.fieldErrors ?? {};
  const value = (name: keyof SettingsValues) => String((state.values?.[name] as string | undefined) ?? initial[name] ?? "");
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="pipelineId" value={pipelineId} />
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Field label="Retraining schedule (cron, UTC)" errors={errors.schedule}>
          <input name="schedule" placeholder="e.g. 0 3 * * 1 (Mondays 03:00 UTC)" className={inputClass} defaultValue={value("schedule")} />
        </Field>
        <GateFields errors={errors} value={value} />
        <Field label="High risk from" errors={errors.high}>
          <input name="high" inputMode="decimal" className={inputClass} defaultValue={value("high")} />
        </Field>
        <Field label="Medium risk from" errors={errors.medium}>
          <input name="medium" inputMode="decimal" className={inputClass} defaultValue={value("medium")} />
        </Field>
        <Field label="Label lag (days before outcomes count)" errors={errors.labelLagDays}>
          <input name="labelLagDays" inputMode="numeric" className={inputClass} defaultValue={value("labelLagDays")} />
        </Field>
        <Field label="Customers to score" errors={errors.scoringDatasetId}>
          <select name="scoringDatasetId" className={inputClass} defaultValue={value("scoringDatasetId")}>
            <option value="">Latest batch of the training dataset</option>
            {datasets.map((d) => <option key={d.id} value={d.id}>Latest batch of {d.name}</option>)}
          </select>
        </Field>
        <Field label="Read each run's data from" errors={errors.sourceId}>
          <select name="sourceId" className={inputClass} defaultValue={value("sourceId")}>
            <option value="">The dataset&apos;s latest batch</option>
            {sources.map((s) => <option key={s.id} value={s.id}>Source {s.name} ({s.kind === "postgres" ? "PostgreSQL" : "SQLite"}): a fresh batch</option>)}
          </select>
        </Field>
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-50">Save settings</button>
        {state.message && <span role="status" data-testid="settings-message" className={`text-sm ${state.ok ? "text-emerald-800" : "text-rose-800"}`}>{state.message}</span>}
      </div>
    </form>
  );
}
