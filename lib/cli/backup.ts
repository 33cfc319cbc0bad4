/** `driftline backup <file>` and `driftline restore <file>`: an online copy of the database, and putting one back. */
import { backupDatabase, restoreDatabase } from "@/lib/backup/database-file";
import { UsageError, type CommandResult } from "./output";

export const BACKUP_USAGE = "driftline backup <file> [--json]";
export const RESTORE_USAGE = "driftline restore <file> [--json]";

const SECRETS_NOTE =
  "Stored secrets stay sealed with SECRETS_KEY or the secrets.key file beside the database, which is not in the backup: keep that key safe, apart from the backups.";

export async function backupCommand(positionals: string[]): Promise<CommandResult> {
  if (positionals.length !== 1) throw new UsageError(`backup takes one file. Usage: ${BACKUP_USAGE}`);
  const result = await backupDatabase(positionals[0]);
  return {
    json: { ...result, secretsKey: SECRETS_NOTE },
    text: `Backed up the database to ${result.file} (${result.bytes} bytes, ${result.migrations} migrations).\n${SECRETS_NOTE}`,
  };
}

export async function restoreCommand(positionals: string[]): Promise<CommandResult> {
  if (positionals.length !== 1) throw new UsageError(`restore takes one file. Usage: ${RESTORE_USAGE}`);
  const result = await restoreDatabase(positionals[0]);
  const kept = result.previous ? `The database it replaced is kept as ${result.previous}.` : "There was no database before.";
  const { sealed, unreadable } = result.secrets;
  const secrets =
    unreadable > 0
      ? `secrets.key was left as it is, and it cannot open ${unreadable} of the ${sealed} stored secrets: put back the SECRETS_KEY or secrets.key the backup was made with.`
      : `secrets.key was left as it is; it opens all ${sealed} stored secrets.`;
  return {
    json: { ...result, secretsKey: secrets },
    text: `Restored ${result.restored} into ${result.database}. ${kept}\n${secrets}`,
  };
}
