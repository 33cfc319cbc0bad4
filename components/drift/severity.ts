/** Severity colours and labels shared by the heatmap, the tables and the overview card. */
import type { Severity } from "@/lib/drift/types";
import { DEFAULT_THRESHOLDS } from "@/lib/drift/types";
import type { DriftCell } from "@/lib/queries/drift";

export const SEVERITY_TONE = { ok: "good", warning: "warning", critical: "critical" } as const;

/** Heatmap cell backgrounds; "not measured" stays neutral so it never reads as "no drift". */
export const SEVERITY_CELL: Record<Severity | "none", string> = {
  ok: "bg-emerald-100 text-emerald-900",
  warning: "bg-amber-200 text-amber-900",
  critical: "bg-rose-300 text-rose-950",
  none: "bg-slate-100 text-slate-500",
};

export const PSI_LINES = [
  { y: DEFAULT_THRESHOLDS.warning, label: `warning ${DEFAULT_THRESHOLDS.warning}`, color: "#d97706" },
  { y: DEFAULT_THRESHOLDS.critical, label: `critical ${DEFAULT_THRESHOLDS.critical}`, color: "#be123c" },
];

export const formatPsi = (psi: number | null | undefined) => (psi === null || psi === undefined ? "—" : psi.toFixed(3));

/** Batch label on axes and headers: its id and as-of day (UTC). */
export const batchLabel = (batch: { id: number; asOf: Date }) => `#${batch.id} ${batch.asOf.toISOString().slice(0, 10)}`;

/** A link to the drift page focused on one pipeline, feature and batch. */
export function driftHref(view: { pipeline: number; period?: string; feature?: string; batch?: number }): string {
  const query = new URLSearchParams({ pipeline: String(view.pipeline) });
  if (view.period && view.period !== "all") query.set("period", view.period);
  if (view.feature) query.set("feature", view.feature);
  if (view.batch) query.set("batch", String(view.batch));
  return `/drift?${query}`;
}

/** A series of cells as the parallel arrays PsiHistoryPanel and the heatmap take (smaller than a list of objects). */
export function psiSeries(cells: (DriftCell | null)[]) {
  return { psi: cells.map((c) => c?.psi ?? null), severity: cells.map((c) => c?.severity ?? null) };
}
