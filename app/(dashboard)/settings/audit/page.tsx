import { AuditFilters } from "@/components/audit/audit-filters";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { PERMISSIONS, requirePageRole } from "@/lib/auth/guard";
import { formatDateTime } from "@/lib/format";
import { AUDIT_PAGE_SIZE, listAuditEntries, listAuditFilterOptions, type AuditFilters as Filters } from "@/lib/queries/audit";

export const dynamic = "force-dynamic";
export const metadata = { title: "Audit log" };

const one = (value: string | string[] | undefined) => (typeof value === "string" && value !== "" ? value : undefined);

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageRole(...PERMISSIONS["view-audit-log"]);
  const params = await searchParams;
  const filters: Filters = { user: one(params.user), action: one(params.action), entity: one(params.entity) };
  const entries = listAuditEntries(filters);
  return (
    <>
      <PageHeader title="Audit log" description={`Who changed what, newest first (up to ${AUDIT_PAGE_SIZE} entries).`} />
      <Card className="mb-6">
        <AuditFilters options={listAuditFilterOptions()} current={filters} />
      </Card>
      {entries.length === 0 ? (
        <EmptyState title="No entries">Nothing matches these filters yet.</EmptyState>
      ) : (
        <Card>
          <table className="w-full text-left text-sm" aria-label="Audit entries">
            <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
              <tr><th className="py-2 pr-4">When</th><th className="py-2 pr-4">User</th><th className="py-2 pr-4">Action</th><th className="py-2 pr-4">Entity</th><th className="py-2">Details</th></tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} className="border-b border-slate-100 align-top last:border-0">
                  <td className="whitespace-nowrap py-2 pr-4 tabular-nums">{formatDateTime(entry.at)}</td>
                  <td className="py-2 pr-4">{entry.actorEmail}</td>
                  <td className="py-2 pr-4 font-mono text-xs">{entry.action}</td>
                  <td className="whitespace-nowrap py-2 pr-4">{entry.entityType} {entry.entityId.length > 12 ? `${entry.entityId.slice(0, 8)}…` : `#${entry.entityId}`}</td>
                  <td className="break-all py-2 font-mono text-xs text-slate-600">{Object.keys(entry.details).length > 0 ? JSON.stringify(entry.details) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </>
  );
}
