import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";

export default function NotFound() {
  return (
    <EmptyState title="Not found" action={<Link className="text-sky-700 underline" href="/">Back to the overview</Link>}>
      This page does not exist, or what it showed has been removed.
    </EmptyState>
  );
}
