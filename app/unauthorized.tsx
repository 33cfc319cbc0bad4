import { AuthCard } from "@/components/auth/auth-card";
import { SignInRedirect } from "@/components/auth/sign-in-redirect";

/** Shown (with status 401) when a page needs a signed-in user and there is none. */
export default function Unauthorized() {
  return (
    <AuthCard title="Sign in required" description="Your session has ended or you have not signed in yet.">
      <SignInRedirect />
    </AuthCard>
  );
}
