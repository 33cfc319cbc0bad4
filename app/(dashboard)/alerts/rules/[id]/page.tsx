import Link from "next/link";
import { notFound } from "next/navigation";
import { AlertResponse } from "@/components/alerts/alert-response";
import { RuleForm } from "@/components/alerts/rule-form";
import { SeverityBadge, StateBadge } from "@/components/alerts/severity-badge";
import { AlertSignalChart } from "@/components/charts/chart-line-alert-signal";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can, PERMISSIONS, requirePageRole } from "@/lib/auth/guard";
import { formatDateTime } from "@/lib/format";
import { listChannels } from "@/lib/notify/channels";
import { getRuleDetail } from "@/lib/queries/alerts";

export const dynamic = "force-dynamic";
export const metadata = { title: "Alert rule" };

const link = "text-sky-700 hover:underline";

/** What a blank threshold means for a rule whose defaults follow other settings. */
function blankMeans(signal: string, metric: string | null): string | null {
  if (signal === "feature_psi") return "the data dictionary's PSI thresholds for the feature (0.1 / 0.25 unless set)";
  if (metric === "rocAuc") return "a critical level at the pipeline's ROC AUC gate floor";
  return null;
}

export default async function RulePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageRole(...PERMISSIONS.read);
  const id = Number((await params).id);
  const detail = Number.isSafeInteger(id) ? getRuleDetail(id) : null;
  if (!detail) notFound();
  const { rule, pipeline, events } = detail;
  const current = events.filter((e) => e.revision === rule.revision);
  const points = [...current].reverse().map((e) => ({ at: formatDateTime(e.at), value: e.value, severity: e.severity }));
  const muted = rule.mutedUntil !== null && rule.mutedUntil > new Date();
  return (
    <>
      <PageHeader title={`${pipeline.name}: ${rule.label}`} description={<>Fires when {rule.fireM} of the last {rule.fireN} evaluations breach: {rule.thresholds}. <Link className={link} href="/alerts">All alerts</Link></>} />
      <div className="mb-6 grid grid-cols-1 gap-4 xl:grid-cols-3">
        <Card title="State" className="xl:col-span-1">
          <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
            <dt className="text-slate-500">Now</dt><dd data-testid="rule-state"><StateBadge state={rule.state} severity={rule.severity} /></dd>
            <dt className="text-slate-500">Last message</dt><dd>{formatDateTime(rule.lastNotifiedAt)}</dd>
            <dt className="text-slate-500">Muted</dt><dd>{muted ? `until ${formatDateTime(rule.mutedUntil)}` : "no"}</dd>
            <dt className="text-slate-500">Acknowledged</dt><dd>{rule.acknowledgedAt ? `${rule.acknowledgedBy}, ${formatDateTime(rule.acknowledgedAt)}: “${rule.acknowledgedNote}”` : "no"}</dd>
            <dt className="text-slate-500">Retraining</dt><dd>{rule.retrain ? `on critical, at most every ${rule.cooldownSeconds / 3600} h` : "off"}</dd>
          </dl>
          {can(user.role, "acknowledge-alerts") && <div className="mt-4"><AlertResponse ruleId={rule.id} firing={rule.state === "firing"} muted={muted} /></div>}
        </Card>
        <Card title={`Values since the rule was last changed (${current.length})`} className="xl:col-span-2">
          {points.length === 0 ? <p className="text-sm text-slate-600">Not evaluated since the last change; the next run or tick judges the latest value.</p>
            : <AlertSignalChart points={points} warning={rule.effective.warning} critical={rule.effective.critical} label={`${rule.label} per evaluation`} />}
        </Card>
      </div>
      {can(user.role, "configure-alerts") && (
        <Card title="Edit the rule" className="mb-6">
          <RuleForm
            target={{ ruleId: rule.id }}
            initial={rule}
            features={pipeline.features.map((f) => f.name)}
            channels={listChannels()}
            blankMeans={blankMeans(rule.signal, rule.metric)}
          />
        </Card>
      )}
      <Card title="Evaluations">
        <table className="w-full text-left text-sm" aria-label="Evaluations">
          <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
            <tr><th className="py-2 pr-4">When</th><th className="py-2 pr-4">Value</th><th className="py-2 pr-4">Severity</th><th className="py-2 pr-4">State</th><th className="py-2">Message</th></tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id} className="border-b border-slate-100 align-top last:border-0">
                <td className="py-2 pr-4 tabular-nums whitespace-nowrap">{formatDateTime(e.at)}</td>
                <td className="py-2 pr-4 tabular-nums"><Link className={link} href={e.href}>{e.valueLabel}</Link></td>
                <td className="py-2 pr-4"><SeverityBadge severity={e.severity} /></td>
                <td className="py-2 pr-4">{e.state}{e.notification && ` · notified (${e.notification})`}</td>
                <td className="py-2 break-words text-slate-700">
                  {e.message}
                  {e.retrain && <> → <Link className={link} href={`/pipelines/${pipeline.id}/runs/${e.retrain.runId}`}>{e.retrain.sentence}</Link></>}
                  {e.acknowledgedNote && <> · acknowledged by {e.acknowledgedBy}: “{e.acknowledgedNote}”</>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {events.length === 0 && <p className="py-4 text-sm text-slate-500">Not evaluated yet.</p>}
      </Card>
    </>
  );
}
