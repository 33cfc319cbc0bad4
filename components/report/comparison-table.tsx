import { SCALAR_METRICS, type Evaluation, type ScalarMetric } from "@/lib/metrics";
import type { ValidationReport } from "@/lib/training/types";
import { formatDelta, LOWER_IS_BETTER, METRIC_LABELS } from "./format";
import { MetricValue } from "./metric-value";

/** This model against the constant baseline and the champion at training time, on the same test rows. */
export function ComparisonTable({ report }: { report: ValidationReport }) {
  const { metrics, baseline, champion } = report;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" aria-label="Comparison with baseline and champion" data-testid="comparison-table">
        <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-4">Metric</th>
            <th scope="col" className="py-2 pr-4 text-right">This model</th>
            <th scope="col" className="py-2 pr-4 text-right">Baseline</th>
            <th scope="col" className="py-2 pr-4 text-right">Δ vs baseline</th>
            {champion && <th scope="col" className="py-2 pr-4 text-right">Champion v{champion.version}</th>}
            {champion && <th scope="col" className="py-2 pr-4 text-right">Δ vs champion</th>}
          </tr>
        </thead>
        <tbody>
          {SCALAR_METRICS.map((metric) => (
            <tr key={metric} className="border-b border-slate-100 align-top last:border-0">
              <th scope="row" className="py-2 pr-4 font-medium">{METRIC_LABELS[metric]}</th>
              <Value metric={metric} of={metrics} />
              <Value metric={metric} of={baseline} />
              <Delta metric={metric} model={metrics} other={baseline} />
              {champion && <Value metric={metric} of={champion.metrics} />}
              {champion && <Delta metric={metric} model={metrics} other={champion.metrics} />}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-slate-500" data-testid="champion-note">
        {champion
          ? `Champion v${champion.version} was the champion when this version was trained, scored on the same test rows.`
          : "There was no champion when this version was trained, so it is compared with the baseline only."}{" "}
        The baseline scores every row with the test set&apos;s base rate. Δ = this model − the other; lower is better for log loss,
        Brier score and ECE.
      </p>
    </div>
  );
}

function Value({ metric, of }: { metric: ScalarMetric; of: Evaluation }) {
  return (
    <td className="py-2 pr-4 text-right">
      <MetricValue value={of[metric]} reason={of.undefined[metric]} />
    </td>
  );
}

function Delta({ metric, model, other }: { metric: ScalarMetric; model: Evaluation; other: Evaluation }) {
  const a = model[metric];
  const b = other[metric];
  if (a === null || b === null) return <td className="py-2 pr-4 text-right text-slate-400">—</td>;
  const delta = a - b;
  const better = LOWER_IS_BETTER.has(metric) ? delta < 0 : delta > 0;
  const text = formatDelta(delta);
  const tone = text === "0.000" ? "text-slate-500" : better ? "text-emerald-700" : "text-rose-700";
  return <td className={`py-2 pr-4 text-right tabular-nums ${tone}`}>{text}</td>;
}
