"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatInt, formatPercent } from "@/lib/format";

interface Point {
  name: string;
  missingRate: number;
  missing: number;
}

/** Share of blank cells per column; the table beside it is the accessible view of the same numbers. */
export function MissingRateChart({ columns }: { columns: Point[] }) {
  const anyMissing = columns.some((c) => c.missing > 0);
  if (!anyMissing) return <p className="text-sm text-slate-600">No column has blank cells.</p>;
  return (
    <div className="h-64 w-full" data-testid="missing-rate-chart">
      <ResponsiveContainer>
        <BarChart data={columns} margin={{ left: 8, right: 8, bottom: 48 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" angle={-40} textAnchor="end" interval={0} fontSize={11} />
          <YAxis tickFormatter={(v: number) => formatPercent(v, v < 0.1 ? 1 : 0)} fontSize={11} />
          <Tooltip
            formatter={(value, _name, item) => [`${formatPercent(Number(value), 2)} (${formatInt((item.payload as Point).missing)} rows)`, "Missing"]}
          />
          <Bar dataKey="missingRate" fill="#0369a1" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
