/**
 * One user per role for the demo and the end-to-end tests, created by `npm run seed` and listed in the
 * README. Their passwords are public: never seed an instance other people can reach.
 */
import type { Role } from "./roles";

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  password: string;
}

export const DEMO_USERS: Record<Role, DemoUser> = {
  admin: { email: "admin@driftline.local", name: "Ada Admin", role: "admin", password: "driftline-admin" },
  analyst: { email: "analyst@driftline.local", name: "Ana Analyst", role: "analyst", password: "driftline-analyst" },
  pm: { email: "pm@driftline.local", name: "Pat PM", role: "pm", password: "driftline-pm" },
};
