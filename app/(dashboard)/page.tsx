import Link from "next/link";
import { Card, Stat } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { BatchTable } from "@/components/data/batch-table";
import { WhatDriftedCard } from "@/components/drift/what-drifted-card";
import { ChampionsCard } from "@/components/models/champions-card";
import { PERMISSIONS, requirePageRole } from "@/lib/auth/guard";
import { formatInt } from "@/lib/format";
import { countOverview, listBatches } from "@/lib/queries/datasets";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  await requirePageRole(...PERMISSIONS.read);
  const counts = countOverview();
  const recent = listBatches(5);
  return (
    <>
      <PageHeader title="Overview" description="The health of your models and data at a glance." />
      <div className="mb-6 grid grid-cols-1 gap-4 sm:grid-cols-3">
        <Stat label="Datasets" value={formatInt(counts.datasets)} />
        <Stat label="Batches" value={formatInt(counts.batches)} />
        <Stat label="Rows stored" value={formatInt(counts.rows)} />
      </div>
      <Card title="Latest batches" className="mb-6">
        {recent.length === 0 ? (
          <EmptyState title="No data yet" action={<Link className="text-sky-700 underline" href="/data">Upload a CSV</Link>}>
            Upload a CSV of customer data (or run <code>driftline ingest file.csv --store</code>) and its profile appears here.
          </EmptyState>
        ) : (
          <BatchTable batches={recent} />
        )}
      </Card>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <ChampionsCard />
        <WhatDriftedCard />
        <EmptyState title="No alerts">Threshold alerts on drift, accuracy and failed runs are not built yet; until then, the Drift page shows what moved.</EmptyState>
      </div>
    </>
  );
}
