/** How every command reports: one JSON object on stdout with --json, readable text otherwise. */
import { AppError, isAppError } from "@/lib/errors";

export class UsageError extends Error {}

export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;

export interface CommandResult {
  json: unknown;
  text: string;
}

export function printResult(result: CommandResult, json: boolean): void {
  process.stdout.write(json ? `${JSON.stringify(result.json)}\n` : `${result.text}\n`);
}

/** Prints a failure the way --json promises and returns the exit code it deserves. */
export function printFailure(error: unknown, json: boolean): number {
  if (error instanceof UsageError) {
    if (json) process.stdout.write(`${JSON.stringify({ error: { code: "usage", message: error.message, row: null, column: null } })}\n`);
    else process.stderr.write(`driftline: ${error.message}\nRun "driftline help" for usage.\n`);
    return EXIT.usage;
  }
  const appError: AppError = isAppError(error)
    ? error
    : new AppError("internal", error instanceof Error ? error.message : String(error), {}, 500);
  if (json) process.stdout.write(`${JSON.stringify({ error: appError.toJSON() })}\n`);
  else process.stderr.write(`driftline: ${appError.message}\n`);
  return EXIT.badInput;
}
