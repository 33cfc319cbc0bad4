import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { PERMISSIONS, requirePageRole } from "@/lib/auth/guard";

export default async function DriftPage() {
  await requirePageRole(...PERMISSIONS.read);
  return (
    <>
      <PageHeader title="Drift" description="How each new batch differs from the data the champion model was trained on." />
      <EmptyState title="No drift results yet">
        Drift is measured when a batch arrives for a pipeline with a champion model: PSI per feature over time,
        distribution overlays, and the score distribution. Nothing has been monitored yet.
      </EmptyState>
    </>
  );
}
