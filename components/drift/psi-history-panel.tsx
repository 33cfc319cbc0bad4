"use client";
import { PsiLineChart } from "@/components/charts/chart-line-psi";
import { TableView } from "@/components/report/table-view";
import type { Severity } from "@/lib/drift/types";
import { formatPsi, PSI_LINES } from "./severity";

interface Props {
  /** One label per batch; the same array as the page's other series, so the page carries it once. */
  labels: string[];
  /** PSI per batch; null where the batch was not measured. */
  psi: (number | null)[];
  severity: (Severity | null)[];
  label: string;
  testId: string;
}

/**
 * One series (a feature, or the scores) as a PSI line with its table view. Built in the browser from
 * parallel arrays: as a list of points, and again as table rows, two years of daily batches were a
 * tenth of a megabyte per series in the page.
 */
export function PsiHistoryPanel({ labels, psi, severity, label, testId }: Props) {
  const points = labels.map((batch, i) => ({ batch, psi: psi[i], severity: severity[i] ?? "not measured" }));
  return (
    <div>
      <PsiLineChart points={points} lines={PSI_LINES} testId={testId} />
      <TableView label={label} columns={["Batch", "PSI", "Severity"]} rows={points.map((p) => [p.batch, formatPsi(p.psi), p.severity])} />
    </div>
  );
}
