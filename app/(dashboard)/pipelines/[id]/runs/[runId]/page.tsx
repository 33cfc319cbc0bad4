import Link from "next/link";
import { notFound } from "next/navigation";
import { RunView } from "@/components/pipelines/run-view";
import { PageHeader } from "@/components/ui/page-header";
import { can, PERMISSIONS, requirePageRole } from "@/lib/auth/guard";
import { getPipeline, getRunWithSteps } from "@/lib/queries/pipelines";

export const dynamic = "force-dynamic";

export default async function RunPage({ params }: { params: Promise<{ id: string; runId: string }> }) {
  const user = await requirePageRole(...PERMISSIONS.read);
  const { id, runId } = await params;
  const found = getRunWithSteps(Number(runId));
  const pipeline = getPipeline(Number(id));
  if (!found || !pipeline || found.run.pipelineId !== pipeline.pipeline.id) notFound();
  return (
    <>
      <PageHeader
        title={`Run #${found.run.id}`}
        description={<Link className="text-sky-700 hover:underline" href={`/pipelines/${pipeline.pipeline.id}`}>{pipeline.pipeline.name}</Link>}
      />
      <RunView initial={JSON.parse(JSON.stringify(found))} canCancel={can(user.role, "train")} />
    </>
  );
}
