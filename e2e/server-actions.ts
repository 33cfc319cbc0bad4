/**
 * Calls a server action over HTTP exactly as the browser does, so a test can forge calls the UI never
 * makes (a PM pressing a button they are not shown). The id comes from the build's server-reference
 * manifest, where Next records each action's file and export name; the arguments are encoded, and the
 * answer decoded, by the React Flight client that Next itself ships and uses in the browser.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { APIRequestContext } from "@playwright/test";

const require = createRequire(import.meta.url);
const flight = require("next/dist/compiled/react-server-dom-webpack/client.node") as {
  encodeReply(value: unknown[]): Promise<string | FormData>;
  createFromFetch<T>(response: Promise<Response>, options: object): Promise<T>;
};

interface ManifestEntry {
  filename?: string;
  exportedName?: string;
}

/** Action ids by "file#export", for the actions some page or component references (only those are callable). */
export function actionIds(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, ManifestEntry> };
  const ids = new Map<string, string>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename && entry.exportedName) ids.set(`${entry.filename}#${entry.exportedName}`, id);
  }
  return ids;
}

export type ActionAnswer = { redirect: string } | { result: unknown };

export async function callAction(request: APIRequestContext, id: string, args: unknown[]): Promise<ActionAnswer> {
  const body = await flight.encodeReply(args);
  const response = await request.post("/", {
    headers: { "next-action": id, accept: "text/x-component", ...(typeof body === "string" ? { "content-type": "text/plain;charset=UTF-8" } : {}) },
    ...(typeof body === "string" ? { data: body } : { multipart: body }),
    maxRedirects: 0,
  });
  const redirect = response.headers()["x-action-redirect"];
  if (redirect) return { redirect };
  if (!response.ok()) throw new Error(`The action answered ${response.status()}: ${(await response.text()).slice(0, 300)}`);
  const decoded = await flight.createFromFetch<{ a: Promise<unknown> }>(
    Promise.resolve(new Response(await response.text(), { headers: { "content-type": "text/x-component" } })),
    { serverConsumerManifest: { moduleMap: {}, serverModuleMap: {}, moduleLoading: null } },
  );
  return { result: await decoded.a };
}

/** The guard's refusal, recognised by code (FormState) or by its fixed messages (actions returning only a message). */
export function refusal(answer: ActionAnswer): "unauthenticated" | "forbidden" | null {
  if (!("result" in answer)) return null;
  const { code, message } = (answer.result ?? {}) as { code?: string; message?: string };
  if (code === "unauthenticated" || message === "Sign in to continue.") return "unauthenticated";
  if (code === "forbidden" || /^Your role \(\w+\) does not allow this\.$/.test(message ?? "")) return "forbidden";
  return null;
}
