import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { PERMISSIONS, requirePageRole } from "@/lib/auth/guard";

export default async function AlertsPage() {
  await requirePageRole(...PERMISSIONS.read);
  return (
    <>
      <PageHeader title="Alerts" description="Threshold alerts on drift, accuracy and failed runs, with their history." />
      <EmptyState title="No alerts yet">
        Every pipeline gets default alert rules (feature PSI, ROC AUC below its gate, failed runs). Open alerts will be
        listed here first, each linked to the chart that explains it.
      </EmptyState>
    </>
  );
}
