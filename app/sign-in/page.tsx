import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentUser } from "@/lib/auth/guard";
import { safeNextPath } from "@/lib/auth/next-path";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string; created?: string }> }) {
  const { next, created } = await searchParams;
  const target = safeNextPath(next);
  if (await currentUser()) redirect(target);
  return (
    <AuthCard title="Sign in" description={created ? "The admin account is ready: sign in with it." : "Use the email and password your admin gave you."}>
      <SignInForm next={target} />
    </AuthCard>
  );
}
