"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { pointTooltip } from "./chart-tooltip";

export interface PerformanceChartPoint {
  run: string;
  estimated: number | null;
  realised: number | null;
}

interface Props {
  points: PerformanceChartPoint[];
  metric: string;
  /** The gate floor, drawn so a glance shows when the model fell below what it was promoted on. */
  floor: number | null;
  /** 1 for rates; "auto" for Brier, whose values sit near 0 and would be a flat line on [0, 1]. */
  yMax: number | "auto";
  testId: string;
}

const shown = (v: number | null, missing: string) => (v === null ? missing : v.toFixed(4));

/** One metric per scoring run: estimated dashed (no labels needed), realised solid (once labels arrive). */
export function PerformanceLineChart({ points, metric, floor, yMax, testId }: Props) {
  const tooltip = pointTooltip<PerformanceChartPoint>((p) => [
    ["Run", p.run],
    [`${metric} (estimated)`, shown(p.estimated, "—")],
    [`${metric} (realised)`, shown(p.realised, "no labels yet")],
  ]);
  return (
    <div className="h-48 w-full" data-testid={testId}>
      <ResponsiveContainer>
        <LineChart data={points} margin={{ left: 8, right: 16, top: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="run" fontSize={11} />
          <YAxis domain={[0, yMax]} fontSize={11} />
          {floor !== null && (
            <ReferenceLine y={floor} stroke="#be123c" strokeDasharray="4 4" label={{ value: `gate floor ${floor}`, position: "insideBottomRight", fontSize: 10, fill: "#be123c" }} />
          )}
          <Tooltip content={tooltip} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          <Line name="estimated" dataKey="estimated" stroke="#0369a1" strokeDasharray="5 4" isAnimationActive={false} dot connectNulls={false} />
          <Line name="realised" dataKey="realised" stroke="#15803d" isAnimationActive={false} dot connectNulls={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
