"use client";

import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatPercent } from "@/lib/format";
import { pointTooltip } from "./chart-tooltip";

export interface DistributionBin {
  label: string;
  reference: number;
  current: number;
  /** The bin of values the reference never had: drawn in its own colour. */
  unseen: boolean;
}

const tooltip = pointTooltip<DistributionBin>((b) => [
  ["Bin", b.unseen ? `${b.label} — not in the reference` : b.label],
  ["Reference", formatPercent(b.reference, 2)],
  ["Current", formatPercent(b.current, 2)],
  ["Change", `${b.current >= b.reference ? "+" : ""}${((b.current - b.reference) * 100).toFixed(2)} pts`],
]);

/** A tick short enough to fit below its bar; the tooltip and the table view give the whole label. */
const MAX_TICK = 20;
const shortLabel = (label: string) => (label.length > MAX_TICK ? `${label.slice(0, MAX_TICK - 1)}…` : label);

/** Reference vs current share per profile bin, side by side. */
export function DistributionChart({ bins, testId }: { bins: DistributionBin[]; testId: string }) {
  return (
    <div className="h-64 w-full" data-testid={testId}>
      <ResponsiveContainer>
        <BarChart data={bins} margin={{ left: 24, right: 16, top: 8, bottom: 40 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" angle={-30} textAnchor="end" interval={0} fontSize={10} tickFormatter={shortLabel} />
          <YAxis tickFormatter={(v: number) => formatPercent(v, 0)} fontSize={11} />
          <Tooltip content={tooltip} />
          <Legend verticalAlign="top" height={24} />
          <Bar dataKey="reference" name="Reference" fill="#94a3b8" isAnimationActive={false} />
          <Bar dataKey="current" name="Current" fill="#0369a1" isAnimationActive={false}>
            {bins.map((b, i) => <Cell key={i} fill={b.unseen ? "#e11d48" : "#0369a1"} />)}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
