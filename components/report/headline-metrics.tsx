import type { ReactNode } from "react";
import { Stat } from "@/components/ui/card";
import type { BootstrapInterval, Evaluation, ScalarMetric } from "@/lib/metrics";
import { formatInt } from "@/lib/format";
import type { ValidationReport } from "@/lib/training/types";
import { formatMetric, METRIC_LABELS } from "./format";

const AT_THRESHOLD = ["accuracy", "precision", "recall", "f1"] as const;

/** The numbers an analyst looks at first: ranking and probability quality with intervals, then decisions. */
export function HeadlineMetrics({ report, decisionThreshold }: { report: ValidationReport; decisionThreshold: number }) {
  const { metrics, intervals } = report;
  const ci = `${Math.round(intervals.confidence * 100)}% CI`;
  const withInterval: [ScalarMetric, BootstrapInterval][] = [
    ["rocAuc", intervals.rocAuc],
    ["prAuc", intervals.averagePrecision],
    ["brier", intervals.brier],
  ];
  return (
    <section className="mb-6" aria-labelledby="headline-metrics">
      <h2 id="headline-metrics" className="mb-3 text-sm font-semibold text-slate-700">
        Test-set metrics
      </h2>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-5">
        {withInterval.map(([metric, interval]) => (
          <MetricStat key={metric} metric={metric} metrics={metrics}>
            {metrics[metric] !== null &&
              (interval.value !== null
                ? `${ci} ${formatMetric(interval.value.lower)}–${formatMetric(interval.value.upper)}`
                : `${ci} unavailable: ${interval.reason}`)}
          </MetricStat>
        ))}
        <MetricStat metric="logLoss" metrics={metrics} />
        <MetricStat metric="ece" metrics={metrics} />
      </div>
      <h3 className="mb-3 mt-5 text-sm font-semibold text-slate-700">At the decision threshold {metrics.threshold.toFixed(2)}</h3>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        {AT_THRESHOLD.map((metric) => (
          <MetricStat key={metric} metric={metric} metrics={metrics} />
        ))}
      </div>
      <p className="mt-2 text-xs text-slate-500">
        {formatInt(metrics.n)} test rows. Intervals: percentile bootstrap over {formatInt(intervals.resamples)} resamples (seed{" "}
        {intervals.seed}).
        {decisionThreshold !== metrics.threshold &&
          ` The pipeline's decision threshold is now ${decisionThreshold}; the matrix below starts there.`}
      </p>
    </section>
  );
}

function MetricStat({ metric, metrics, children }: { metric: ScalarMetric; metrics: Evaluation; children?: ReactNode }) {
  const value = metrics[metric];
  return (
    <div data-testid={`metric-${metric}`}>
      <Stat
        label={METRIC_LABELS[metric]}
        value={value === null ? "—" : formatMetric(value)}
        hint={value === null ? (metrics.undefined[metric] ?? "not computed") : children}
      />
    </div>
  );
}
