import type { ReactNode } from "react";
import { PrChart } from "@/components/charts/chart-line-pr";
import { RocChart } from "@/components/charts/chart-line-roc";
import { Card } from "@/components/ui/card";
import type { ValidationReport } from "@/lib/training/types";
import { formatCurveThreshold, formatExact, formatMetric } from "./format";
import { Unavailable } from "./metric-value";
import { TableView } from "./table-view";

/** A chart card that shows why the curve is missing instead of an empty chart. */
export function CurvePanel({ title, testId, reason, children }: { title: string; testId: string; reason: string | null; children: ReactNode }) {
  return (
    <div data-testid={`${testId}-panel`}>
      <Card title={title} className="h-full">
        {reason === null ? children : <Unavailable testId={`${testId}-unavailable`} reason={reason} />}
      </Card>
    </div>
  );
}

export function RocPanel({ report }: { report: ValidationReport }) {
  const { points, reason } = report.curves.roc;
  const auc = report.metrics.rocAuc;
  return (
    <CurvePanel title="ROC curve" testId="roc" reason={reason}>
      {points && (
        <>
          <RocChart points={points} />
          <p className="text-xs text-slate-500">
            {auc !== null && `ROC AUC ${formatMetric(auc)}. `}The dashed diagonal is a random ranking.
          </p>
          <TableView
            label="ROC curve points"
            columns={["Threshold", "False positive rate", "True positive rate"]}
            rows={points.map((p) => [formatCurveThreshold(p.threshold), formatExact(p.fpr), formatExact(p.tpr)])}
          />
        </>
      )}
    </CurvePanel>
  );
}

export function PrPanel({ report }: { report: ValidationReport }) {
  const { points, reason } = report.curves.pr;
  const { prAuc, positives, n } = report.metrics;
  return (
    <CurvePanel title="Precision–recall curve" testId="pr" reason={reason}>
      {points && (
        <>
          <PrChart points={points} baseRate={n > 0 ? positives / n : 0} />
          <p className="text-xs text-slate-500">
            {prAuc !== null && `PR AUC (average precision) ${formatMetric(prAuc)}. `}The dashed line is the base rate: the precision of
            picking rows at random.
          </p>
          <TableView
            label="Precision–recall curve points"
            columns={["Threshold", "Recall", "Precision"]}
            rows={points.map((p) => [formatCurveThreshold(p.threshold), formatExact(p.recall), formatExact(p.precision)])}
          />
        </>
      )}
    </CurvePanel>
  );
}
