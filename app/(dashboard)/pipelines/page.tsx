import Link from "next/link";
import { RunStatusBadge } from "@/components/pipelines/run-status-badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can, PERMISSIONS, requirePageRole } from "@/lib/auth/guard";
import { listPipelines } from "@/lib/queries/pipelines";

export const dynamic = "force-dynamic";
export const metadata = { title: "Pipelines" };

const newLink = (
  <Link href="/pipelines/new" className="rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800">
    New pipeline
  </Link>
);

export default async function PipelinesPage() {
  const user = await requirePageRole(...PERMISSIONS.read);
  const pipelines = listPipelines();
  const create = can(user.role, "train") ? newLink : undefined;
  return (
    <>
      <PageHeader
        title="Pipelines"
        description="A pipeline turns a dataset into a deployed, monitored model: extract, validate the data, train, validate the model, register, deploy, score, monitor."
        actions={create}
      />
      {pipelines.length === 0 ? (
        <EmptyState title="No pipelines yet" action={create}>
          Create one from a batch with a target column: choose the features and model settings, and the first training run starts.
        </EmptyState>
      ) : (
        <Card>
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
              <tr><th className="py-2 pr-4">Pipeline</th><th className="py-2 pr-4">Dataset</th><th className="py-2 pr-4">Target</th><th className="py-2 pr-4">Versions</th><th className="py-2">Last run</th></tr>
            </thead>
            <tbody>
              {pipelines.map((p) => (
                <tr key={p.id} className="border-b border-slate-100 last:border-0">
                  <td className="py-2 pr-4"><Link className="font-medium text-sky-700 hover:underline" href={`/pipelines/${p.id}`}>{p.name}</Link></td>
                  <td className="py-2 pr-4">{p.datasetName}</td>
                  <td className="py-2 pr-4">{p.targetColumn}</td>
                  <td className="py-2 pr-4 tabular-nums">{p.versionCount}</td>
                  <td className="py-2">{p.latestRunStatus ? <RunStatusBadge status={p.latestRunStatus} /> : "never run"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </>
  );
}
