import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";

/** Shown (with status 403) when the signed-in user's role may not open a page. */
export default function Forbidden() {
  return (
    <AuthCard title="Not allowed" description="Your role does not give access to this page. An admin can change your role.">
      <Link className="text-sky-700 underline" href="/">
        Back to the overview
      </Link>
    </AuthCard>
  );
}
