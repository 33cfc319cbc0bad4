/**
 * The three roles, with no imports, so client components, zod schemas and the database schema can share
 * them. What each role may do is decided in lib/auth/guard.ts.
 */
export const ROLES = ["analyst", "pm", "admin"] as const;
export type Role = (typeof ROLES)[number];
