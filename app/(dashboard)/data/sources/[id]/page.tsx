import Link from "next/link";
import { notFound } from "next/navigation";
import { ExtractNowButton } from "@/components/sources/extract-now-button";
import { SourceForm } from "@/components/sources/source-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PERMISSIONS, requirePageRole } from "@/lib/auth/guard";
import { formatDateTime } from "@/lib/format";
import { sourceFormValues } from "@/lib/queries/sources";

export const dynamic = "force-dynamic";
export const metadata = { title: "Source" };

export default async function SourcePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageRole(...PERMISSIONS["manage-sources"]);
  const id = Number((await params).id);
  const source = Number.isInteger(id) && id > 0 ? sourceFormValues(id) : null;
  if (!source) notFound();
  return (
    <>
      <PageHeader
        title={source.name}
        description={
          <>
            Batches go to the dataset <strong>{source.dataset}</strong>. Point a pipeline at this source in its settings (
            <Link href="/pipelines" className="text-sky-800 hover:underline">Pipelines</Link>) so each run reads a fresh batch.
          </>
        }
      />
      <Card title="Extract" className="mb-6">
        <p className="mb-3 text-sm text-slate-600">
          Last extraction: {formatDateTime(source.lastExtractedAt)}
          {source.lastError && <span className="mt-1 block text-rose-800" data-testid="source-last-error">Last attempt failed: {source.lastError}</span>}
        </p>
        <ExtractNowButton sourceId={source.sourceId!} />
      </Card>
      <Card title="Settings">
        <SourceForm initial={source} />
      </Card>
    </>
  );
}
