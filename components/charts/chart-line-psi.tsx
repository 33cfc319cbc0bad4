"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { pointTooltip } from "./chart-tooltip";

export interface PsiPoint {
  batch: string;
  psi: number | null;
  severity: string;
}

interface Props {
  points: PsiPoint[];
  /** The warning and critical thresholds, drawn so a glance shows which batches crossed them. */
  lines: { y: number; label: string; color: string }[];
  testId: string;
}

const tooltip = pointTooltip<PsiPoint>((p) => [
  ["Batch", p.batch],
  ["PSI", p.psi === null ? "—" : p.psi.toFixed(4)],
  ["Severity", p.severity],
]);

/** PSI of one feature (or of the scores) per batch, with the threshold lines. */
export function PsiLineChart({ points, lines, testId }: Props) {
  const top = Math.max(0.3, ...points.map((p) => p.psi ?? 0)) * 1.1;
  return (
    <div className="h-56 w-full" data-testid={testId}>
      <ResponsiveContainer>
        <LineChart data={points} margin={{ left: 8, right: 16, top: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="batch" fontSize={11} />
          <YAxis domain={[0, Number(top.toFixed(2))]} fontSize={11} />
          {lines.map((l) => (
            <ReferenceLine key={l.y} y={l.y} stroke={l.color} strokeDasharray="4 4" label={{ value: l.label, position: "insideTopRight", fontSize: 10, fill: l.color }} />
          ))}
          <Tooltip content={tooltip} />
          <Line dataKey="psi" stroke="#0369a1" isAnimationActive={false} dot connectNulls={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
