"use client";

import { useActionState, useState } from "react";
import { Field, inputClass } from "@/components/pipelines/field";
import { FormMessage } from "@/components/users/form-message";
import { saveRule } from "@/lib/actions/alerts";
import type { FormState } from "@/lib/actions/form-state";

const SIGNAL_CHOICES = [
  ["feature_psi", "PSI of a feature"],
  ["missing_rate", "Missing rate of a feature"],
  ["drift_share", "Dataset drift share"],
  ["prediction_psi", "PSI of the score distribution"],
  ["realised_metric", "Realised metric (labels arrived)"],
  ["estimated_metric", "Estimated metric (before labels)"],
  ["run_failed", "A run failed"],
  ["data_quality", "Data-quality findings in a batch"],
] as const;
const METRICS = [["rocAuc", "ROC AUC"], ["precision", "Precision"], ["recall", "Recall"], ["brier", "Brier score"]] as const;
const OPERATORS = [">", ">=", "<", "<="] as const;

export interface RuleFormValues {
  signal: string;
  feature: string | null;
  metric: string | null;
  operator: string;
  warning: number | null;
  critical: number | null;
  fireM: number;
  fireN: number;
  cooldownSeconds: number;
  renotifySeconds: number;
  channels: number[];
  retrain: boolean;
  enabled: boolean;
}

interface Props {
  /** Editing a rule, or creating one for a pipeline. */
  target: { ruleId: number } | { pipelineId: number };
  initial: RuleFormValues;
  features: string[];
  channels: { id: number; name: string; kind: string }[];
  /** What a blank threshold means for this rule, e.g. "the data dictionary's 0.1 / 0.25". */
  blankMeans: string | null;
}

/** The rule editor: what to watch, thresholds, "M of N", cooldown, re-notify interval, channels, retraining. */
export function RuleForm({ target, initial, features, channels, blankMeans }: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveRule, { ok: true });
  const [signal, setSignal] = useState(initial.signal);
  const errors = state.fieldErrors ?? {};
  const value = (name: string, fallback: unknown) => String((state.values?.[name] as string | undefined) ?? fallback ?? "");
  const editing = "ruleId" in target;
  const needsFeature = signal === "feature_psi" || signal === "missing_rate";
  const needsMetric = signal === "realised_metric" || signal === "estimated_metric";
  return (
    <form action={action} className="space-y-4" noValidate aria-label="Alert rule">
      {editing ? <input type="hidden" name="ruleId" value={target.ruleId} /> : <input type="hidden" name="pipelineId" value={target.pipelineId} />}
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Field label="Signal" errors={errors.signal}>
          <select name="signal" className={inputClass} value={signal} onChange={(e) => setSignal(e.target.value)} disabled={editing}>
            {SIGNAL_CHOICES.map(([v, label]) => <option key={v} value={v}>{label}</option>)}
          </select>
          {/* A disabled select is not submitted: the signal of an existing rule travels in a hidden field. */}
          {editing && <input type="hidden" name="signal" value={signal} />}
        </Field>
        {needsFeature && (
          <Field label="Feature" errors={errors.feature}>
            <select name="feature" className={inputClass} defaultValue={value("feature", initial.feature)} disabled={editing}>
              {features.map((f) => <option key={f} value={f}>{f}</option>)}
            </select>
            {editing && <input type="hidden" name="feature" value={initial.feature ?? ""} />}
          </Field>
        )}
        {needsMetric && (
          <Field label="Metric" errors={errors.metric}>
            <select name="metric" className={inputClass} defaultValue={value("metric", initial.metric ?? "rocAuc")} disabled={editing}>
              {METRICS.map(([v, label]) => <option key={v} value={v}>{label}</option>)}
            </select>
            {editing && <input type="hidden" name="metric" value={initial.metric ?? ""} />}
          </Field>
        )}
        <Field label="Operator" errors={errors.operator}>
          <select name="operator" className={inputClass} defaultValue={value("operator", initial.operator)}>
            {OPERATORS.map((op) => <option key={op} value={op}>value {op} threshold</option>)}
          </select>
        </Field>
        <Field label="Warning threshold" errors={errors.warning}>
          <input name="warning" inputMode="decimal" className={inputClass} defaultValue={value("warning", initial.warning)} placeholder="blank: none" />
        </Field>
        <Field label="Critical threshold" errors={errors.critical}>
          <input name="critical" inputMode="decimal" className={inputClass} defaultValue={value("critical", initial.critical)} placeholder="blank: none" />
        </Field>
        <Field label="Fire when M" errors={errors.fireM}>
          <input name="fireM" inputMode="numeric" className={inputClass} defaultValue={value("fireM", initial.fireM)} />
        </Field>
        <Field label="of the last N evaluations" errors={errors.fireN}>
          <input name="fireN" inputMode="numeric" className={inputClass} defaultValue={value("fireN", initial.fireN)} />
        </Field>
        <Field label="Re-notify after (hours)" errors={errors.renotifyHours}>
          <input name="renotifyHours" inputMode="decimal" className={inputClass} defaultValue={value("renotifyHours", initial.renotifySeconds / 3600)} />
        </Field>
        <Field label="Retraining cooldown (hours)" errors={errors.cooldownHours}>
          <input name="cooldownHours" inputMode="decimal" className={inputClass} defaultValue={value("cooldownHours", initial.cooldownSeconds / 3600)} />
        </Field>
      </div>
      {blankMeans && <p className="text-xs text-slate-500">Both thresholds blank: {blankMeans}.</p>}
      <fieldset className="text-sm">
        <legend className="mb-1">Notify</legend>
        {channels.length === 0 && <p className="text-xs text-slate-500">No channels yet: an admin adds them under Settings → Channels. Alerts still show here.</p>}
        <div className="flex flex-wrap gap-4">
          {channels.map((c) => (
            <label key={c.id} className="flex items-center gap-2">
              <input type="checkbox" name="channels" value={c.id} defaultChecked={initial.channels.includes(c.id)} />
              {c.name} <span className="text-xs text-slate-500">({c.kind})</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap gap-6 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" name="retrain" defaultChecked={initial.retrain} />
          Start a retraining run when this turns critical (at most once per cooldown)
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="enabled" defaultChecked={initial.enabled} />
          Enabled
        </label>
      </div>
      <div className="flex items-center gap-4">
        <button type="submit" disabled={pending} className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-50">
          {pending ? "Saving…" : editing ? "Save rule" : "Create rule"}
        </button>
        <div data-testid="rule-message"><FormMessage state={state} /></div>
      </div>
    </form>
  );
}
