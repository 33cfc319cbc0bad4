import { signOut } from "@/lib/actions/session";
import type { SessionUser } from "@/lib/auth/guard";

/** Who is signed in, with which role, and the way out. */
export function UserMenu({ user }: { user: SessionUser }) {
  return (
    <div className="mt-auto border-t border-slate-800 px-3 pt-4 text-sm" data-testid="user-menu">
      <p className="truncate font-medium text-white" title={user.email}>{user.name}</p>
      <p className="truncate text-xs text-slate-400">{user.email}</p>
      <p className="mt-1 text-xs text-slate-300">Role: <span data-testid="user-role">{user.role}</span></p>
      <form action={signOut} className="mt-3">
        <button type="submit" className="rounded-md border border-slate-600 px-3 py-1 text-xs text-slate-200 hover:bg-slate-800">
          Sign out
        </button>
      </form>
    </div>
  );
}
