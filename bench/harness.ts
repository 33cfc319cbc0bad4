/** What the benchmark scripts share: running a measured step as its own process, percentiles, figures. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

export const PYTHON = "/usr/bin/python3";
export const ROOT = process.cwd();

/** One line of the summary table. `met` is null where the work has no target. */
export interface Figure {
  work: string;
  size: string;
  measured: string;
  target: string;
  met: boolean | null;
  reference: string;
}

/**
 * Runs `tsx bench/<script> ...args` as a process of its own (so its memory and JIT state are its own)
 * and returns the JSON object its last line of output holds; everything before goes to our stderr.
 */
export function runStep<T>(script: string, args: string[], env: Record<string, string> = {}): T {
  const run = spawnSync(join(ROOT, "node_modules", ".bin", "tsx"), [join(ROOT, "bench", script), ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = run.stdout.trim().split("\n");
  if (run.status !== 0) throw new Error(`bench/${script} failed (exit ${run.status}):\n${run.stderr}\n${run.stdout}`);
  process.stderr.write(lines.slice(0, -1).map((line) => `  ${line}\n`).join(""));
  return JSON.parse(lines.at(-1)!) as T;
}

/** Whether Debian's Python has the modules (the references are optional). */
export function pythonHas(...modules: string[]): boolean {
  return spawnSync(PYTHON, ["-c", `import ${modules.join(", ")}`], { stdio: "ignore" }).status === 0;
}

/** The p-th percentile (0–100) of the values, nearest rank. */
export function percentile(values: number[], p: number): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Peak resident memory and CPU seconds of this process so far. */
export function usage(): { peakRssMb: number; cpuSeconds: number } {
  const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
  return { peakRssMb: maxRSS / 1024, cpuSeconds: (userCPUTime + systemCPUTime) / 1e6 };
}

export function seconds(run: () => void): number {
  const start = performance.now();
  run();
  return (performance.now() - start) / 1000;
}

export const fixed = (value: number, digits = 2) => value.toFixed(digits);

/** Latencies of one HTTP load, in milliseconds; written by http-worker.ts, read by run.ts. */
export interface Load {
  requests: number;
  p50: number;
  p95: number;
  max: number;
  errors: number;
  non2xx: number;
  /** p95 per path, when a load cycles through several. */
  byPath?: Record<string, number>;
}
