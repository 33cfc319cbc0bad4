import Link from "next/link";
import type { DriftHistory } from "@/lib/queries/drift";
import { PREDICTION_FEATURE } from "@/lib/pipeline/monitor-step";
import { batchLabel, driftHref, formatPsi, SEVERITY_CELL } from "./severity";

interface Props {
  history: DriftHistory;
  /** Earlier batches of the period left out of the table. */
  hidden: number;
  pipelineId: number;
  period: string;
  selected: { feature: string; batch: number };
}

/** Features × the latest batches, coloured by severity; every cell opens that feature's distribution in that batch. */
export function PsiHeatmap({ history, hidden, pipelineId, period, selected }: Props) {
  const rows = [...history.features, PREDICTION_FEATURE];
  return (
    <div className="overflow-x-auto">
      <table className="border-separate border-spacing-0.5 text-xs" aria-label="PSI heatmap">
        <thead>
          <tr>
            <th scope="col" className="pr-3 text-left font-medium text-slate-500">Feature</th>
            {history.batches.map((b) => (
              <th key={b.id} scope="col" className="whitespace-nowrap px-1 font-medium text-slate-500">{batchLabel(b)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((feature) => (
            <tr key={feature}>
              <th scope="row" className="whitespace-nowrap pr-3 text-left font-medium text-slate-700">
                {feature === PREDICTION_FEATURE ? "Score (prediction)" : feature}
              </th>
              {history.cells.get(feature)!.map((cell, i) => {
                const batch = history.batches[i];
                const title = `${feature}, batch ${batchLabel(batch)}: PSI ${formatPsi(cell?.psi)} (${cell?.severity ?? "not measured"})`;
                const isSelected = feature === selected.feature && batch.id === selected.batch;
                return (
                  <td key={batch.id} className="p-0">
                    <Link
                      href={driftHref({ pipeline: pipelineId, period, feature, batch: batch.id })}
                      title={title}
                      aria-label={title}
                      className={`block min-w-16 rounded px-2 py-1.5 text-center tabular-nums hover:ring-2 hover:ring-sky-500 ${SEVERITY_CELL[cell?.severity ?? "none"]} ${isSelected ? "ring-2 ring-slate-900" : ""}`}
                    >
                      {formatPsi(cell?.psi)}
                    </Link>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {hidden > 0 && (
        <p className="mt-2 text-xs text-slate-600" data-testid="heatmap-window">
          The latest {history.batches.length} of {history.batches.length + hidden} batches; the charts cover them all, and the batch list opens any of them.
        </p>
      )}
      <p className="mt-2 text-xs text-slate-500">
        PSI per batch against the champion&apos;s training data: green below 0.1, amber from 0.1, red from 0.25; grey where the feature was not measured.
      </p>
    </div>
  );
}
