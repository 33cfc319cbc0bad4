import Link from "next/link";
import { BatchTable } from "@/components/data/batch-table";
import { UploadPanel } from "@/components/data/upload-panel";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can, PERMISSIONS, requirePageRole } from "@/lib/auth/guard";
import { env } from "@/lib/env";
import { listBatches } from "@/lib/queries/datasets";

export const dynamic = "force-dynamic";
export const metadata = { title: "Data" };

export default async function DataPage() {
  const user = await requirePageRole(...PERMISSIONS.read);
  const batches = listBatches();
  return (
    <>
      <PageHeader
        title="Data"
        description="Batches of customer data: each upload or warehouse extraction is checked, profiled and stored as an immutable snapshot with its as-of time."
        actions={
          can(user.role, "manage-sources") && (
            <Link href="/data/sources" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50">
              Sources
            </Link>
          )
        }
      />
      {can(user.role, "upload-data") && (
        <Card title="Upload a CSV" className="mb-6">
          <UploadPanel maxUploadMb={env().MAX_UPLOAD_MB} />
        </Card>
      )}
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
