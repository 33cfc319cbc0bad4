import Link from "next/link";
import { formatDateTime, formatInt, formatNumber } from "@/lib/format";

export interface VersionRow {
  id: number;
  pipelineName: string;
  version: number;
  engine: string;
  createdAt: Date;
  rocAuc: number | null;
  testRows: number;
}

export function VersionTable({ versions, showPipeline = false }: { versions: VersionRow[]; showPipeline?: boolean }) {
  if (versions.length === 0) return <p className="text-sm text-slate-600">No versions yet: a successful run registers one.</p>;
  return (
    <table className="w-full text-left text-sm">
      <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
        <tr>
          {showPipeline && <th className="py-2 pr-4">Pipeline</th>}
          <th className="py-2 pr-4">Version</th><th className="py-2 pr-4">Engine</th><th className="py-2 pr-4 text-right">ROC AUC</th><th className="py-2 pr-4 text-right">Test rows</th><th className="py-2">Created</th>
        </tr>
      </thead>
      <tbody>
        {versions.map((v) => (
          <tr key={v.id} className="border-b border-slate-100 last:border-0">
            {showPipeline && <td className="py-2 pr-4">{v.pipelineName}</td>}
            <td className="py-2 pr-4"><Link className="font-medium text-sky-700 hover:underline" href={`/models/${v.id}`}>v{v.version}</Link></td>
            <td className="py-2 pr-4">{v.engine}</td>
            <td className="py-2 pr-4 text-right tabular-nums">{formatNumber(v.rocAuc, 4)}</td>
            <td className="py-2 pr-4 text-right tabular-nums">{formatInt(v.testRows)}</td>
            <td className="py-2 tabular-nums">{formatDateTime(v.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
