"use client";

import Link from "next/link";
import { useEffect } from "react";

/** Sends the browser to sign in and back here afterwards; only the client knows the page's own URL. */
export function SignInRedirect() {
  useEffect(() => {
    const here = `${window.location.pathname}${window.location.search}`;
    window.location.replace(`/sign-in?next=${encodeURIComponent(here)}`);
  }, []);
  return (
    <Link className="text-sky-700 underline" href="/sign-in">
      Sign in to continue
    </Link>
  );
}
