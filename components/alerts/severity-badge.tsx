import { Badge } from "@/components/ui/badge";

const TONE = { critical: "critical", warning: "warning", ok: "good" } as const;

export function SeverityBadge({ severity }: { severity: "ok" | "warning" | "critical" }) {
  return <Badge tone={TONE[severity]}>{severity}</Badge>;
}

export function StateBadge({ state, severity }: { state: "ok" | "firing" | "resolved"; severity: "ok" | "warning" | "critical" }) {
  if (state === "firing") return <Badge tone={TONE[severity]}>firing · {severity}</Badge>;
  return <Badge tone={state === "resolved" ? "info" : "good"}>{state}</Badge>;
}
