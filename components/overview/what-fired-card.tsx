import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/lib/format";
import { listRecentAlerts } from "@/lib/queries/overview";

/** The latest alert transitions: what fired and what resolved, newest first. */
export function WhatFiredCard() {
  const events = listRecentAlerts();
  if (events.length === 0) {
    return (
      <EmptyState title="Nothing fired" action={<Link className="text-sky-700 underline" href="/alerts">Alerts</Link>}>
        No alert has fired or resolved yet.
      </EmptyState>
    );
  }
  return (
    <Card title="What fired">
      <ul className="space-y-2 text-sm" aria-label="What fired">
        {events.map((e) => (
          <li key={e.id}>
            <Badge tone={e.state === "firing" ? (e.severity === "critical" ? "critical" : "warning") : "good"}>{e.state === "firing" ? `fired · ${e.severity}` : e.state}</Badge>{" "}
            <Link href={`/alerts/rules/${e.ruleId}`} className="text-slate-700 hover:underline">{e.message}</Link>
            <div className="text-xs text-slate-500">{e.pipelineName} · {formatDateTime(e.at)}</div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
