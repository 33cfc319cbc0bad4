import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { listLatestDrifted } from "@/lib/queries/drift";
import { driftHref, formatPsi, SEVERITY_TONE } from "./severity";

/** Overview card: per pipeline, the features that drifted in its latest batch, each a link to its distribution. */
export function WhatDriftedCard() {
  const pipelines = listLatestDrifted();
  if (pipelines.length === 0) {
    return (
      <EmptyState title="No drift measured yet">
        Each new batch is compared with the champion&apos;s training data; drifted features will be listed here.
      </EmptyState>
    );
  }
  return (
    <Card title="What drifted">
      <ul className="space-y-3 text-sm" aria-label="What drifted">
        {pipelines.map(({ pipeline, batchId, drifted }) => (
          <li key={pipeline.id}>
            <Link className="font-medium text-sky-700 hover:underline" href={driftHref({ pipeline: pipeline.id, batch: batchId })}>
              {pipeline.name}
            </Link>
            <span className="text-slate-500"> · batch #{batchId}</span>
            {drifted.length === 0 ? (
              <p className="text-slate-600">No feature drifted.</p>
            ) : (
              <ul className="mt-1 flex flex-wrap gap-2">
                {drifted.map((f) => (
                  <li key={f.name}>
                    <Link href={driftHref({ pipeline: pipeline.id, feature: f.name, batch: batchId })} className="inline-flex items-center gap-1 hover:underline">
                      {f.name} <Badge tone={SEVERITY_TONE[f.severity]}>PSI {formatPsi(f.psi)}</Badge>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
