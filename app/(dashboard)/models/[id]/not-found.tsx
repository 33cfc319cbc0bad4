import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";

export default function ModelVersionNotFound() {
  return (
    <EmptyState title="Model version not found" action={<Link className="text-sky-700 underline" href="/models">All model versions</Link>}>
      No model version has this id. It may never have been trained, or the link is mistyped.
    </EmptyState>
  );
}
