import Link from "next/link";
import { notFound } from "next/navigation";
import { ScoreHistoryChart } from "@/components/charts/chart-line-score-history";
import { Change } from "@/components/scores/scores-table";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime, formatPercent } from "@/lib/format";
import { explainCustomer, getCustomerScores } from "@/lib/queries/scores";
import { PERMISSIONS, requirePageRole } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";

const TONE = { high: "critical", medium: "warning", low: "good" } as const;

export default async function CustomerPage({ params }: { params: Promise<{ customerId: string }> }) {
  await requirePageRole(...PERMISSIONS.read);
  const customerId = decodeURIComponent((await params).customerId);
  const history = getCustomerScores(customerId);
  if (history.length === 0) notFound();
  const latest = history[0];
  const path = explainCustomer(latest.modelVersionId, latest.batchId, customerId);
  return (
    <>
      <PageHeader title={`Customer ${customerId}`} description={<Link className="text-sky-700 hover:underline" href="/scores">All scores</Link>} />
      <div className="mb-6 grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card title={`Latest score · ${latest.pipelineName} v${latest.version}`}>
          <p className="text-3xl font-semibold tabular-nums" data-testid="customer-probability">{formatPercent(latest.probability)}</p>
          <p className="mt-1 text-sm"><Badge tone={TONE[latest.band]}>{latest.band} risk</Badge> <Change now={latest.probability} before={latest.previousProbability} /></p>
          <h3 className="mt-4 text-sm font-semibold text-slate-700">Why</h3>
          <ul className="mt-1 list-disc pl-5 text-sm" data-testid="customer-reasons">
            {latest.reasons.length > 0 ? latest.reasons.map((r) => <li key={r}>{r}</li>) : <li>No single condition stands out: the score is close to the base rate.</li>}
          </ul>
          {path && (
            <>
              <h3 className="mt-4 text-sm font-semibold text-slate-700">Decision path</h3>
              <p className="mt-1 text-sm text-slate-700" data-testid="decision-path">{path.explanation.text || "every customer (the model has one leaf)"}</p>
            </>
          )}
        </Card>
        <Card title="Score history">
          <ScoreHistoryChart points={history.slice().reverse().map((h) => ({ at: h.scoredAt.getTime(), probability: h.probability, label: `${h.pipelineName} v${h.version}` }))} />
        </Card>
      </div>
      <Card title="Every score">
        <table className="w-full text-left text-sm" aria-label="Score history">
          <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
            <tr><th className="py-2 pr-4">Scored</th><th className="py-2 pr-4">Pipeline</th><th className="py-2 pr-4">Version</th><th className="py-2 pr-4 text-right">Probability</th><th className="py-2">Band</th></tr>
          </thead>
          <tbody>
            {history.map((h) => (
              <tr key={`${h.runId}-${h.pipelineId}`} className="border-b border-slate-100 last:border-0">
                <td className="py-2 pr-4 tabular-nums">{formatDateTime(h.scoredAt)}</td>
                <td className="py-2 pr-4">{h.pipelineName}</td>
                <td className="py-2 pr-4"><Link className="text-sky-700 hover:underline" href={`/models/${h.modelVersionId}`}>v{h.version}</Link></td>
                <td className="py-2 pr-4 text-right tabular-nums">{formatPercent(h.probability)}</td>
                <td className="py-2"><Badge tone={TONE[h.band]}>{h.band}</Badge></td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}
