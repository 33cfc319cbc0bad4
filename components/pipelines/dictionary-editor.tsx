"use client";

import { useState, useTransition } from "react";
import { updateDictionary } from "@/lib/actions/pipeline-settings";
import type { FeatureDefinition } from "@/lib/pipeline/types";

const cell = "w-full rounded border border-slate-300 px-1.5 py-1 text-sm disabled:bg-slate-50";

/** The data dictionary, editable by those who configure pipelines; versions freeze it when trained. */
type Row = Omit<FeatureDefinition, "psiWarning" | "psiCritical"> & { psiWarning: string; psiCritical: string };
type Editable = "description" | "transformation" | "owner" | "psiWarning" | "psiCritical";

export function DictionaryEditor({ pipelineId, features, editable }: { pipelineId: number; features: FeatureDefinition[]; editable: boolean }) {
  const [entries, setEntries] = useState<Row[]>(() =>
    features.map((f) => ({ ...f, psiWarning: f.psiWarning?.toString() ?? "", psiCritical: f.psiCritical?.toString() ?? "" })),
  );
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const edit = (index: number, field: Editable, value: string) =>
    setEntries((current) => current.map((entry, i) => (i === index ? { ...entry, [field]: value } : entry)));
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" aria-label="Data dictionary">
          <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
            <tr><th className="py-2 pr-3">Feature</th><th className="py-2 pr-3">Type</th><th className="py-2 pr-3">Description</th><th className="py-2 pr-3">Transformation</th><th className="py-2 pr-3">Owner note</th><th className="py-2" title="Blank: warning 0.1, critical 0.25">PSI warning / critical</th></tr>
          </thead>
          <tbody>
            {entries.map((entry, i) => (
              <tr key={entry.name} className="border-b border-slate-100 last:border-0">
                <th scope="row" className="py-1.5 pr-3 font-medium">{entry.name}</th>
                <td className="py-1.5 pr-3 text-slate-600">{entry.kind}</td>
                <td className="py-1.5 pr-3"><input aria-label={`Description of ${entry.name}`} className={cell} disabled={!editable} value={entry.description} maxLength={500} onChange={(e) => edit(i, "description", e.target.value)} /></td>
                <td className="py-1.5 pr-3"><input aria-label={`Transformation of ${entry.name}`} className={cell} disabled={!editable} value={entry.transformation} maxLength={300} onChange={(e) => edit(i, "transformation", e.target.value)} /></td>
                <td className="py-1.5 pr-3"><input aria-label={`Owner note of ${entry.name}`} className={cell} disabled={!editable} value={entry.owner} maxLength={200} onChange={(e) => edit(i, "owner", e.target.value)} /></td>
                <td className="flex gap-1 py-1.5">
                  <input aria-label={`PSI warning of ${entry.name}`} placeholder="0.1" inputMode="decimal" className={`${cell} w-16`} disabled={!editable} value={entry.psiWarning} onChange={(e) => edit(i, "psiWarning", e.target.value)} />
                  <input aria-label={`PSI critical of ${entry.name}`} placeholder="0.25" inputMode="decimal" className={`${cell} w-16`} disabled={!editable} value={entry.psiCritical} onChange={(e) => edit(i, "psiCritical", e.target.value)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editable && (
        <div className="flex items-center gap-3">
          <button
            type="button"
            disabled={pending}
            onClick={() => startTransition(async () => {
              const result = await updateDictionary(pipelineId, entries);
              setMessage({ ok: result.ok, text: result.message ?? "" });
            })}
            className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-50"
          >
            Save dictionary
          </button>
          {message && <span role="status" className={`text-sm ${message.ok ? "text-emerald-800" : "text-rose-800"}`}>{message.text}</span>}
        </div>
      )}
    </div>
  );
}
