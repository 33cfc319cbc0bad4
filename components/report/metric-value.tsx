import { formatMetric } from "./format";

/** A metric's number, or "—" with the reason it is undefined (never NaN or a 0 that hides a 0/0). */
export function MetricValue({ value, reason, format = formatMetric }: { value: number | null; reason?: string; format?: (value: number) => string }) {
  if (value !== null) return <span className="tabular-nums">{format(value)}</span>;
  return (
    <span>
      —<span className="mt-0.5 block text-xs font-normal text-slate-500">{reason ?? "not computed"}</span>
    </span>
  );
}

/** Shown in place of a chart when the curve is undefined for this test set. */
export function Unavailable({ testId, reason }: { testId: string; reason: string }) {
  return (
    <p data-testid={testId} className="rounded border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-600">
      Not available: {reason}
    </p>
  );
}
