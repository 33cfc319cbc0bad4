"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { pointTooltip } from "./chart-tooltip";

export interface SignalPoint {
  at: string;
  value: number | null;
  severity: string;
}

const tooltip = pointTooltip<SignalPoint>((p) => [
  ["Evaluated", p.at],
  ["Value", p.value === null ? "undefined" : p.value.toFixed(4)],
  ["Severity", p.severity],
]);

/** A rule's evaluated values, oldest first, against its warning and critical thresholds. */
export function AlertSignalChart({ points, warning, critical, label }: { points: SignalPoint[]; warning: number | null; critical: number | null; label: string }) {
  return (
    <div className="h-56 w-full" data-testid="alert-signal-chart" role="img" aria-label={label}>
      <ResponsiveContainer>
        <LineChart data={points} margin={{ left: 8, right: 16, top: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="at" fontSize={11} />
          <YAxis fontSize={11} domain={["auto", "auto"]} />
          {warning !== null && <ReferenceLine y={warning} stroke="#d97706" strokeDasharray="4 4" label={{ value: `warning ${warning}`, position: "insideTopRight", fontSize: 10, fill: "#d97706" }} />}
          {critical !== null && <ReferenceLine y={critical} stroke="#e11d48" strokeDasharray="4 4" label={{ value: `critical ${critical}`, position: "insideBottomRight", fontSize: 10, fill: "#e11d48" }} />}
          <Tooltip content={tooltip} />
          <Line dataKey="value" stroke="#0369a1" isAnimationActive={false} dot connectNulls={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
