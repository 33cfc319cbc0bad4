"use client";

import { useId, useState } from "react";
import type { Confusion } from "@/lib/metrics/threshold";
import { ratio, REASONS, type Metric } from "@/lib/metrics/types";
import { formatInt, formatPercent } from "@/lib/format";
import { MetricValue } from "./metric-value";

type Row = { threshold: number } & Confusion;

const nearest = (rows: Row[], t: number) =>
  rows.reduce((best, row, i) => (Math.abs(row.threshold - t) < Math.abs(rows[best].threshold - t) ? i : best), 0);

/** The 2×2 matrix at a threshold picked on the 0.01 grid the report precomputed. */
export function ConfusionMatrix({ rows, decisionThreshold }: { rows: Row[]; decisionThreshold: number }) {
  const start = nearest(rows, decisionThreshold);
  const [index, setIndex] = useState(start);
  const inputId = useId();
  const { threshold, tp, fp, fn, tn } = rows[index];
  const n = tp + fp + fn + tn;
  const derived: [string, string, Metric][] = [
    ["Precision", "precision", ratio(tp, tp + fp, REASONS.noPredictedPositives)],
    ["Recall", "recall", ratio(tp, tp + fn, REASONS.noActualPositives)],
    ["F1", "f1", ratio(2 * tp, 2 * tp + fp + fn, REASONS.noF1Support)],
    ["Accuracy", "accuracy", ratio(tp + tn, n, REASONS.noRows)],
  ];
  return (
    <div data-testid="confusion-matrix">
      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor={inputId} className="text-sm font-medium text-slate-700">
          Decision threshold
        </label>
        <input
          id={inputId}
          type="range"
          min={0}
          max={1}
          step={0.01}
          value={threshold}
          onChange={(e) => setIndex(nearest(rows, Number(e.target.value)))}
          className="w-64"
        />
        <output htmlFor={inputId} data-testid="threshold-value" className="font-semibold tabular-nums">
          {threshold.toFixed(2)}
        </output>
        {index !== start && (
          <button type="button" onClick={() => setIndex(start)} className="text-sm text-sky-700 underline">
            Reset to {rows[start].threshold.toFixed(2)}
          </button>
        )}
      </div>
      <p className="mt-1 text-xs text-slate-500">
        A row is predicted positive when its probability is at least the threshold.
        {rows[start].threshold !== decisionThreshold && ` Starts at the grid step nearest the pipeline's threshold ${decisionThreshold}.`}
      </p>
      <div className="mt-4 flex flex-wrap gap-8">
        <table className="text-sm" aria-label="Confusion matrix">
          <thead>
            <tr>
              <td />
              <th scope="col" className="whitespace-nowrap px-4 py-2 text-xs font-medium text-slate-500">Predicted positive</th>
              <th scope="col" className="whitespace-nowrap px-4 py-2 text-xs font-medium text-slate-500">Predicted negative</th>
            </tr>
          </thead>
          <tbody className="text-center text-lg font-semibold tabular-nums">
            <tr>
              <th scope="row" className="whitespace-nowrap px-4 py-2 text-right text-xs font-medium text-slate-500">Actual positive</th>
              <Cell label="True positives" testId="cm-tp" count={tp} good />
              <Cell label="False negatives" testId="cm-fn" count={fn} />
            </tr>
            <tr>
              <th scope="row" className="whitespace-nowrap px-4 py-2 text-right text-xs font-medium text-slate-500">Actual negative</th>
              <Cell label="False positives" testId="cm-fp" count={fp} />
              <Cell label="True negatives" testId="cm-tn" count={tn} good />
            </tr>
          </tbody>
        </table>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm">
          {derived.map(([label, key, metric]) => (
            <div key={key}>
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
              <dd className="font-semibold" data-testid={`threshold-${key}`}>
                <MetricValue value={metric.value} reason={metric.reason} />
              </dd>
            </div>
          ))}
          <div className="col-span-2">
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Flagged as positive</dt>
            <dd data-testid="threshold-flagged">
              {formatInt(tp + fp)} of {formatInt(n)} rows{n > 0 && ` (${formatPercent((tp + fp) / n)})`}
            </dd>
          </div>
        </dl>
      </div>
    </div>
  );
}

function Cell({ label, testId, count, good = false }: { label: string; testId: string; count: number; good?: boolean }) {
  return (
    <td aria-label={label} title={label} data-testid={testId} className={`h-20 w-36 border border-white ${good ? "bg-emerald-50" : "bg-rose-50"}`}>
      {formatInt(count)}
    </td>
  );
}
