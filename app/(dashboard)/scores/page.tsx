import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export default function ScoresPage() {
  return (
    <>
      <PageHeader title="Scores" description="Every customer's churn probability, risk band and the reasons behind it, ready to export." />
      <EmptyState title="No scores yet">
        Scores appear once a champion model has scored a batch of customers. You will be able to filter by risk band,
        search by customer id, read each score&apos;s reasons and export the list as CSV.
      </EmptyState>
    </>
  );
}
