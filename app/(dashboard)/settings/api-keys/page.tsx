import { NewApiKeyForm } from "@/components/api-keys/new-api-key-form";
import { RevokeApiKeyButton } from "@/components/api-keys/revoke-api-key-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listApiKeys } from "@/lib/api-keys";
import { PERMISSIONS, requirePageRole } from "@/lib/auth/guard";
import { formatDateTime } from "@/lib/format";

export const dynamic = "force-dynamic";
export const metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  await requirePageRole(...PERMISSIONS["manage-api-keys"]);
  const keys = listApiKeys();
  return (
    <>
      <PageHeader
        title="API keys"
        description={
          <>
            Marketing tools read scores from <code>/api/scores</code> with a key sent as <code>Authorization: Bearer &lt;key&gt;</code>. Each key is
            shown once, when it is created; revoke a key as soon as its tool no longer needs it.
          </>
        }
      />
      <Card title="Create a key" className="mb-6">
        <NewApiKeyForm />
      </Card>
      <Card title={`Keys (${keys.length})`}>
        <table className="w-full text-left text-sm" aria-label="API keys">
          <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
            <tr>
              <th className="py-2 pr-4">Name</th><th className="py-2 pr-4">Key</th><th className="py-2 pr-4">Created by</th>
              <th className="py-2 pr-4">Created</th><th className="py-2 pr-4">Last used</th><th className="py-2">Status</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.id} className="border-b border-slate-100 last:border-0">
                <td className="py-2 pr-4 font-medium">{key.name}</td>
                <td className="py-2 pr-4 font-mono text-slate-600">{key.prefix}…</td>
                <td className="py-2 pr-4">{key.createdBy}</td>
                <td className="py-2 pr-4 tabular-nums">{formatDateTime(key.createdAt)}</td>
                <td className="py-2 pr-4 tabular-nums">{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : "never"}</td>
                <td className="py-2">
                  {key.revokedAt ? <Badge tone="critical">revoked {formatDateTime(key.revokedAt)}</Badge> : <RevokeApiKeyButton keyId={key.id} name={key.name} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {keys.length === 0 && <p className="py-4 text-sm text-slate-500">No keys yet.</p>}
      </Card>
    </>
  );
}
