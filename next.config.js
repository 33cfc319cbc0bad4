/** @type {import('next').NextConfig} */
const nextConfig = {
  // next dev would otherwise write an AGENTS.md into the project root.
  agentRules: false,
  experimental: { agentUpgrade: false },
  poweredByHeader: false,
};

export default nextConfig;
