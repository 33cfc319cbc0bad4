import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { listChampionHealth } from "@/lib/queries/overview";

const VERDICT_TONE = { healthy: "good", "at risk": "warning", unhealthy: "critical" } as const;
const CHECK_MARK = { good: "✓", warning: "!", critical: "✕", info: "·" } as const;
const CHECK_COLOUR = { good: "text-emerald-700", warning: "text-amber-700", critical: "text-rose-700", info: "text-slate-500" } as const;

/** Is each champion healthy: its realised accuracy against validation and the floor, drift, firing alerts. */
export function ChampionHealthCard() {
  const champions = listChampionHealth();
  if (champions.length === 0) {
    return (
      <EmptyState title="No champion model yet">
        Once a pipeline has trained, validated and promoted a model, its health shows here.
      </EmptyState>
    );
  }
  return (
    <Card title="Is the champion healthy?">
      <ul className="space-y-4 text-sm" aria-label="Champion health">
        {champions.map((c) => (
          <li key={c.pipelineId}>
            <div className="flex flex-wrap items-center gap-2">
              <Link className="font-medium text-sky-700 hover:underline" href={`/models/${c.modelVersionId}`}>
                {c.pipelineName} · v{c.version}
              </Link>
              <Badge tone={VERDICT_TONE[c.verdict]}>{c.verdict}</Badge>
            </div>
            <ul className="mt-1 space-y-1">
              {c.checks.map((check) => (
                <li key={check.text} className="flex gap-2">
                  <span aria-hidden className={`w-3 shrink-0 font-bold ${CHECK_COLOUR[check.tone]}`}>{CHECK_MARK[check.tone]}</span>
                  <Link href={check.href} className="text-slate-700 hover:underline">{check.text}</Link>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </Card>
  );
}
