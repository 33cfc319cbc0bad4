import { LiftChart } from "@/components/charts/chart-bar-lift";
import { CalibrationChart } from "@/components/charts/chart-line-calibration";
import { formatInt, formatNumber } from "@/lib/format";
import type { ValidationReport } from "@/lib/training/types";
import { CurvePanel } from "./curve-panels";
import { formatExact, formatMetric } from "./format";
import { TableView } from "./table-view";

const orDash = (value: number | null) => (value === null ? "—" : formatExact(value));

export function CalibrationPanel({ report }: { report: ValidationReport }) {
  const { points, reason } = report.curves.calibration;
  const { ece } = report.metrics;
  return (
    <CurvePanel title="Calibration" testId="calibration" reason={reason}>
      {points && (
        <>
          <CalibrationChart bins={points} />
          <p className="text-xs text-slate-500">
            Ten equal-width probability bins; empty bins are not drawn. {ece !== null && `ECE ${formatMetric(ece)}.`}
          </p>
          <TableView
            label="Calibration bins"
            columns={["Bin", "Rows", "Mean predicted", "Observed rate"]}
            rows={points.map((b) => [
              `${b.lower.toFixed(1)}–${b.upper.toFixed(1)}`,
              formatInt(b.count),
              orDash(b.meanPredicted),
              orDash(b.observedRate),
            ])}
          />
        </>
      )}
    </CurvePanel>
  );
}

export function LiftPanel({ report }: { report: ValidationReport }) {
  const { points, reason } = report.curves.lift;
  return (
    <CurvePanel title="Lift and cumulative gains by decile" testId="lift" reason={reason}>
      {points && (
        <>
          <LiftChart deciles={points} />
          <p className="text-xs text-slate-500">
            Rows ranked by score, highest first. Lift 1 and the dashed gain line are what random picking achieves.
          </p>
          <TableView
            label="Lift by decile"
            columns={["Decile", "Rows", "Positives", "Positive rate", "Lift", "Cumulative gain"]}
            rows={points.map((d) => [
              String(d.decile),
              formatInt(d.rows),
              formatNumber(d.positives, 2),
              formatExact(d.rate),
              formatExact(d.lift),
              formatExact(d.cumulativeGain),
            ])}
          />
        </>
      )}
    </CurvePanel>
  );
}
