/** Signs each demo user in once and saves the session, so specs start signed in as the role they need. */
import { request, type FullConfig } from "@playwright/test";
import { ROLES, signIn, STORAGE_STATE } from "./auth";

export default async function globalSetup(config: FullConfig) {
  const { baseURL } = config.projects[0].use;
  for (const role of ROLES) {
    const context = await request.newContext({ baseURL });
    await signIn(context, role);
    await context.storageState({ path: STORAGE_STATE[role] });
    await context.dispose();
  }
}
