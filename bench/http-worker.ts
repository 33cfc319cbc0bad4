/**
 * The server figures of `npm run bench`, against the production build (`next build` first) started as a
 * process of its own with `next start -p PORT` on the server benchmark database (DATABASE_PATH):
 *   1. the overview page rendered for a signed-in user, one request at a time (server time as the client sees it);
 *   2. the scores API under 50 concurrent clients (autocannon), one API key per client as 50 integrations would,
 *      next to the same load on /api/health, a route that does no work (Next.js's own cost per request);
 *   3. 50 concurrent signed-in users browsing the dashboard while a training run, started through the
 *      app's own "Run now" server action, trains and scores a million rows.
 * Prints { overview, healthFloor, scoresApi, underTraining } with latencies in milliseconds; the server's output is
 * kept in bench/.data/server.log.
 * Usage: tsx bench/http-worker.ts PORT
 */
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import autocannon from "autocannon";
import { getSqlite } from "@/db/client";
import { createApiKey } from "@/lib/api-keys";
import { DEMO_USERS } from "@/lib/auth/demo-users";
import { DATA_DIR } from "./customers-csv";
import { percentile, ROOT, type Load } from "./harness";

const PORT = Number(process.argv[2] ?? 3303);
const BASE = `http://127.0.0.1:${PORT}`;
const CLIENTS = 50;

const summary = (latencies: number[], errors: number, non2xx: number): Load => ({
  requests: latencies.length,
  p50: percentile(latencies, 50),
  p95: percentile(latencies, 95),
  max: Math.max(...latencies),
  errors,
  non2xx,
});

function startServer(): { stop: () => void; log: () => string } {
  let log = "";
  const server = spawn(join(ROOT, "node_modules", ".bin", "next"), ["start", "-p", String(PORT), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", APP_URL: BASE },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, so stopping it also stops the run processes it started
  });
  server.stdout!.on("data", (chunk) => (log += chunk));
  server.stderr!.on("data", (chunk) => (log += chunk));
  return { stop: () => process.kill(-server.pid!, "SIGTERM"), log: () => log };
}

async function waitUntilUp(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The server did not come up within a minute.");
}

/** Signs the admin in through better-auth's endpoint, as the sign-in form does; returns the session cookie. */
async function signIn(): Promise<string> {
  const { email, password } = DEMO_USERS.admin;
  const response = await fetch(`${BASE}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: BASE },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`Sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
}

async function timedGet(path: string, cookie: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(`${BASE}${path}`, { headers: { cookie }, redirect: "manual" });
  await response.text();
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
  return performance.now() - start;
}

async function overview(cookie: string): Promise<Load> {
  for (let i = 0; i < 20; i++) await timedGet("/", cookie);
  const latencies: number[] = [];
  for (let i = 0; i < 200; i++) latencies.push(await timedGet("/", cookie));
  return summary(latencies, 0, 0);
}

/**
 * Runs autocannon and records every response's time (its own summary has no 95th percentile). Each
 * connection cycles through `paths` in order, so its k-th response is for paths[k % paths.length].
 */
async function load(options: autocannon.Options, headersOf: (client: number) => Record<string, string>, until?: () => Promise<boolean>, paths: string[] = []): Promise<Load> {
  const latencies: number[] = [];
  const byPath = new Map(paths.map((path) => [path, [] as number[]]));
  let client = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        ...options,
        setupClient(c) {
          c.setHeaders(headersOf(client++));
          let responses = 0;
          c.on("response", (_status: number, _bytes: number, responseTime: number) => {
            latencies.push(responseTime);
            if (paths.length > 0) byPath.get(paths[responses++ % paths.length])!.push(responseTime);
          });
        },
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    if (until) {
      void (async () => {
        while (!(await until())) await new Promise((wait) => setTimeout(wait, 1000));
        instance.stop();
      })();
    }
  });
  const measured = summary(latencies, result.errors + result.timeouts, result.non2xx);
  if (paths.length === 0) return measured;
  return { ...measured, byPath: Object.fromEntries([...byPath].map(([path, times]) => [path, Math.round(percentile(times, 95))])) };
}

/** The same load on GET /api/health, a route that does no work: what Next.js itself costs per request here. */
function healthFloor(): Promise<Load> {
  return load({ url: `${BASE}/api/health`, connections: CLIENTS, duration: 10 }, () => ({}));
}

function scoresApi(keys: string[]): Promise<Load> {
  return load({ url: `${BASE}/api/scores?limit=100`, connections: CLIENTS, duration: 15 }, (client) => ({ authorization: `Bearer ${keys[client % keys.length]}` }));
}

/** The id React uses for the "Run now" server action, from the build's server reference manifest. */
function runNowActionId(): string {
  const manifest = JSON.parse(readFileSync(join(ROOT, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, action]) => action.exportedName === "runPipelineNow");
  if (!found) throw new Error("runPipelineNow is not in .next/server/server-reference-manifest.json.");
  return found[0];
}

async function underTraining(cookie: string, pipelineId: number): Promise<Load & { runId: number; runSeconds: number; runStatus: string }> {
  const before = getSqlite().prepare("SELECT coalesce(max(id), 0) FROM runs").pluck().get() as number;
  const response = await fetch(`${BASE}/pipelines/${pipelineId}`, {
    method: "POST",
    headers: { cookie, "next-action": runNowActionId(), "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: BASE },
    body: JSON.stringify([pipelineId]),
    redirect: "manual",
  });
  await response.text();
  const runId = getSqlite().prepare("SELECT max(id) FROM runs WHERE pipeline_id = ?").pluck().get(pipelineId) as number;
  if (!(runId > before)) throw new Error(`"Run now" started no run (${response.status}).`);
  const started = performance.now();
  let status = "running";
  const finished = async () => {
    status = getSqlite().prepare("SELECT status FROM runs WHERE id = ?").pluck().get(runId) as string;
    return status !== "running" || performance.now() - started > 600_000;
  };
  const pages = ["/", "/pipelines", `/pipelines/${pipelineId}`, `/pipelines/${pipelineId}/runs/${runId}`, `/api/runs/${runId}`, "/scores", "/drift", "/models", "/data"];
  // The cookie goes in every request of the cycle: a client's setHeaders changes only its current request.
  const requests = pages.map((path) => ({ method: "GET" as const, path, headers: { cookie } }));
  const result = await load({ url: BASE, connections: CLIENTS, duration: 900, requests }, () => ({ cookie }), finished, pages);
  await finished();
  return { ...result, runId, runSeconds: (performance.now() - started) / 1000, runStatus: status };
}

const keys = Array.from({ length: CLIENTS }, (_, i) => createApiKey(`bench client ${i + 1}`, { id: null, email: "bench" }).key);
const pipelineId = getSqlite().prepare("SELECT id FROM pipelines ORDER BY id LIMIT 1").pluck().get() as number;
const server = startServer();
try {
  await waitUntilUp();
  const cookie = await signIn();
  const overviewLoad = await overview(cookie);
  const floorLoad = await healthFloor();
  const scoresLoad = await scoresApi(keys);
  const trainingLoad = await underTraining(cookie, pipelineId);
  const busy = (server.log().match(/SQLITE_BUSY/g) ?? []).length;
  console.log(JSON.stringify({ overview: overviewLoad, healthFloor: floorLoad, scoresApi: scoresLoad, underTraining: { ...trainingLoad, sqliteBusy: busy } }));
} finally {
  server.stop();
  writeFileSync(join(DATA_DIR, "server.log"), server.log());
}
