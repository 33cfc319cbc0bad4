"use client";

import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, ErrorBar, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatExact } from "@/components/report/format";
import { formatPercent } from "@/lib/format";
import { pointTooltip } from "./chart-tooltip";

export interface ImportanceRow {
  feature: string;
  impurity: number;
  permutation: number | null;
  permutationStd: number | null;
}

const importanceTooltip = pointTooltip<ImportanceRow>((r) => [
  ["Feature", r.feature],
  ["Impurity share", formatPercent(r.impurity, 2)],
  ["Permutation", r.permutation === null ? "—" : `${formatExact(r.permutation)} ± ${formatExact(r.permutationStd ?? 0)}`],
]);

/**
 * Impurity share, then permutation importance with its std when it was computed: different units, so
 * each gets its own chart, features in the same order.
 */
export function ImportanceChart({ rows, permutationLabel }: { rows: ImportanceRow[]; permutationLabel: string }) {
  const withPermutation = rows.some((r) => r.permutation !== null);
  // A single-leaf tree gives every feature 0; keep the axis at 0–100% rather than a meaningless scale.
  const impurityDomain: [number, number | "auto"] = [0, rows.some((r) => r.impurity > 0) ? "auto" : 1];
  const height = 56 + rows.length * 26;
  return (
    <div className="w-full space-y-3" data-testid="importance-chart">
      <Bars title="Impurity share" height={height} rows={rows}>
        <XAxis type="number" domain={impurityDomain} tickFormatter={(v: number) => formatPercent(v, 0)} fontSize={11} />
        <Bar dataKey="impurity" name="Impurity share" fill="#0369a1" isAnimationActive={false} />
      </Bars>
      {withPermutation && (
        <Bars title={permutationLabel} height={height} rows={rows}>
          <XAxis type="number" fontSize={11} />
          <Bar dataKey="permutation" name={permutationLabel} fill="#b45309" isAnimationActive={false}>
            <ErrorBar dataKey="permutationStd" direction="x" width={4} stroke="#334155" />
          </Bar>
        </Bars>
      )}
    </div>
  );
}

function Bars({ title, height, rows, children }: { title: string; height: number; rows: ImportanceRow[]; children: ReactNode }) {
  return (
    <figure>
      <figcaption className="text-xs font-medium text-slate-600">{title}</figcaption>
      <div style={{ height }}>
        <ResponsiveContainer>
          <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <YAxis type="category" dataKey="feature" width={140} fontSize={11} interval={0} />
            <Tooltip content={importanceTooltip} />
            {children}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
