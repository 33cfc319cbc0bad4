import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export default function ModelsPage() {
  return (
    <>
      <PageHeader title="Models" description="Every model version, its validation report and gate results, and which one is champion." />
      <EmptyState title="No model versions yet">
        A version is registered each time a pipeline run trains a model. Its report (ROC, precision–recall,
        calibration, lift) and the alias history (champion, challenger) will be listed here.
      </EmptyState>
    </>
  );
}
