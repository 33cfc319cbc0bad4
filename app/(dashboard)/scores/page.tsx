import Link from "next/link";
import { BandDistribution } from "@/components/scores/band-distribution";
import { ScoresFilters } from "@/components/scores/scores-filters";
import { ScoresTable } from "@/components/scores/scores-table";
import { Pagination } from "@/components/scores/pagination";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { formatInt } from "@/lib/format";
import { getScoresView } from "@/lib/queries/scores";
import { PAGE_SIZE, scoresViewSchema } from "@/lib/validation/scores";
import { PERMISSIONS, requirePageRole } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";
export const metadata = { title: "Scores" };

export default async function ScoresPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageRole(...PERMISSIONS.read);
  const params = await searchParams;
  const view = scoresViewSchema.parse(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const data = getScoresView(view);
  if (!data) {
    return (
      <>
        <PageHeader title="Scores" description="Every customer's churn probability, risk band and the reasons behind it, ready to export." />
        <EmptyState title="No scores yet" action={<Link className="text-sky-700 underline" href="/pipelines">Open pipelines</Link>}>
          Scores appear once a pipeline has a champion model and its run has scored a batch of customers.
        </EmptyState>
      </>
    );
  }
  const query = new URLSearchParams(Object.entries({ ...view, pipeline: data.pipeline.id, page: undefined }).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
  return (
    <>
      <PageHeader
        title="Scores"
        description={`${data.pipeline.name} · scoring run #${data.runId}. Sorted, filtered and paged on the server; the export holds every row of the current view.`}
        actions={
          <a href={`/scores/export.csv?${query}`} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100" download>
            Export CSV
          </a>
        }
      />
      <Card title="Customers by risk band" className="mb-6">
        <BandDistribution counts={data.bandCounts} />
      </Card>
      <Card>
        <ScoresFilters view={view} pipelines={data.pipelines} currentPipeline={data.pipeline.id} columns={data.columns} />
        <p className="my-3 text-sm text-slate-600" data-testid="scores-total">
          {formatInt(data.total)} customers match
        </p>
        <ScoresTable rows={data.rows} />
        <Pagination page={view.page} pages={Math.max(1, Math.ceil(data.total / PAGE_SIZE))} query={query} />
      </Card>
    </>
  );
}
