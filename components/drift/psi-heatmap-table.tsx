"use client";
import Link from "next/link";
import { useEffect, useRef, useSyncExternalStore } from "react";
import type { Severity } from "@/lib/drift/types";
import { driftHref, formatPsi, SEVERITY_CELL } from "./severity";

/** One feature's row: PSI and severity per batch, null where not measured. */
export interface HeatmapRow { feature: string; label: string; psi: (number | null)[]; severity: (Severity | null)[] }

interface Props {
  rows: HeatmapRow[];
  batches: { id: number; label: string }[];
  pipelineId: number;
  period: string;
  selected: { feature: string; batch: number };
}

const subscribeToNothing = () => () => {};

/**
 * The heatmap's cells, built in the browser from the PSI values, as the charts are: rendered on the server,
 * 60 batches × 20 features were 1,200 links and 300 KB of the page's HTML, and the largest share of the
 * drift page's server time. The cells are not prefetched: a screenful of them would be hundreds of
 * requests for pages nobody may open.
 */
export function PsiHeatmapTable({ rows, batches, pipelineId, period, selected }: Props) {
  // false while rendering on the server and hydrating, true in the browser from then on.
  const inBrowser = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  const scroller = useRef<HTMLDivElement>(null);
  // Open on the newest batches, at the right; later navigation keeps wherever the analyst scrolled.
  useEffect(() => {
    if (scroller.current) scroller.current.scrollLeft = scroller.current.scrollWidth;
  }, [inBrowser]);
  if (!inBrowser) return <div style={{ height: `${(rows.length + 1) * 1.875}rem` }} aria-busy="true" />;
  return (
    <div ref={scroller} className="overflow-x-auto">
      <table className="border-separate border-spacing-0.5 text-xs" aria-label="PSI heatmap">
        <thead>
          <tr>
            <th scope="col" className="sticky left-0 z-10 bg-white pr-3 text-left font-medium text-slate-500">Feature</th>
            {batches.map((b) => (
              <th key={b.id} scope="col" className="whitespace-nowrap px-1 font-medium text-slate-500">{b.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ feature, label, psi, severity }) => (
            <tr key={feature}>
              <th scope="row" className="sticky left-0 z-10 whitespace-nowrap bg-white pr-3 text-left font-medium text-slate-700">{label}</th>
              {batches.map((batch, i) => {
                const title = `${feature}, batch ${batch.label}: PSI ${formatPsi(psi[i])} (${severity[i] ?? "not measured"})`;
                const isSelected = feature === selected.feature && batch.id === selected.batch;
                return (
                  <td key={batch.id} className="p-0">
                    <Link
                      href={driftHref({ pipeline: pipelineId, period, feature, batch: batch.id })}
                      prefetch={false}
                      title={title}
                      aria-label={title}
                      className={`heatmap-cell ${SEVERITY_CELL[severity[i] ?? "none"]}${isSelected ? " ring-2 ring-slate-900" : ""}`}
                    >
                      {formatPsi(psi[i])}
                    </Link>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
