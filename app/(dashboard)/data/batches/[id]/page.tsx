import Link from "next/link";
import { notFound } from "next/navigation";
import { MissingRateChart } from "@/components/charts/chart-bar-missing-rate";
import { ProfileTable } from "@/components/data/profile-table";
import { RowPreview } from "@/components/data/row-preview";
import { Card, Stat } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can, PERMISSIONS, requirePageRole } from "@/lib/auth/guard";
import { formatBytes, formatDateTime, formatInt, formatPercent } from "@/lib/format";
import { getBatch, previewBatchRows } from "@/lib/queries/datasets";

export const dynamic = "force-dynamic";

export default async function BatchPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageRole(...PERMISSIONS.read);
  const id = Number((await params).id);
  const found = Number.isSafeInteger(id) ? getBatch(id) : undefined;
  if (!found) notFound();
  const { batch, datasetName } = found;
  const { profile } = batch;
  const target = profile.target;
  return (
    <>
      <PageHeader
        title={`Batch #${batch.id} · ${datasetName}`}
        description={`As of ${formatDateTime(batch.asOf)} · ${batch.source} ${batch.sourceDetail} · ${formatBytes(batch.sourceBytes)}`}
        actions={
          can(user.role, "train") && (
            <Link href={`/pipelines/new?batch=${batch.id}`} className="rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800">
              Train a model
            </Link>
          )
        }
      />
      <div className="mb-6 grid grid-cols-1 gap-4 sm:grid-cols-4">
        <Stat label="Rows" value={formatInt(profile.rows)} />
        <Stat label="Columns" value={formatInt(profile.columns.length)} />
        <Stat
          label="Target"
          value={target ? target.column : "none"}
          hint={target ? `${formatInt(target.positives)} "${target.positive}" (${formatPercent(target.positives / profile.rows)})` : "a batch to score"}
        />
        <Stat label="Customer id" value={profile.idColumn ?? "none"} />
      </div>
      {batch.warnings.length > 0 && (
        <Card title="Warnings" className="mb-6">
          <ul className="list-disc space-y-1 pl-5 text-sm text-amber-900">
            {batch.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Card>
      )}
      <Card title="Missing values by column" className="mb-6">
        <MissingRateChart columns={profile.columns.map((c) => ({ name: c.name, missingRate: c.missingRate, missing: c.missing }))} />
      </Card>
      <Card title="Profile" className="mb-6">
        <ProfileTable profile={profile} />
      </Card>
      <Card title="First rows">
        <RowPreview columns={batch.columns.map((c) => c.name)} rows={previewBatchRows(batch.id)} />
      </Card>
    </>
  );
}
