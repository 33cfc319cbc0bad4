import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { PERMISSIONS, requirePageRole } from "@/lib/auth/guard";
import { formatDateTime, formatInt } from "@/lib/format";
import { listSourceSummaries } from "@/lib/queries/sources";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sources" };

const newSourceLink = (
  <Link href="/data/sources/new" className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800">
    New source
  </Link>
);

export default async function SourcesPage() {
  await requirePageRole(...PERMISSIONS["manage-sources"]);
  const sources = listSourceSummaries();
  return (
    <>
      <PageHeader
        title="Sources"
        description="Databases Driftline reads batches from: a SQLite file or a PostgreSQL warehouse, each with a saved query that runs read-only. Pipelines that point at a source take a fresh batch on every run, and above a row count score and profile inside the warehouse."
        actions={newSourceLink}
      />
      <Card>
        {sources.length === 0 ? (
          <EmptyState title="No sources yet" action={newSourceLink}>
            Add a PostgreSQL connection or a SQLite file with the query that returns your pipeline&apos;s columns.
          </EmptyState>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
              <tr>
                <th className="py-2 pr-4">Source</th>
                <th className="py-2 pr-4">Kind</th>
                <th className="py-2 pr-4">Dataset</th>
                <th className="py-2 pr-4">Schedule</th>
                <th className="py-2 pr-4">Push-down above</th>
                <th className="py-2">Last extraction</th>
              </tr>
            </thead>
            <tbody>
              {sources.map((source) => (
                <tr key={source.id} className="border-b border-slate-100 align-top last:border-0">
                  <td className="py-2 pr-4">
                    <Link href={`/data/sources/${source.id}`} className="font-medium text-sky-800 hover:underline">{source.name}</Link>
                  </td>
                  <td className="py-2 pr-4">{source.kind === "postgres" ? "PostgreSQL" : "SQLite file"}</td>
                  <td className="py-2 pr-4">{source.datasetName}</td>
                  <td className="py-2 pr-4">
                    {source.schedule ? <><code>{source.schedule}</code><div className="text-xs text-slate-500">next {formatDateTime(source.nextExtraction)}</div></> : "on demand"}
                  </td>
                  <td className="py-2 pr-4 tabular-nums">{source.pushdownThreshold === null ? "never" : `${formatInt(source.pushdownThreshold)} rows`}</td>
                  <td className="py-2">
                    {formatDateTime(source.lastExtractedAt)}
                    {source.lastError && <div className="mt-1"><Badge tone="critical">failed</Badge> <span className="text-xs text-rose-800">{source.lastError}</span></div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}
