"use client";
import { DriftShareChart } from "@/components/charts/chart-bar-drift-share";
import { TableView } from "@/components/report/table-view";
import { formatPercent } from "@/lib/format";

/** Share of features at warning or worse per batch, with its table view; built in the browser, as the PSI series are. */
export function DriftSharePanel({ labels, shares }: { labels: string[]; shares: (number | null)[] }) {
  const points = labels.map((batch, i) => ({ batch, share: shares[i] }));
  return (
    <div>
      <DriftShareChart points={points} />
      <TableView label="Dataset drift share per batch" columns={["Batch", "Drifted features"]} rows={points.map((p) => [p.batch, p.share === null ? "—" : formatPercent(p.share, 1)])} />
    </div>
  );
}
