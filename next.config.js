/** @type {import('next').NextConfig} */
const nextConfig = {
  // next dev would otherwise write an AGENTS.md into the project root.
  agentRules: false,
  // authInterrupts: pages answer a missing session with unauthorized() (→ app/unauthorized.tsx, which sends
  // the browser to /sign-in?next=<the page>; a server component cannot read its own URL) and a wrong role
  // with forbidden() (→ app/forbidden.tsx), both with their real HTTP status.
  experimental: { agentUpgrade: false, authInterrupts: true },
  poweredByHeader: false,
};

export default nextConfig;
