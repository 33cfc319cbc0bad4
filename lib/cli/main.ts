/**
 * Entry point of `bin/driftline`. Every command accepts --json and then prints exactly one JSON object;
 * exit 0 on success, 1 on bad input, 2 on usage errors.
 */
import { parseArgs } from "node:util";
import { closeDb } from "@/db/client";
import { BACKUP_USAGE, backupCommand, RESTORE_USAGE, restoreCommand } from "./backup";
import { DEMO_USAGE, demoCommand, demoOptions } from "./demo";
import { DRIFT_USAGE, driftCommand, driftOptions } from "./drift";
import { EVALUATE_USAGE, evaluateCommand, evaluateOptions } from "./evaluate";
import { INGEST_USAGE, ingestCommand, ingestOptions } from "./ingest";
import { TICK_USAGE, tickCommand, tickOptions } from "./tick";
import { TRAIN_USAGE, trainCommand, trainOptions } from "./train";
import {
  EXPORT_SQL_USAGE,
  exportSqlCommand,
  exportSqlOptions,
  PROMOTE_USAGE,
  promoteCommand,
  promoteOptions,
  ROLLBACK_USAGE,
  rollbackCommand,
  rollbackOptions,
  RUN_USAGE,
  runCommand,
  pipelineOptions,
} from "./pipeline-commands";
import { EXIT, printFailure, printResult, UsageError, type CommandResult } from "./output";

const COMMANDS: Record<string, { usage: string; options: Record<string, { type: "string" | "boolean"; multiple?: boolean }>; run: (positionals: string[], flags: never) => Promise<CommandResult & { exitCode?: number }> }> = {
  ingest: { usage: INGEST_USAGE, options: ingestOptions, run: ingestCommand },
  train: { usage: TRAIN_USAGE, options: trainOptions, run: trainCommand },
  evaluate: { usage: EVALUATE_USAGE, options: evaluateOptions, run: evaluateCommand },
  drift: { usage: DRIFT_USAGE, options: driftOptions, run: driftCommand },
  run: { usage: RUN_USAGE, options: pipelineOptions, run: runCommand },
  promote: { usage: PROMOTE_USAGE, options: promoteOptions, run: promoteCommand },
  rollback: { usage: ROLLBACK_USAGE, options: rollbackOptions, run: rollbackCommand },
  "export-sql": { usage: EXPORT_SQL_USAGE, options: exportSqlOptions, run: exportSqlCommand },
  demo: { usage: DEMO_USAGE, options: demoOptions, run: demoCommand },
  tick: { usage: TICK_USAGE, options: tickOptions, run: tickCommand },
  backup: { usage: BACKUP_USAGE, options: {}, run: backupCommand },
  restore: { usage: RESTORE_USAGE, options: {}, run: restoreCommand },
};

const HELP = ["Usage:", ...Object.values(COMMANDS).map((c) => `  ${c.usage}`), "  driftline help"].join("\n");

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const json = rest.includes("--json");
  if (name === undefined || name === "help" || name === "--help") {
    printResult({ json: { usage: HELP }, text: HELP }, json);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  try {
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) throw new UsageError(`unknown command "${name}".`);
    const { positionals, values } = parseCommandArgs(rest, command.options);
    const result = await command.run(positionals, values as never);
    printResult(result, json);
    return result.exitCode ?? EXIT.ok;
  } catch (error) {
    return printFailure(error, json);
  } finally {
    closeDb();
  }
}

function parseCommandArgs(args: string[], options: Record<string, { type: "string" | "boolean"; multiple?: boolean }>) {
  try {
    return parseArgs({ args, options: { ...options, json: { type: "boolean" } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

// A reader that stops early (`| head`) closes the pipe: that is not an error worth a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
});

process.exitCode = await main(process.argv.slice(2));
