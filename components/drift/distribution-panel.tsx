import { DistributionChart } from "@/components/charts/chart-bar-distribution";
import { TableView } from "@/components/report/table-view";
import { formatInt, formatPercent } from "@/lib/format";
import { UNSEEN_LABEL, type FeatureDrift } from "@/lib/drift/types";

/** Bin edges are raw quantiles (e.g. 24.980000000000008); four significant digits tell the bins apart. */
const shortLabel = (label: string) => label.replace(/-?\d+\.\d{5,}/g, (n) => String(Number(Number(n).toPrecision(4))));

/** Reference vs current distribution of one feature in one batch, unseen values named below the chart. */
export function DistributionPanel({ drift, label, testId }: { drift: FeatureDrift; label: string; testId: string }) {
  if (!drift.bins) return <p className="text-sm text-slate-600">No distribution to compare: {drift.reason ?? "one side has no values."}</p>;
  const bins = drift.bins.map((b) => ({ ...b, label: shortLabel(b.label), unseen: b.label === UNSEEN_LABEL }));
  return (
    <div>
      <DistributionChart bins={bins} testId={testId} />
      {drift.unseenCategories.length > 0 && (
        <p className="mt-2 text-sm text-rose-800" data-testid={`${testId}-unseen`}>
          Not in the reference:{" "}
          {drift.unseenCategories.map((u, i) => (
            <span key={u.value}>
              {i > 0 && ", "}
              <strong>{u.value}</strong> ({formatInt(u.count)} rows, {formatPercent(u.share, 1)})
            </span>
          ))}
        </p>
      )}
      <TableView
        label={label}
        columns={["Bin", "Reference", "Current", "Change (pts)"]}
        rows={bins.map((b) => [b.unseen ? `${b.label} (new)` : b.label, formatPercent(b.reference, 2), formatPercent(b.current, 2), ((b.current - b.reference) * 100).toFixed(2)])}
      />
    </div>
  );
}
