"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCurveThreshold, formatExact } from "@/components/report/format";
import { formatPercent } from "@/lib/format";
import type { PrPoint } from "@/lib/metrics";
import { AXIS_TICKS, pointTooltip } from "./chart-tooltip";

const prTooltip = pointTooltip<PrPoint>((p) => [
  ["Threshold", formatCurveThreshold(p.threshold)],
  ["Recall", formatExact(p.recall)],
  ["Precision", formatExact(p.precision)],
]);

/** Precision–recall curve with the base rate: the precision of picking rows at random. */
export function PrChart({ points, baseRate }: { points: PrPoint[]; baseRate: number }) {
  return (
    <div className="h-72 w-full" data-testid="pr-chart">
      <ResponsiveContainer>
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="recall"
            domain={[0, 1]}
            ticks={AXIS_TICKS}
            fontSize={11}
            label={{ value: "Recall", position: "insideBottom", offset: -12, fontSize: 11 }}
          />
          <YAxis
            type="number"
            domain={[0, 1]}
            ticks={AXIS_TICKS}
            fontSize={11}
            label={{ value: "Precision", angle: -90, position: "insideLeft", fontSize: 11 }}
          />
          <ReferenceLine
            y={baseRate}
            stroke="#94a3b8"
            strokeDasharray="4 4"
            label={{ value: `base rate ${formatPercent(baseRate)}`, position: "insideBottomLeft", fontSize: 11, fill: "#64748b" }}
          />
          <Tooltip content={prTooltip} />
          {/* Steps, not straight lines: the area under them is the average precision reported as PR AUC. */}
          <Line type="stepBefore" dataKey="precision" stroke="#0369a1" strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
