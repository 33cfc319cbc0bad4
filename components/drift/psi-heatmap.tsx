import type { DriftBatch, DriftCells } from "@/lib/queries/drift";
import { PREDICTION_FEATURE } from "@/lib/pipeline/monitor-step";
import { PsiHeatmapTable } from "./psi-heatmap-table";
import { batchLabel, psiSeries } from "./severity";

interface Props extends DriftCells {
  batches: DriftBatch[];
  /** Batches of the period left out of the heatmap (older than the ones shown). */
  hidden: number;
  pipelineId: number;
  period: string;
  selected: { feature: string; batch: number };
}

/** Features × the latest batches, coloured by severity; every cell opens that feature's distribution in that batch. */
export function PsiHeatmap({ batches, features, cells, hidden, pipelineId, period, selected }: Props) {
  return (
    <div>
      <PsiHeatmapTable
        rows={[...features, PREDICTION_FEATURE].map((feature) => ({
          feature,
          label: feature === PREDICTION_FEATURE ? "Score (prediction)" : feature,
          ...psiSeries(cells.get(feature) ?? batches.map(() => null)),
        }))}
        batches={batches.map((b) => ({ id: b.id, label: batchLabel(b) }))}
        pipelineId={pipelineId}
        period={period}
        selected={selected}
      />
      {hidden > 0 && (
        <p className="mt-2 text-xs text-slate-600" data-testid="heatmap-window">
          The latest {batches.length} of {batches.length + hidden} batches; the charts cover them all, and the batch list opens any of them.
        </p>
      )}
      <p className="mt-2 text-xs text-slate-500">
        PSI per batch against the champion&apos;s training data: green below 0.1, amber from 0.1, red from 0.25; grey where the feature was not measured.
      </p>
    </div>
  );
}
