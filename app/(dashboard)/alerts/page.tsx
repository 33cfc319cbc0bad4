import Link from "next/link";
import { SeverityBadge, StateBadge } from "@/components/alerts/severity-badge";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can, PERMISSIONS, requirePageRole } from "@/lib/auth/guard";
import { formatDateTime } from "@/lib/format";
import { listOpenAlerts, listRules, listTransitions } from "@/lib/queries/alerts";

export const dynamic = "force-dynamic";
export const metadata = { title: "Alerts" };

const link = "text-sky-700 hover:underline";

export default async function AlertsPage() {
  const user = await requirePageRole(...PERMISSIONS.read);
  const rules = listRules();
  const open = listOpenAlerts();
  const history = listTransitions();
  const header = (
    <PageHeader
      title="Alerts"
      description="Threshold rules on drift, accuracy and failed runs: open alerts first, then what changed. Rules are judged after every run and in every tick."
      actions={can(user.role, "manage-channels") ? <Link className={link} href="/settings/channels">Notification channels</Link> : undefined}
    />
  );
  if (rules.length === 0) {
    return (
      <>
        {header}
        <EmptyState title="No alert rules yet" action={<Link className={link} href="/pipelines/new">Create a pipeline</Link>}>
          Every pipeline gets rules when it is created: PSI per feature at the data dictionary&apos;s thresholds, realised ROC AUC below
          the gate floor, and failed runs. They are judged after each run and by the cron tick, and appear here when they fire.
        </EmptyState>
      </>
    );
  }
  return (
    <>
      {header}
      <Card title={`Open alerts (${open.length})`} className="mb-6">
        {open.length === 0 ? (
          <p className="text-sm text-slate-600">Nothing is firing. {rules.filter((r) => r.enabled).length} rules are watching.</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Open alerts">
            {open.map(({ rule, opened, latest }) => (
              <li key={rule.id} className="py-3 text-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <SeverityBadge severity={rule.severity} />
                  <span className="font-medium">{rule.pipelineName}: {rule.label}</span>
                  {latest && <span className="tabular-nums text-slate-600">now {latest.valueLabel}</span>}
                  {rule.mutedUntil && rule.mutedUntil > new Date() && <Badge>muted until {formatDateTime(rule.mutedUntil)}</Badge>}
                  {rule.acknowledgedAt && <Badge tone="info">acknowledged by {rule.acknowledgedBy}</Badge>}
                </div>
                <p className="mt-1 text-slate-600">
                  Since {formatDateTime(opened?.at)} · {rule.thresholds}
                  {rule.acknowledgedNote && <> · “{rule.acknowledgedNote}”</>}
                </p>
                {opened?.retrain && <p className="mt-1 text-slate-700">→ <Link className={link} href={`/pipelines/${rule.pipelineId}/runs/${opened.retrain.runId}`}>{opened.retrain.sentence}</Link></p>}
                <p className="mt-1 space-x-3">
                  {latest && <Link className={link} href={latest.href}>Explain</Link>}
                  <Link className={link} href={`/alerts/rules/${rule.id}`}>Rule and history</Link>
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="History" className="mb-6">
        {history.length === 0 ? (
          <p className="text-sm text-slate-600">No rule has fired or resolved yet.</p>
        ) : (
          <table className="w-full text-left text-sm" aria-label="Alert history">
            <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
              <tr><th className="py-2 pr-4">When</th><th className="py-2 pr-4">Alert</th><th className="py-2 pr-4">Value</th><th className="py-2 pr-4">Change</th><th className="py-2">What happened</th></tr>
            </thead>
            <tbody>
              {history.map((event) => (
                <tr key={event.id} className="border-b border-slate-100 align-top last:border-0">
                  <td className="py-2 pr-4 tabular-nums whitespace-nowrap">{formatDateTime(event.at)}</td>
                  <td className="py-2 pr-4"><Link className={link} href={`/alerts/rules/${event.ruleId}`}>{event.rule.pipelineName}: {event.rule.label}</Link></td>
                  <td className="py-2 pr-4 tabular-nums"><Link className={link} href={event.href}>{event.valueLabel}</Link></td>
                  <td className="py-2 pr-4"><StateBadge state={event.state} severity={event.severity} /></td>
                  <td className="py-2 break-words text-slate-700">
                    {event.message}
                    {event.retrain && <> → <Link className={link} href={`/pipelines/${event.rule.pipelineId}/runs/${event.retrain.runId}`}>{event.retrain.sentence}</Link></>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <Card title={`Rules (${rules.length})`}>
        <table className="w-full text-left text-sm" aria-label="Alert rules">
          <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
            <tr><th className="py-2 pr-4">Pipeline</th><th className="py-2 pr-4">Watches</th><th className="py-2 pr-4">Thresholds</th><th className="py-2 pr-4">Fires on</th><th className="py-2 pr-4">Notifies</th><th className="py-2">State</th></tr>
          </thead>
          <tbody>
            {rules.map((rule) => (
              <tr key={rule.id} className="border-b border-slate-100 last:border-0">
                <td className="py-2 pr-4">{rule.pipelineName}</td>
                <td className="py-2 pr-4"><Link className={link} href={`/alerts/rules/${rule.id}`}>{rule.label}</Link>{rule.retrain && <> <Badge tone="info">retrains</Badge></>}</td>
                <td className="py-2 pr-4">{rule.thresholds}</td>
                <td className="py-2 pr-4 tabular-nums">{rule.fireM} of {rule.fireN}</td>
                <td className="py-2 pr-4 tabular-nums">{rule.channels.length === 0 ? "—" : `${rule.channels.length} channel${rule.channels.length > 1 ? "s" : ""}`}</td>
                <td className="py-2">{rule.enabled ? <StateBadge state={rule.state} severity={rule.severity} /> : <Badge>disabled</Badge>}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {can(user.role, "configure-alerts") && (
          <p className="mt-3 space-x-3 text-sm">
            <span className="text-slate-500">Add a rule to</span>
            {[...new Map(rules.map((r) => [r.pipelineId, r.pipelineName])).entries()].map(([id, name]) => (
              <Link key={id} className={link} href={`/alerts/rules/new?pipeline=${id}`}>{name}</Link>
            ))}
          </p>
        )}
      </Card>
    </>
  );
}
