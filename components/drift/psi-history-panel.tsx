import { PsiLineChart } from "@/components/charts/chart-line-psi";
import { TableView } from "@/components/report/table-view";
import type { DriftHistory } from "@/lib/queries/drift";
import { batchLabel, formatPsi, PSI_LINES } from "./severity";

/** One series of the history (a feature, or the scores) as a PSI line with its table view. */
export function PsiHistoryPanel({ history, feature, label, testId }: { history: DriftHistory; feature: string; label: string; testId: string }) {
  const cells = history.cells.get(feature) ?? [];
  const points = history.batches.map((b, i) => ({ batch: batchLabel(b), psi: cells[i]?.psi ?? null, severity: cells[i]?.severity ?? "not measured" }));
  return (
    <div>
      <PsiLineChart points={points} lines={PSI_LINES} testId={testId} />
      <TableView label={label} columns={["Batch", "PSI", "Severity"]} rows={points.map((p) => [p.batch, formatPsi(p.psi), p.severity])} />
    </div>
  );
}
