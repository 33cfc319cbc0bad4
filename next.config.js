/**
 * Security headers on every response. The Content-Security-Policy allows only this origin; Next's
 * streamed pages carry inline bootstrap scripts and Recharts and React set inline styles, so both keep
 * 'unsafe-inline' (a per-request nonce would make every page dynamic for little gain here: all user text
 * is escaped by React, and the corpus tests prove no script runs from data). No HSTS: a self-hosted
 * instance may be served over plain HTTP on a LAN; set it at the TLS proxy.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const SECURITY_HEADERS = [
  { key: "Content-Security-Policy", value: CONTENT_SECURITY_POLICY },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // next dev would otherwise write an AGENTS.md into the project root.
  agentRules: false,
  // authInterrupts: pages answer a missing session with unauthorized() (→ app/unauthorized.tsx, which sends
  // the browser to /sign-in?next=<the page>; a server component cannot read its own URL) and a wrong role
  // with forbidden() (→ app/forbidden.tsx), both with their real HTTP status.
  experimental: { agentUpgrade: false, authInterrupts: true },
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
};

export default nextConfig;
