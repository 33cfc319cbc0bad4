import { PerformanceLineChart } from "@/components/charts/chart-line-performance";
import { TableView } from "@/components/report/table-view";
import { PERFORMANCE_METRICS, type PerformanceHistory, type PerformanceMetric, type PerformancePoint } from "@/lib/queries/performance";

const LABEL: Record<PerformanceMetric, string> = { rocAuc: "ROC AUC", precision: "Precision", recall: "Recall", brier: "Brier (lower is better)" };

// "run #N", so a scoring run is not read as the drift charts' batch #N.
const runLabel = (p: PerformancePoint) => `run #${p.runId}${p.scoredAt ? ` ${p.scoredAt.toISOString().slice(0, 10)}` : ""}`;
const format = (v: number | null | undefined) => (v === null || v === undefined ? "—" : v.toFixed(3));

/** ROC AUC, precision, recall and Brier per scoring run, estimated until labels arrive, then realised. */
export function PerformancePanel({ history }: { history: PerformanceHistory }) {
  if (history.points.length === 0) return <p className="text-sm text-slate-600">No scoring run has been monitored yet.</p>;
  return (
    <div>
      <p className="mb-3 text-sm text-slate-600">
        <span className="font-medium">Estimated</span> (dashed): from the model&apos;s own probabilities, calibrated on its validation data; no labels needed.{" "}
        <span className="font-medium">Realised</span> (solid): measured once a later batch carries the outcomes of the scored customers.
      </p>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        {PERFORMANCE_METRICS.map((metric) => (
          <div key={metric}>
            <h3 className="text-sm font-medium text-slate-700">{LABEL[metric]}</h3>
            <PerformanceLineChart
              metric={LABEL[metric]}
              floor={metric === "rocAuc" ? history.rocAucFloor : null}
              yMax={metric === "brier" ? "auto" : 1}
              testId={`performance-chart-${metric}`}
              points={history.points.map((p) => ({ run: runLabel(p), estimated: p.estimated?.[metric] ?? null, realised: p.realised?.[metric] ?? null }))}
            />
          </div>
        ))}
      </div>
      <TableView
        label="Performance per scoring run"
        columns={["Run", "Kind", "Customers", ...PERFORMANCE_METRICS.map((m) => LABEL[m])]}
        rows={history.points.flatMap((p) => [
          [runLabel(p), "estimated", p.estimated?.n ?? "—", ...PERFORMANCE_METRICS.map((m) => format(p.estimated?.[m]))],
          p.realised
            ? [runLabel(p), `realised (labels in batch #${p.realised.labelBatchId})`, p.realised.n, ...PERFORMANCE_METRICS.map((m) => format(p.realised?.[m]))]
            : [runLabel(p), "realised", "no labels yet", ...PERFORMANCE_METRICS.map(() => "—")],
        ])}
      />
    </div>
  );
}
