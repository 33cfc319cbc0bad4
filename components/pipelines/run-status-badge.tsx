import { Badge } from "@/components/ui/badge";

const TONE = { succeeded: "good", failed: "critical", cancelled: "warning", running: "info", queued: "neutral", pending: "neutral", skipped: "neutral" } as const;

export function RunStatusBadge({ status }: { status: string }) {
  return <Badge tone={TONE[status as keyof typeof TONE] ?? "neutral"}>{status}</Badge>;
}
