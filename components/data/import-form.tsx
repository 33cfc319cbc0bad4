"use client";

import { useState } from "react";
import { COLUMN_TYPES, type BatchProfile, type ColumnSpec, type ColumnType } from "@/lib/data/types";
import { ProfileTable } from "./profile-table";

export interface Analysis {
  file: string;
  delimiter: string;
  columns: ColumnSpec[];
  profile: BatchProfile;
  warnings: string[];
  typeErrors: { message: string; column: string | null }[];
}

export interface ImportChoices {
  dataset: string;
  target?: string;
  positive?: string;
  id?: string;
  types: Record<string, ColumnType>;
  asOf?: string;
}

const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** The user's choices before import: dataset name, target and positive value, id column, column types. */
export function ImportForm(props: {
  analysis: Analysis;
  defaultDataset: string;
  disabled: boolean;
  onRetype: (types: Record<string, ColumnType>) => void;
  onImport: (choices: ImportChoices) => void;
}) {
  const { analysis } = props;
  const { profile } = analysis;
  const [dataset, setDataset] = useState(props.defaultDataset);
  const [target, setTarget] = useState("");
  const [positive, setPositive] = useState("");
  const [id, setId] = useState(profile.idColumn ?? "");
  const [asOf, setAsOf] = useState("");
  const [types, setTypes] = useState<Record<string, ColumnType>>({});
  const targetValues = profile.columns.find((c) => c.name === target)?.top.map((t) => t.value) ?? [];

  function retype(column: string, type: ColumnType) {
    const next = { ...types, [column]: type };
    setTypes(next);
    props.onRetype(next);
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    props.onImport({
      dataset,
      target: target || undefined,
      positive: target ? positive || undefined : undefined,
      id: id || undefined,
      types,
      asOf: asOf ? new Date(asOf).toISOString() : undefined,
    });
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      {analysis.warnings.length > 0 && (
        <ul className="space-y-1 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {analysis.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {analysis.typeErrors.length > 0 && (
        <ul role="alert" data-testid="type-errors" className="space-y-1 rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">
          {analysis.typeErrors.map((e) => (
            <li key={e.message}>{e.message}</li>
          ))}
        </ul>
      )}
      <ProfileTable profile={profile} typeOptions={COLUMN_TYPES} onTypeChange={props.disabled ? undefined : retype} />
      <div className="grid grid-cols-1 gap-4 md:grid-cols-5">
        <label className="text-sm">
          Dataset name
          <input className={field} value={dataset} onChange={(e) => setDataset(e.target.value)} required maxLength={100} />
        </label>
        <label className="text-sm">
          Target column
          <select className={field} value={target} onChange={(e) => { setTarget(e.target.value); setPositive(""); }}>
            <option value="">None (a batch to score)</option>
            {profile.columns.map((c) => (
              <option key={c.name} value={c.name}>{c.name}</option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          Positive value
          <select className={field} value={positive} onChange={(e) => setPositive(e.target.value)} disabled={!target}>
            <option value="">Detect (Yes, 1, true)</option>
            {targetValues.map((v) => (
              <option key={v} value={v}>{v}</option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          Customer id column
          <select className={field} value={id} onChange={(e) => setId(e.target.value)}>
            <option value="">None</option>
            {profile.columns.map((c) => (
              <option key={c.name} value={c.name}>{c.name}</option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          Data as of (optional)
          <input className={field} type="datetime-local" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
        </label>
      </div>
      <button type="submit" disabled={props.disabled || analysis.typeErrors.length > 0} className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-50">
        Import {profile.rows.toLocaleString("en-US")} rows
      </button>
    </form>
  );
}
