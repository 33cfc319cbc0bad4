/**
 * `driftline tick`: the cron route's work from a shell (system cron, a CI job, a replay with --at). It uses
 * the database directly, so it needs no CRON_SECRET; the same slot row keeps it single beside the route.
 */
import { migrateDatabase } from "@/db/migrate";
import { tick } from "@/lib/cron/tick";
import { UsageError, type CommandResult } from "./output";

export const TICK_USAGE = "driftline tick [--at ISO-8601-TIME] [--json]";
export const tickOptions = { at: { type: "string" } } as const;

export async function tickCommand(_: string[], flags: { at?: string }): Promise<CommandResult & { exitCode?: number }> {
  const now = flags.at === undefined ? new Date() : new Date(flags.at);
  if (Number.isNaN(now.getTime())) throw new UsageError(`--at must be an ISO 8601 time such as 2026-12-03T02:00:00Z, got "${flags.at}".`);
  migrateDatabase();
  const result = await tick({ now });
  if (result.status === "skipped") return { json: result, text: `Tick ${result.slot}: skipped. ${result.message}` };
  const lines = [`Tick ${result.slot}: ran.`, ...Object.entries(result.phases).map(([phase, outcome]) => `  ${phase.padEnd(10)} ${JSON.stringify(outcome)}`)];
  for (const error of result.errors) lines.push(`  ${error.phase} failed: ${error.message}`);
  return { json: result, text: lines.join("\n"), exitCode: result.errors.length > 0 ? 1 : 0 };
}
