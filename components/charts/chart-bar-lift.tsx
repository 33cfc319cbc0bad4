"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatExact } from "@/components/report/format";
import { formatInt, formatNumber, formatPercent } from "@/lib/format";
import type { DecileRow } from "@/lib/metrics";
import { pointTooltip } from "./chart-tooltip";

type Row = DecileRow & { randomGain: number };

const liftTooltip = pointTooltip<Row>((d) => [
  ["Decile", String(d.decile)],
  ["Rows", formatInt(d.rows)],
  // Fractional where a tie group straddles the decile boundary.
  ["Positives", formatNumber(d.positives, 2)],
  ["Positive rate", formatExact(d.rate)],
  ["Lift", formatExact(d.lift)],
  ["Cumulative gain", formatExact(d.cumulativeGain)],
]);

/** Lift per decile (bars, left axis) and cumulative gains (line, right axis) against random picking. */
export function LiftChart({ deciles }: { deciles: DecileRow[] }) {
  const data: Row[] = deciles.map((d) => ({ ...d, randomGain: d.decile / deciles.length }));
  const ticks = liftTicks(Math.max(1, ...deciles.map((d) => d.lift)));
  return (
    <div className="h-72 w-full" data-testid="lift-chart">
      <ResponsiveContainer>
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="decile"
            fontSize={11}
            label={{ value: "Decile (1 = highest scores)", position: "insideBottom", offset: -12, fontSize: 11 }}
          />
          <YAxis yAxisId="lift" domain={[0, ticks[ticks.length - 1]]} ticks={ticks} fontSize={11} label={{ value: "Lift", angle: -90, position: "insideLeft", fontSize: 11 }} />
          <YAxis yAxisId="gain" orientation="right" domain={[0, 1]} tickFormatter={(v: number) => formatPercent(v, 0)} fontSize={11} />
          <ReferenceLine yAxisId="lift" y={1} stroke="#94a3b8" strokeDasharray="4 4" />
          <Tooltip content={liftTooltip} />
          <Legend verticalAlign="top" height={24} wrapperStyle={{ fontSize: 11 }} />
          <Bar yAxisId="lift" dataKey="lift" name="Lift" fill="#0369a1" isAnimationActive={false} />
          <Line yAxisId="gain" dataKey="cumulativeGain" name="Cumulative gain" stroke="#b45309" strokeWidth={2} isAnimationActive={false} />
          <Line
            yAxisId="gain"
            dataKey="randomGain"
            name="Random gain"
            stroke="#94a3b8"
            strokeDasharray="4 4"
            dot={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Round steps (0.5 up to lift 3, whole numbers above) instead of the axis' default 0.45s. */
function liftTicks(max: number): number[] {
  const step = max <= 3 ? 0.5 : Math.ceil(max / 6);
  return Array.from({ length: Math.ceil(max / step) + 1 }, (_, i) => i * step);
}
