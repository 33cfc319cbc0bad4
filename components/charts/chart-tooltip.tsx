"use client";

import type { TooltipContentProps } from "recharts";

/** A Tooltip `content` that lists exact values of the hovered data point, one "label value" row each. */
export function pointTooltip<T>(rows: (point: T) => [label: string, value: string][]) {
  return function PointTooltip({ active, payload }: TooltipContentProps) {
    if (!active || !payload?.length) return null;
    return (
      <dl className="rounded border border-slate-200 bg-white px-3 py-2 text-xs shadow-sm">
        {rows(payload[0].payload as T).map(([label, value]) => (
          <div key={label} className="flex justify-between gap-4">
            <dt className="text-slate-500">{label}</dt>
            <dd className="tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
    );
  };
}

export const AXIS_TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1];
export const DIAGONAL = [
  { x: 0, y: 0 },
  { x: 1, y: 1 },
] as const;
