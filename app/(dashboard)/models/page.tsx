import Link from "next/link";
import { VersionTable } from "@/components/pipelines/version-table";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listModelVersions } from "@/lib/queries/models";
import { PERMISSIONS, requirePageRole } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";
export const metadata = { title: "Models" };

export default async function ModelsPage() {
  await requirePageRole(...PERMISSIONS.read);
  const versions = listModelVersions();
  return (
    <>
      <PageHeader title="Models" description="Every model version with its validation report. Promote a version from its report; roll back from its pipeline's page." />
      {versions.length === 0 ? (
        <EmptyState title="No model versions yet" action={<Link className="text-sky-700 underline" href="/pipelines/new">Create a pipeline</Link>}>
          A version is registered each time a pipeline run trains a model; its report (ROC, precision–recall, calibration, lift) opens from here.
        </EmptyState>
      ) : (
        <Card><VersionTable versions={versions} showPipeline /></Card>
      )}
    </>
  );
}
