/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: initdb in a temporary folder, a server on a free
 * local port, removed on stop. initdb refuses to run as root, so under root (CI) the cluster belongs to the
 * `postgres` OS user that Debian's package creates. Nothing here is a system service.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface PostgresCluster {
  /** postgres://driftline@127.0.0.1:<port>/postgres, trust authentication (local, tests only). */
  url: string;
  port: number;
  stop: () => void;
}

/** The server binaries of Debian's packages live outside PATH, one folder per major version. */
function binDir(): string {
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base) ? readdirSync(base).filter((v) => existsSync(join(base, v, "bin", "initdb"))) : [];
  if (versions.length === 0) throw new Error("PostgreSQL server binaries not found: install Debian's postgresql (apt-get install -y postgresql).");
  return join(base, versions.sort((a, b) => Number(b) - Number(a))[0], "bin");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), "driftline-pg-"));
  const data = join(dir, "data");
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  const run = (command: string, args: string[]) =>
    asRoot ? execFileSync("runuser", ["-u", "postgres", "--", join(bin, command), ...args], { stdio: "pipe" }) : execFileSync(join(bin, command), args, { stdio: "pipe" });
  const port = await freePort();
  try {
    run("initdb", ["-D", data, "-U", "driftline", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale", "C"]);
    // fsync off and a socket in the temp folder: a disposable cluster that touches nothing outside it.
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    run("pg_ctl", ["-D", data, "-o", options, "-l", join(dir, "server.log"), "-w", "start"]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? "";
    throw new Error(`Could not start a test PostgreSQL cluster: ${stderr || String(error)}`);
  }
  return {
    url: `postgres://driftline@127.0.0.1:${port}/postgres`,
    port,
    stop() {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
