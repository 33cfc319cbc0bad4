"use client";

import { useActionState, useState } from "react";
import { createPipelineAndTrain } from "@/lib/actions/pipelines";
import type { FormState } from "@/lib/actions/form-state";
import type { ColumnType } from "@/lib/data/types";
import { isDefaultFeature } from "@/lib/training/features";
import { Field, inputClass } from "./field";
import { GateFields } from "./gate-fields";

const GATE_DEFAULTS = { aucFloor: "0.75", maxDrop: "0.01", deployPolicy: "auto" };

interface Column {
  name: string;
  type: ColumnType;
  distinct: number;
  top: string[];
}


export function NewPipelineForm(props: {
  batchId: number;
  defaultName: string;
  columns: Column[];
  defaultTarget: string | null;
  defaultPositive: string | null;
  defaultId: string | null;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(createPipelineAndTrain, { ok: true });
  const kept = (state.values ?? {}) as Record<string, string | string[] | undefined>;
  const [target, setTarget] = useState((kept.target as string) ?? props.defaultTarget ?? "");
  const [splitKind, setSplitKind] = useState((kept.splitKind as string) ?? "stratified");
  const keptFeatures = kept.features as string[] | undefined;
  const errors = state.fieldErrors ?? {};
  const targetValues = props.columns.find((c) => c.name === target)?.top ?? [];
  const dates = props.columns.filter((c) => c.type === "datetime");
  const value = (name: string, fallback: string) => (kept[name] as string | undefined) ?? fallback;

  return (
    <form key={JSON.stringify(state.values ?? {})} action={action} className="space-y-6" noValidate>
      <input type="hidden" name="batchId" value={props.batchId} />
      {state.message && !state.ok && (
        <p role="alert" data-testid="form-error" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">{state.message}</p>
      )}
      <div className="grid grid-cols-1 gap-4 md:grid-cols-4">
        <Field label="Pipeline name" errors={errors.name}>
          <input name="name" className={inputClass} defaultValue={value("name", props.defaultName)} />
        </Field>
        <Field label="Target column" errors={errors.target}>
          <select name="target" className={inputClass} value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">Choose…</option>
            {props.columns.map((c) => <option key={c.name} value={c.name}>{c.name}</option>)}
          </select>
        </Field>
        <Field label="Positive value" errors={errors.positive}>
          <select name="positive" className={inputClass} defaultValue={value("positive", props.defaultPositive ?? "")} key={target}>
            <option value="">Detect (Yes, 1, true)</option>
            {targetValues.map((v) => <option key={v} value={v}>{v}</option>)}
          </select>
        </Field>
        <Field label="Customer id column" errors={errors.idColumn}>
          <select name="idColumn" className={inputClass} defaultValue={value("idColumn", props.defaultId ?? "")}>
            <option value="">None</option>
            {props.columns.map((c) => <option key={c.name} value={c.name}>{c.name}</option>)}
          </select>
        </Field>
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Features</legend>
        {errors.features && <p className="text-sm text-rose-700">{errors.features.join(" ")}</p>}
        <div className="mt-2 grid grid-cols-2 gap-1 text-sm md:grid-cols-4">
          {props.columns.filter((c) => c.name !== target).map((c) => (
            <label key={c.name} className="flex items-center gap-2">
              <input type="checkbox" name="features" value={c.name} defaultChecked={keptFeatures ? keptFeatures.includes(c.name) : isDefaultFeature(c) && c.name !== props.defaultId} />
              <span>{c.name}</span> <span className="text-xs text-slate-500">{c.type}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Field label="Engine" errors={errors.engine}>
          <select name="engine" className={inputClass} defaultValue={value("engine", "cart")}>
            <option value="cart">Driftline CART (exact or histogram)</option>
            <option value="ml-cart">ml-cart (small data only)</option>
          </select>
        </Field>
        <Field label="Split criterion" errors={errors.criterion}>
          <select name="criterion" className={inputClass} defaultValue={value("criterion", "gini")}>
            <option value="gini">Gini</option>
            <option value="entropy">Entropy</option>
          </select>
        </Field>
        <Field label="Max depth" errors={errors.maxDepth}>
          <input name="maxDepth" inputMode="numeric" className={inputClass} defaultValue={value("maxDepth", "6")} />
        </Field>
        <Field label="Min samples per leaf" errors={errors.minSamplesLeaf}>
          <input name="minSamplesLeaf" inputMode="numeric" className={inputClass} defaultValue={value("minSamplesLeaf", "20")} />
        </Field>
        <Field label="Split" errors={errors.splitKind}>
          <select name="splitKind" className={inputClass} value={splitKind} onChange={(e) => setSplitKind(e.target.value)}>
            <option value="stratified">Stratified random</option>
            <option value="time" disabled={dates.length === 0}>By date (latest rows held out)</option>
          </select>
        </Field>
        {splitKind === "time" ? (
          <Field label="Date column" errors={errors.timeColumn}>
            <select name="timeColumn" className={inputClass} defaultValue={value("timeColumn", dates[0]?.name ?? "")}>
              {dates.map((c) => <option key={c.name} value={c.name}>{c.name}</option>)}
            </select>
          </Field>
        ) : (
          <Field label="Seed" errors={errors.seed}>
            <input name="seed" inputMode="numeric" className={inputClass} defaultValue={value("seed", "42")} />
          </Field>
        )}
        <Field label="Test share" errors={errors.testSize}>
          <input name="testSize" inputMode="decimal" className={inputClass} defaultValue={value("testSize", "0.2")} />
        </Field>
        <Field label="Decision threshold" errors={errors.threshold}>
          <input name="threshold" inputMode="decimal" className={inputClass} defaultValue={value("threshold", "0.5")} />
        </Field>
      </div>
      {splitKind === "time" && <input type="hidden" name="seed" value="0" />}
      <fieldset className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <legend className="mb-2 text-sm font-medium text-slate-700">Validation gates and deployment</legend>
        <GateFields errors={errors} value={(name) => value(name, GATE_DEFAULTS[name])} />
      </fieldset>
      <button type="submit" disabled={pending} className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-50">
        {pending ? "Starting…" : "Create and train"}
      </button>
    </form>
  );
}
