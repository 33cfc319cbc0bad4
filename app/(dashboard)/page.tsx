import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { BatchTable } from "@/components/data/batch-table";
import { WhatDriftedCard } from "@/components/drift/what-drifted-card";
import { ChampionHealthCard } from "@/components/overview/champion-health-card";
import { ChangesCard } from "@/components/overview/changes-card";
import { WhatFiredCard } from "@/components/overview/what-fired-card";
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
      <PageHeader
        title="Overview"
        description={`Is the champion healthy, what drifted, what fired, what changed. ${formatInt(counts.datasets)} datasets, ${formatInt(counts.batches)} batches, ${formatInt(counts.rows)} rows stored.`}
      />
      <div className="mb-6 grid grid-cols-1 gap-4 lg:grid-cols-3">
        <ChampionHealthCard />
        <WhatDriftedCard />
        <WhatFiredCard />
      </div>
      <ChangesCard />
      <Card title="Latest batches">
        {recent.length === 0 ? (
          <EmptyState title="No data yet" action={<Link className="text-sky-700 underline" href="/data">Upload a CSV</Link>}>
            Upload a CSV of customer data (or run <code>driftline ingest file.csv --store</code>) and its profile appears here.
          </EmptyState>
        ) : (
          <BatchTable batches={recent} />
        )}
      </Card>
    </>
  );
}
