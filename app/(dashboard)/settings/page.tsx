import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { databasePath } from "@/db/client";
import { can, PERMISSIONS, requirePageRole } from "@/lib/auth/guard";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  const user = await requirePageRole(...PERMISSIONS.read);
  const config = env();
  const rows: [string, string][] = [
    ["Database file", databasePath()],
    ["App URL", config.APP_URL],
    ["Largest upload", `${config.MAX_UPLOAD_MB} MB`],
    ["Cron secret", config.CRON_SECRET ? "set: GET /api/cron/tick runs schedules, alerts and deliveries" : "not set: /api/cron/tick refuses every call until CRON_SECRET is set"],
    ["Scheduler", config.DRIFTLINE_SCHEDULER === "on" ? "on: this server runs the tick every minute" : "off: a cron caller (or `driftline tick`) runs the tick"],
  ];
  return (
    <>
      <PageHeader title="Settings" description="How this instance is configured, with its users, API keys, channels and audit log. Pipeline schedules are set on each pipeline's page, alert rules on the Alerts page." />
      {can(user.role, "manage-users") && (
        <Card title="Access" className="mb-6">
          <ul className="space-y-1 text-sm">
            <li><Link className="text-sky-700 hover:underline" href="/settings/users">Users</Link>: add people, set their roles, remove them.</li>
            <li><Link className="text-sky-700 hover:underline" href="/settings/audit">Audit log</Link>: who changed what, and when.</li>
            {can(user.role, "manage-api-keys") && <li><Link className="text-sky-700 hover:underline" href="/settings/api-keys">API keys</Link>: let marketing tools read scores.</li>}
            {can(user.role, "manage-channels") && <li><Link className="text-sky-700 hover:underline" href="/settings/channels">Channels</Link>: where alerts are sent (webhook, Slack, email), test messages and the delivery log.</li>}
          </ul>
        </Card>
      )}
      <Card title="Instance">
        <dl className="grid grid-cols-[12rem_1fr] gap-y-2 text-sm">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-500">{label}</dt>
              <dd className="font-mono text-slate-800">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </>
  );
}
