import { ChannelControls } from "@/components/channels/channel-controls";
import { NewChannelForm } from "@/components/channels/new-channel-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PERMISSIONS, requirePageRole } from "@/lib/auth/guard";
import { formatDateTime } from "@/lib/format";
import { listChannels } from "@/lib/notify/channels";
import { countPendingDeliveries, listDeliveryAttempts } from "@/lib/queries/channels";

export const dynamic = "force-dynamic";
export const metadata = { title: "Channels" };

export default async function ChannelsPage() {
  await requirePageRole(...PERMISSIONS["manage-channels"]);
  const channels = listChannels();
  const attempts = listDeliveryAttempts();
  const pending = countPendingDeliveries();
  return (
    <>
      <PageHeader
        title="Notification channels"
        description="Where alerts go: signed webhooks, Slack, email. Every message goes through an outbox: a failed delivery is retried with backoff (30 s, 1 min, 2 min … up to hourly, 12 attempts) and every attempt is logged below."
      />
      <Card title="Create a channel" className="mb-6"><NewChannelForm /></Card>
      <Card title={`Channels (${channels.length})`} className="mb-6">
        <table className="w-full text-left text-sm" aria-label="Channels">
          <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
            <tr><th className="py-2 pr-4">Name</th><th className="py-2 pr-4">Kind</th><th className="py-2 pr-4">Sends to</th><th className="py-2 pr-4">Created</th><th className="py-2" /></tr>
          </thead>
          <tbody>
            {channels.map((c) => (
              <tr key={c.id} className="border-b border-slate-100 last:border-0">
                <td className="py-2 pr-4 font-medium">{c.name}</td>
                <td className="py-2 pr-4">{c.kind}</td>
                <td className="py-2 pr-4 break-all text-slate-600">{c.target}</td>
                <td className="py-2 pr-4 tabular-nums">{formatDateTime(c.createdAt)} by {c.createdBy}</td>
                <td className="py-2"><ChannelControls channelId={c.id} name={c.name} /></td>
              </tr>
            ))}
          </tbody>
        </table>
        {channels.length === 0 && <p className="py-4 text-sm text-slate-500">No channels yet. Alerts are still recorded and shown on the Alerts page.</p>}
      </Card>
      <Card title={`Delivery attempts (latest ${attempts.length}; ${pending} waiting)`}>
        <table className="w-full text-left text-sm" aria-label="Delivery attempts">
          <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
            <tr><th className="py-2 pr-4">When</th><th className="py-2 pr-4">Channel</th><th className="py-2 pr-4">Message</th><th className="py-2 pr-4">Result</th><th className="py-2">Delivery</th></tr>
          </thead>
          <tbody>
            {attempts.map((a) => (
              <tr key={a.id} className="border-b border-slate-100 align-top last:border-0">
                <td className="py-2 pr-4 tabular-nums whitespace-nowrap">{formatDateTime(a.at)}</td>
                <td className="py-2 pr-4">{a.channel}</td>
                <td className="py-2 pr-4">{a.title}</td>
                <td className="py-2 pr-4 break-words">
                  {a.ok ? <Badge tone="good">delivered {a.statusCode ?? ""}</Badge> : <Badge tone="critical">failed {a.statusCode ?? ""}</Badge>}
                  {a.error && <span className="ml-2 text-xs text-slate-600">{a.error}</span>}
                  <span className="ml-2 text-xs text-slate-400">{a.durationMs} ms</span>
                </td>
                <td className="py-2 text-xs text-slate-600">
                  {a.outboxStatus === "pending" ? `retry ${a.attempts + 1} at ${formatDateTime(a.nextAttemptAt)}` : `${a.outboxStatus} after ${a.attempts} attempt${a.attempts > 1 ? "s" : ""}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {attempts.length === 0 && <p className="py-4 text-sm text-slate-500">Nothing sent yet.</p>}
      </Card>
    </>
  );
}
