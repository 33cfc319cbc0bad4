import Link from "next/link";
import type { ReactNode } from "react";
import { NavLinks } from "@/components/layout/nav-links";

export default function DashboardLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen">
      <nav aria-label="Main" className="w-56 shrink-0 bg-slate-900 px-3 py-5">
        <Link href="/" className="mb-6 block px-3 text-lg font-semibold tracking-tight text-white">
          Driftline
        </Link>
        <NavLinks />
      </nav>
      <main className="min-w-0 flex-1 px-8 py-6">{children}</main>
    </div>
  );
}
