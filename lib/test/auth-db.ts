/** A real SQLite database in a temporary folder with the auth tables, and sign-in the way the browser does it. */
import { afterAll, beforeAll } from "vitest";
import { closeDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { getAuth } from "@/lib/auth/auth";
import { tempDir } from "./temp-files";

/** Points DATABASE_PATH at a fresh migrated database for the test file, removed afterwards. */
export function useTempDatabase(): { path: string } {
  const tmp = tempDir("driftline-auth-");
  const path = `${tmp.dir}/driftline.db`;
  beforeAll(() => {
    process.env.DATABASE_PATH = path;
    migrateDatabase();
  });
  afterAll(() => {
    closeDb();
    tmp.cleanup();
  });
  return { path };
}

/** Signs in through better-auth's HTTP handler, as the sign-in form does. */
export function signInRequest(email: string, password: string, clientAddress = "198.51.100.1"): Promise<Response> {
  return getAuth().handler(
    new Request("http://localhost:3000/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": clientAddress },
      body: JSON.stringify({ email, password }),
    }),
  );
}

/** The session cookie of a successful sign-in, as a Cookie header value. */
export async function sessionCookie(email: string, password: string): Promise<string> {
  const response = await signInRequest(email, password);
  if (!response.ok) throw new Error(`sign-in failed with ${response.status}`);
  return response.headers.get("set-cookie")!.split(";")[0];
}
