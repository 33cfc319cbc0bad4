"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCurveThreshold, formatExact } from "@/components/report/format";
import type { RocPoint } from "@/lib/metrics";
import { AXIS_TICKS, DIAGONAL, pointTooltip } from "./chart-tooltip";

const rocTooltip = pointTooltip<RocPoint>((p) => [
  ["Threshold", formatCurveThreshold(p.threshold)],
  ["False positive rate", formatExact(p.fpr)],
  ["True positive rate", formatExact(p.tpr)],
]);

/** ROC curve, one point per distinct score, with the diagonal a random ranking would draw. */
export function RocChart({ points }: { points: RocPoint[] }) {
  return (
    <div className="h-72 w-full" data-testid="roc-chart">
      <ResponsiveContainer>
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="fpr"
            domain={[0, 1]}
            ticks={AXIS_TICKS}
            fontSize={11}
            label={{ value: "False positive rate", position: "insideBottom", offset: -12, fontSize: 11 }}
          />
          <YAxis
            type="number"
            domain={[0, 1]}
            ticks={AXIS_TICKS}
            fontSize={11}
            label={{ value: "True positive rate", angle: -90, position: "insideLeft", fontSize: 11 }}
          />
          <ReferenceLine segment={DIAGONAL} stroke="#94a3b8" strokeDasharray="4 4" />
          <Tooltip content={rocTooltip} />
          <Line type="linear" dataKey="tpr" stroke="#0369a1" strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
