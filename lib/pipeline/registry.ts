/**
 * Aliases and their history. Every move of `champion` or `challenger` is appended to alias_history with
 * who, when, why and the version it replaced, in the same transaction as the move, so the history
 * answers "which version was champion on date D" and rollback knows where to go back to.
 */
import { and, desc, eq, lte } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { aliases, aliasHistory, modelVersions } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { now } from "@/lib/clock";

export type Alias = "champion" | "challenger";

/** Moves an alias; `alsoInTransaction` runs inside the same transaction (a run records its deploy step there). */
export function setAlias(pipelineId: number, alias: Alias, modelVersionId: number, actor: string, reason: string, alsoInTransaction?: () => void): void {
  const db = getDb();
  db.transaction((tx) => {
    alsoInTransaction?.();
    const current = tx.select().from(aliases).where(and(eq(aliases.pipelineId, pipelineId), eq(aliases.alias, alias))).get();
    if (current?.modelVersionId === modelVersionId) return;
    const at = now();
    if (current) tx.update(aliases).set({ modelVersionId, updatedAt: at }).where(and(eq(aliases.pipelineId, pipelineId), eq(aliases.alias, alias))).run();
    else tx.insert(aliases).values({ pipelineId, alias, modelVersionId, updatedAt: at }).run();
    tx.insert(aliasHistory).values({ pipelineId, alias, modelVersionId, previousModelVersionId: current?.modelVersionId ?? null, actor, reason, at }).run();
  });
}

/**
 * Makes a version champion. A version that failed a gate needs `override` (an admin) and a typed reason,
 * both recorded.
 */
export function promote(modelVersionId: number, actor: string, reason: string, override = false, alsoInTransaction?: () => void): void {
  const version = getDb().select().from(modelVersions).where(eq(modelVersions.id, modelVersionId)).get();
  if (!version) throw new AppError("not_found", `Model version #${modelVersionId} does not exist.`, {}, 404);
  if (version.gatesPassed === false) {
    if (!override) throw new AppError("gate_failed", `v${version.version} failed a validation gate; only an admin can promote it, with a reason.`, {}, 403);
    if (reason.trim().length < 5) throw new AppError("reason_required", "Say why this version is promoted despite its failing gate.", { column: "reason" });
  }
  setAlias(version.pipelineId, "champion", modelVersionId, actor, reason.trim() || "promoted by hand", alsoInTransaction);
}

/** Puts back the champion that the current one replaced. */
export function rollback(pipelineId: number, actor: string, reason: string): { from: number; to: number } {
  const last = getDb()
    .select()
    .from(aliasHistory)
    .where(and(eq(aliasHistory.pipelineId, pipelineId), eq(aliasHistory.alias, "champion")))
    .orderBy(desc(aliasHistory.id))
    .get();
  if (!last?.previousModelVersionId) throw new AppError("nothing_to_roll_back", "There is no earlier champion to roll back to.", {}, 409);
  setAlias(pipelineId, "champion", last.previousModelVersionId, actor, reason || `rollback from version #${last.modelVersionId}`);
  return { from: last.modelVersionId, to: last.previousModelVersionId };
}

/** The version that was champion at `at`, if any. */
export function championAt(pipelineId: number, at: Date): number | null {
  const move = getDb()
    .select({ id: aliasHistory.modelVersionId })
    .from(aliasHistory)
    .where(and(eq(aliasHistory.pipelineId, pipelineId), eq(aliasHistory.alias, "champion"), lte(aliasHistory.at, at)))
    .orderBy(desc(aliasHistory.at), desc(aliasHistory.id))
    .get();
  return move?.id ?? null;
}

export function listAliasHistory(pipelineId: number) {
  const previous = alias(modelVersions, "previous");
  return getDb()
    .select({ history: aliasHistory, version: modelVersions.version, previousVersion: previous.version })
    .from(aliasHistory)
    .innerJoin(modelVersions, eq(modelVersions.id, aliasHistory.modelVersionId))
    .leftJoin(previous, eq(previous.id, aliasHistory.previousModelVersionId))
    .where(eq(aliasHistory.pipelineId, pipelineId))
    .orderBy(desc(aliasHistory.id))
    .all();
}
