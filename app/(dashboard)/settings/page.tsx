import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { databasePath } from "@/db/client";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export default function SettingsPage() {
  const config = env();
  const rows: [string, string][] = [
    ["Database file", databasePath()],
    ["App URL", config.APP_URL],
    ["Largest upload", `${config.MAX_UPLOAD_MB} MB`],
    ["Cron secret", config.CRON_SECRET ? "set" : "not set: scheduled runs are refused until CRON_SECRET is set"],
  ];
  return (
    <>
      <PageHeader title="Settings" description="How this instance is configured. Users, channels, API keys and schedules will be managed here." />
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
