import Link from "next/link";
import type { ReactNode } from "react";
import { NavLinks } from "@/components/layout/nav-links";
import { UserMenu } from "@/components/layout/user-menu";
import { requirePageRole, ROLES } from "@/lib/auth/guard";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // Every dashboard page needs a signed-in user; pages, actions and routes still check for themselves.
  const user = await requirePageRole(...ROLES);
  return (
    <div className="flex min-h-screen">
      <nav aria-label="Main" className="sticky top-0 flex h-screen w-56 shrink-0 flex-col bg-slate-900 px-3 py-5">
        <Link href="/" className="mb-6 block px-3 text-lg font-semibold tracking-tight text-white">
          Driftline
        </Link>
        <NavLinks />
        <UserMenu user={user} />
      </nav>
      <main className="min-w-0 flex-1 px-8 py-6">{children}</main>
    </div>
  );
}
