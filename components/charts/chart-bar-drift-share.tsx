"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatPercent } from "@/lib/format";
import { pointTooltip } from "./chart-tooltip";

export interface DriftSharePoint {
  batch: string;
  share: number | null;
}

const tooltip = pointTooltip<DriftSharePoint>((p) => [
  ["Batch", p.batch],
  ["Drifted features", p.share === null ? "—" : formatPercent(p.share, 1)],
]);

/** Share of features at warning or worse, per batch: how much of the dataset moved at once. */
export function DriftShareChart({ points }: { points: DriftSharePoint[] }) {
  return (
    <div className="h-48 w-full" data-testid="drift-share-chart">
      <ResponsiveContainer>
        <BarChart data={points} margin={{ left: 8, right: 16, top: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="batch" fontSize={11} />
          <YAxis domain={[0, 1]} tickFormatter={(v: number) => formatPercent(v, 0)} fontSize={11} />
          <Tooltip content={tooltip} />
          <Bar dataKey="share" fill="#0369a1" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
