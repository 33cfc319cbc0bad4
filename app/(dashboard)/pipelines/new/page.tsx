import Link from "next/link";
import { NewPipelineForm } from "@/components/pipelines/new-pipeline-form";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { PERMISSIONS, requirePageRole } from "@/lib/auth/guard";
import { formatInt } from "@/lib/format";
import { getBatch } from "@/lib/queries/datasets";
import { listTrainableBatches } from "@/lib/queries/pipelines";

export const dynamic = "force-dynamic";
export const metadata = { title: "New pipeline" };

export default async function NewPipelinePage({ searchParams }: { searchParams: Promise<{ batch?: string }> }) {
  await requirePageRole(...PERMISSIONS.train);
  const batchId = Number((await searchParams).batch);
  const found = Number.isSafeInteger(batchId) ? getBatch(batchId) : undefined;
  if (!found) {
    const batches = listTrainableBatches();
    return (
      <>
        <PageHeader title="New pipeline" description="Choose the batch to train the first model on." />
        {batches.length === 0 ? (
          <EmptyState title="No data yet"><Link className="text-sky-700 underline" href="/data">Upload a CSV</Link> first.</EmptyState>
        ) : (
          <Card>
            <ul className="divide-y divide-slate-100 text-sm">
              {batches.map((b) => (
                <li key={b.id} className="py-2">
                  <Link className="font-medium text-sky-700 hover:underline" href={`/pipelines/new?batch=${b.id}`}>Batch #{b.id} · {b.datasetName}</Link>
                  <span className="ml-2 text-slate-500">{formatInt(b.rowCount)} rows · target {b.targetColumn ?? "not set"}</span>
                </li>
              ))}
            </ul>
          </Card>
        )}
      </>
    );
  }
  const { batch, datasetName } = found;
  return (
    <>
      <PageHeader title="New pipeline" description={`Train on batch #${batch.id} of ${datasetName} (${formatInt(batch.rowCount)} rows).`} />
      <Card>
        <NewPipelineForm
          batchId={batch.id}
          defaultName={datasetName.slice(0, 100)}
          columns={batch.profile.columns.map((c) => ({ name: c.name, type: c.type, distinct: c.distinct, top: c.top.map((t) => t.value) }))}
          defaultTarget={batch.targetColumn}
          defaultPositive={batch.positiveValue}
          defaultId={batch.idColumn}
        />
      </Card>
    </>
  );
}
