import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/setup-form";
import { isSetupTokenValid } from "@/lib/auth/first-admin";

export const dynamic = "force-dynamic";
export const metadata = { title: "Set up" };

export default async function SetupPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  if (!token || !isSetupTokenValid(token)) {
    return (
      <AuthCard title="Setup link not valid" description="It is wrong, expired or already used. While no user exists, each server start prints a new one.">
        <Link className="text-sky-700 underline" href="/sign-in">Go to sign-in</Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Create the first admin" description="This account can add the other users and give them their roles.">
      <SetupForm token={token} />
    </AuthCard>
  );
}
