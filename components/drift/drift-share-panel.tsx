import { DriftShareChart } from "@/components/charts/chart-bar-drift-share";
import { TableView } from "@/components/report/table-view";
import { formatPercent } from "@/lib/format";
import type { DriftBatch } from "@/lib/queries/drift";
import { batchLabel } from "./severity";

/** Share of features at warning or worse per batch, with its table view. */
export function DriftSharePanel({ batches }: { batches: DriftBatch[] }) {
  const points = batches.map((b) => ({ batch: batchLabel(b), share: b.driftShare }));
  return (
    <div>
      <DriftShareChart points={points} />
      <TableView label="Dataset drift share per batch" columns={["Batch", "Drifted features"]} rows={points.map((p) => [p.batch, p.share === null ? "—" : formatPercent(p.share, 1)])} />
    </div>
  );
}
