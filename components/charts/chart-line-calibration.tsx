"use client";

import { CartesianGrid, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from "recharts";
import { formatExact } from "@/components/report/format";
import { formatInt } from "@/lib/format";
import type { CalibrationBin } from "@/lib/metrics";
import { AXIS_TICKS, DIAGONAL, pointTooltip } from "./chart-tooltip";

type FilledBin = CalibrationBin & { meanPredicted: number; observedRate: number };

const calibrationTooltip = pointTooltip<FilledBin>((b) => [
  ["Bin", `${b.lower.toFixed(1)}–${b.upper.toFixed(1)}`],
  ["Rows", formatInt(b.count)],
  ["Mean predicted", formatExact(b.meanPredicted)],
  ["Observed rate", formatExact(b.observedRate)],
]);

/** Reliability curve: a well-calibrated model sits on the diagonal. Point area grows with the bin's rows. */
export function CalibrationChart({ bins }: { bins: CalibrationBin[] }) {
  const filled = bins.filter((b): b is FilledBin => b.count > 0 && b.meanPredicted !== null && b.observedRate !== null);
  return (
    <div className="h-72 w-full" data-testid="calibration-chart">
      <ResponsiveContainer>
        <ScatterChart margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="meanPredicted"
            domain={[0, 1]}
            ticks={AXIS_TICKS}
            fontSize={11}
            label={{ value: "Mean predicted probability", position: "insideBottom", offset: -12, fontSize: 11 }}
          />
          <YAxis
            type="number"
            dataKey="observedRate"
            domain={[0, 1]}
            ticks={AXIS_TICKS}
            fontSize={11}
            label={{ value: "Observed positive rate", angle: -90, position: "insideLeft", fontSize: 11 }}
          />
          <ZAxis type="number" dataKey="count" range={[30, 400]} />
          <ReferenceLine segment={DIAGONAL} stroke="#94a3b8" strokeDasharray="4 4" />
          <Tooltip content={calibrationTooltip} cursor={{ strokeDasharray: "3 3" }} />
          <Scatter data={filled} fill="#0369a1" line={{ stroke: "#0369a1" }} isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
