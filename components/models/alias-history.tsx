"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { rollbackChampion } from "@/lib/actions/models";
import { formatDateTime } from "@/lib/format";

export interface AliasMove {
  id: number;
  alias: string;
  modelVersionId: number;
  version: number;
  previousVersion: number | null;
  actor: string;
  reason: string;
  at: string;
}

/** Every alias move (who, when, why, what it replaced) and the one-click rollback of the champion. */
export function AliasHistory({ pipelineId, moves, canRollback }: { pipelineId: number; moves: AliasMove[]; canRollback: boolean }) {
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const rollbackPossible = moves.some((m) => m.alias === "champion" && m.previousVersion !== null);
  return (
    <div className="space-y-3">
      {canRollback && rollbackPossible && (
        <div className="flex items-center gap-3">
          <button
            type="button"
            disabled={pending}
            onClick={() => startTransition(async () => setMessage((await rollbackChampion(pipelineId, "rolled back from the pipeline page")).message))}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100"
          >
            Roll back champion
          </button>
          {message && <span role="status" className="text-sm text-slate-700">{message}</span>}
        </div>
      )}
      {moves.length === 0 ? (
        <p className="text-sm text-slate-600">No alias has moved yet.</p>
      ) : (
        <table className="w-full text-left text-sm" aria-label="Alias history">
          <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
            <tr><th className="py-2 pr-4">When</th><th className="py-2 pr-4">Alias</th><th className="py-2 pr-4">Version</th><th className="py-2 pr-4">Replaced</th><th className="py-2 pr-4">Who</th><th className="py-2">Why</th></tr>
          </thead>
          <tbody>
            {moves.map((m) => (
              <tr key={m.id} className="border-b border-slate-100 last:border-0">
                <td className="py-2 pr-4 tabular-nums">{formatDateTime(new Date(m.at))}</td>
                <td className="py-2 pr-4">{m.alias}</td>
                <td className="py-2 pr-4"><Link className="text-sky-700 hover:underline" href={`/models/${m.modelVersionId}`}>v{m.version}</Link></td>
                <td className="py-2 pr-4">{m.previousVersion ? `v${m.previousVersion}` : "—"}</td>
                <td className="py-2 pr-4">{m.actor}</td>
                <td className="break-all py-2">{m.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
