import { AddUserForm } from "@/components/users/add-user-form";
import { UserRowControls } from "@/components/users/user-row-controls";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PERMISSIONS, requirePageRole } from "@/lib/auth/guard";
import { listUsers } from "@/lib/auth/users";
import { formatDateTime } from "@/lib/format";

export const dynamic = "force-dynamic";
export const metadata = { title: "Users" };

export default async function UsersPage() {
  const me = await requirePageRole(...PERMISSIONS["manage-users"]);
  const users = listUsers();
  return (
    <>
      <PageHeader
        title="Users"
        description="Analysts read everything, train and run monitoring. PMs read pipelines, reports, drift and scores, and export scores. Admins also manage users, API keys, channels, alert rules and schedules."
      />
      <Card title="Add a user" className="mb-6">
        <AddUserForm />
      </Card>
      <Card title={`People (${users.length})`}>
        <table className="w-full text-left text-sm" aria-label="Users">
          <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
            <tr><th className="py-2 pr-4">Email</th><th className="py-2 pr-4">Name</th><th className="py-2 pr-4">Role</th><th className="py-2 pr-4">Added</th><th className="py-2">Change</th></tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className="border-b border-slate-100 last:border-0">
                <td className="py-2 pr-4 font-medium">{user.email}</td>
                <td className="py-2 pr-4">{user.name}</td>
                <td className="py-2 pr-4">{user.role}</td>
                <td className="py-2 pr-4 tabular-nums">{formatDateTime(user.createdAt)}</td>
                <td className="py-2">
                  {user.id === me.id ? <span className="text-slate-500">you</span> : <UserRowControls userId={user.id} email={user.email} role={user.role} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}
