"use client";

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatInt, formatPercent } from "@/lib/format";

const BANDS = [
  { band: "high", label: "High risk", color: "#be123c" },
  { band: "medium", label: "Medium risk", color: "#d97706" },
  { band: "low", label: "Low risk", color: "#059669" },
] as const;

/** Customers per risk band: the chart, and the same numbers as text beside it. */
export function BandDistribution({ counts }: { counts: { band: string; n: number }[] }) {
  const total = counts.reduce((sum, c) => sum + c.n, 0);
  const data = BANDS.map(({ band, label, color }) => ({ label, color, n: counts.find((c) => c.band === band)?.n ?? 0 }));
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-[1fr_14rem]">
      <div className="h-40" data-testid="band-chart">
        <ResponsiveContainer>
          <BarChart data={data} layout="vertical" margin={{ left: 24 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" fontSize={11} tickFormatter={(v: number) => formatInt(v)} />
            <YAxis type="category" dataKey="label" fontSize={12} width={90} />
            <Tooltip formatter={(value) => [`${formatInt(Number(value))} (${formatPercent(Number(value) / Math.max(total, 1))})`, "Customers"]} />
            <Bar dataKey="n" isAnimationActive={false}>
              {data.map((d) => <Cell key={d.label} fill={d.color} />)}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <dl className="space-y-1 text-sm" aria-label="Customers per band">
        {data.map((d) => (
          <div key={d.label} className="flex justify-between">
            <dt>{d.label}</dt>
            <dd className="tabular-nums">{formatInt(d.n)} ({formatPercent(d.n / Math.max(total, 1))})</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
