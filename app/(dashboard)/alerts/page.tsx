import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { PERMISSIONS, requirePageRole } from "@/lib/auth/guard";

export default async function AlertsPage() {
  await requirePageRole(...PERMISSIONS.read);
  return (
    <>
      <PageHeader title="Alerts" description="Threshold alerts on drift, accuracy and failed runs, with their history." />
      <EmptyState title="No alerts yet">
        Threshold alerts (feature PSI, ROC AUC below its gate, failed runs) and their notification channels are not
        built yet. Until then, the Drift page and each run's monitor step show what moved.
      </EmptyState>
    </>
  );
}
