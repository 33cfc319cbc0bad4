import Link from "next/link";
import { formatDateTime, formatInt } from "@/lib/format";

export interface BatchRow {
  id: number;
  datasetName: string;
  asOf: Date;
  source: string;
  sourceDetail: string;
  rowCount: number;
  targetColumn: string | null;
}

export function BatchTable({ batches }: { batches: BatchRow[] }) {
  return (
    <table className="w-full text-left text-sm">
      <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
        <tr>
          <th className="py-2 pr-4">Batch</th>
          <th className="py-2 pr-4">Dataset</th>
          <th className="py-2 pr-4">As of</th>
          <th className="py-2 pr-4">Source</th>
          <th className="py-2 pr-4 text-right">Rows</th>
          <th className="py-2">Target</th>
        </tr>
      </thead>
      <tbody>
        {batches.map((batch) => (
          <tr key={batch.id} className="border-b border-slate-100 last:border-0">
            <td className="py-2 pr-4">
              <Link className="font-medium text-sky-700 hover:underline" href={`/data/batches/${batch.id}`}>
                #{batch.id}
              </Link>
            </td>
            <td className="py-2 pr-4">{batch.datasetName}</td>
            <td className="py-2 pr-4 tabular-nums">{formatDateTime(batch.asOf)}</td>
            <td className="py-2 pr-4">
              {batch.source} <span className="text-slate-500">{batch.sourceDetail}</span>
            </td>
            <td className="py-2 pr-4 text-right tabular-nums">{formatInt(batch.rowCount)}</td>
            <td className="py-2">{batch.targetColumn ?? <span className="text-slate-400">none</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
