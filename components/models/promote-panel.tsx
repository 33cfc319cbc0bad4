"use client";

import { useState, useTransition } from "react";
import { promoteVersion } from "@/lib/actions/models";
import type { GateResult } from "@/lib/pipeline/types";

/** Gate results and, for those allowed, the promote control; a failing gate needs an admin and a reason. */
export function PromotePanel(props: { versionId: number; gates: GateResult[]; isChampion: boolean; canPromote: boolean; canOverride: boolean }) {
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const failing = props.gates.some((gate) => !gate.passed);
  const blocked = failing && !props.canOverride;
  return (
    <div className="space-y-3" data-testid="promote-panel">
      <ul className="space-y-1 text-sm" aria-label="Gate results">
        {props.gates.length === 0 && <li className="text-slate-600">This version was registered without gates.</li>}
        {props.gates.map((gate) => (
          <li key={gate.message} className={gate.passed ? "text-emerald-800" : "text-rose-800"}>
            {gate.passed ? "✓ passed" : "✗ failed"} — {gate.message}
          </li>
        ))}
      </ul>
      {props.isChampion ? (
        <p className="text-sm font-medium text-emerald-800">This version is the champion.</p>
      ) : props.canPromote ? (
        <div className="flex flex-wrap items-end gap-2">
          <label className="min-w-64 flex-1 text-sm">
            Reason{failing ? " (required: a gate failed)" : " (optional)"}
            <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
          </label>
          <button
            type="button"
            disabled={pending || blocked}
            onClick={() => startTransition(async () => {
              const result = await promoteVersion(props.versionId, reason);
              setMessage({ ok: result.ok, text: result.message });
            })}
            className="rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-50"
          >
            Promote to champion
          </button>
          {blocked && <p className="w-full text-sm text-slate-600">A gate failed: only an admin can promote this version, with a reason.</p>}
        </div>
      ) : null}
      {message && <p role="status" data-testid="promote-message" className={`text-sm ${message.ok ? "text-emerald-800" : "text-rose-800"}`}>{message.text}</p>}
    </div>
  );
}
