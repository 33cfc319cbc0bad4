import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatPercent } from "@/lib/format";

export interface ScoreRow {
  entityId: string;
  probability: number;
  previousProbability: number | null;
  band: "high" | "medium" | "low";
  reasons: string[];
  version: number;
}

const TONE = { high: "critical", medium: "warning", low: "good" } as const;

/** Change since the previous scoring run, in percentage points. */
export function Change({ now, before }: { now: number; before: number | null }) {
  if (before === null) return <span className="text-slate-400">new</span>;
  const points = (now - before) * 100;
  if (Math.abs(points) < 0.05) return <span className="text-slate-500">no change</span>;
  return <span className={points > 0 ? "text-rose-700" : "text-emerald-700"}>{points > 0 ? "▲" : "▼"} {Math.abs(points).toFixed(1)} pts</span>;
}

export function ScoresTable({ rows }: { rows: ScoreRow[] }) {
  if (rows.length === 0) return <p className="py-6 text-center text-sm text-slate-600">No customers match these filters.</p>;
  return (
    <table className="w-full text-left text-sm" aria-label="Customer scores">
      <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
        <tr><th className="py-2 pr-4">Customer</th><th className="py-2 pr-4 text-right">Churn probability</th><th className="py-2 pr-4">Band</th><th className="py-2 pr-4">Change</th><th className="py-2">Top reasons</th></tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.entityId} className="border-b border-slate-100 align-top last:border-0">
            <td className="whitespace-nowrap py-2 pr-4"><Link className="font-medium text-sky-700 hover:underline" href={`/scores/${encodeURIComponent(row.entityId)}`}>{row.entityId}</Link></td>
            <td className="py-2 pr-4 text-right tabular-nums">{formatPercent(row.probability)}</td>
            <td className="py-2 pr-4"><Badge tone={TONE[row.band]}>{row.band}</Badge></td>
            <td className="py-2 pr-4 tabular-nums"><Change now={row.probability} before={row.previousProbability} /></td>
            <td className="py-2 text-slate-700">{row.reasons.join("; ") || "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
