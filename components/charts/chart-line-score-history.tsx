"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDateTime, formatPercent } from "@/lib/format";

interface Point {
  at: number;
  probability: number;
  label: string;
}

/** One customer's probability over scoring runs, with the default band cut-offs drawn. */
export function ScoreHistoryChart({ points }: { points: Point[] }) {
  if (points.length < 2) return <p className="text-sm text-slate-600">One score so far; the history appears after the next scoring run.</p>;
  return (
    <div className="h-56" data-testid="score-history-chart">
      <ResponsiveContainer>
        <LineChart data={points} margin={{ left: 8, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="at" type="number" domain={["dataMin", "dataMax"]} scale="time" fontSize={11} tickFormatter={(v: number) => new Date(v).toISOString().slice(0, 10)} />
          <YAxis domain={[0, 1]} fontSize={11} tickFormatter={(v: number) => formatPercent(v, 0)} />
          <ReferenceLine y={0.6} stroke="#be123c" strokeDasharray="4 4" />
          <ReferenceLine y={0.3} stroke="#d97706" strokeDasharray="4 4" />
          <Tooltip labelFormatter={(v) => formatDateTime(Number(v))} formatter={(value, _n, item) => [formatPercent(Number(value), 1), (item.payload as Point).label]} />
          <Line dataKey="probability" stroke="#0369a1" isAnimationActive={false} dot />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
