import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime, formatNumber } from "@/lib/format";
import { listChampions } from "@/lib/queries/models";

/** Which version serves each pipeline, how good it was on held-out rows, and whether it passed its gates. */
export function ChampionsCard() {
  const champions = listChampions();
  if (champions.length === 0) {
    return (
      <EmptyState title="No champion model yet">
        Once a pipeline has trained, validated and promoted a model, its version and validation metrics show here.
      </EmptyState>
    );
  }
  return (
    <Card title="Champions">
      <ul className="space-y-2 text-sm" aria-label="Champions">
        {champions.map((c) => (
          <li key={c.pipelineId}>
            <Link className="font-medium text-sky-700 hover:underline" href={`/models/${c.modelVersionId}`}>
              {c.pipelineName} · v{c.version}
            </Link>{" "}
            <Badge tone={c.gatesPassed === false ? "warning" : "good"}>{c.gatesPassed === false ? "promoted past a gate" : "gates passed"}</Badge>
            <div className="text-slate-600">ROC AUC {formatNumber(c.rocAuc, 3)} on held-out rows · champion since {formatDateTime(c.since)}</div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
