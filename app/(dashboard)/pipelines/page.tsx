import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export default function PipelinesPage() {
  return (
    <>
      <PageHeader title="Pipelines" description="A pipeline turns a dataset into a deployed, monitored model: extract, validate, train, validate the model, register, deploy, score, monitor." />
      <EmptyState title="No pipelines yet">
        Pipelines are configured from a dataset: its target, features, model settings, validation gates and schedule.
        Start by <Link className="text-sky-700 underline" href="/data">uploading a dataset</Link>; pipeline configuration arrives next.
      </EmptyState>
    </>
  );
}
