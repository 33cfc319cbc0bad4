import Link from "next/link";
import { notFound } from "next/navigation";
import { RunView } from "@/components/pipelines/run-view";
import { PageHeader } from "@/components/ui/page-header";
import { can, PERMISSIONS, requirePageRole } from "@/lib/auth/guard";
import { listRetrainCauses } from "@/lib/queries/alerts";
import { getPipeline, getRunWithSteps } from "@/lib/queries/pipelines";

export const dynamic = "force-dynamic";

export default async function RunPage({ params }: { params: Promise<{ id: string; runId: string }> }) {
  const user = await requirePageRole(...PERMISSIONS.read);
  const { id, runId } = await params;
  const found = getRunWithSteps(Number(runId));
  const pipeline = getPipeline(Number(id));
  if (!found || !pipeline || found.run.pipelineId !== pipeline.pipeline.id) notFound();
  const causes = found.run.trigger === "alert" ? listRetrainCauses(found.run.id) : [];
  return (
    <>
      <PageHeader
        title={`Run #${found.run.id}`}
        description={
          <>
            <Link className="text-sky-700 hover:underline" href={`/pipelines/${pipeline.pipeline.id}`}>{pipeline.pipeline.name}</Link>
            {" · "}started by {found.run.trigger === "schedule" ? `the schedule (slot ${found.run.slotKey?.split(":").slice(2).join(":")})` : found.run.trigger}
          </>
        }
      />
      {causes.length > 0 && (
        <p className="mb-4 text-sm text-slate-700" data-testid="retrain-cause">
          Retraining started by {causes.map((c, i) => (
            <span key={i}>{i > 0 && "; "}<Link className="text-sky-700 hover:underline" href={`/alerts/rules/${c.ruleId}`}>{c.message}</Link></span>
          ))}
        </p>
      )}
      <RunView initial={JSON.parse(JSON.stringify(found))} canCancel={can(user.role, "train")} />
    </>
  );
}
