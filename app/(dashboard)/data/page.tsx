import { BatchTable } from "@/components/data/batch-table";
import { UploadPanel } from "@/components/data/upload-panel";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { env } from "@/lib/env";
import { listBatches } from "@/lib/queries/datasets";

export const dynamic = "force-dynamic";
export const metadata = { title: "Data" };

export default function DataPage() {
  const batches = listBatches();
  return (
    <>
      <PageHeader
        title="Data"
        description="Batches of customer data: each upload is checked, profiled and stored as an immutable snapshot with its as-of time."
      />
      <Card title="Upload a CSV" className="mb-6">
        <UploadPanel maxUploadMb={env().MAX_UPLOAD_MB} />
      </Card>
      <Card title="Batches">
        {batches.length === 0 ? (
          <EmptyState title="No batches yet">Upload a file above, or run <code>bin/driftline ingest file.csv --store</code>.</EmptyState>
        ) : (
          <BatchTable batches={batches} />
        )}
      </Card>
    </>
  );
}
