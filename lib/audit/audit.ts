/**
 * The audit log's writer: every action that changes something records who did what to which entity.
 * Details are small JSON facts about the change (names, roles, counts) and never hold secrets or passwords.
 */
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";
import { now } from "@/lib/clock";

export const AUDIT_ACTIONS = [
  "user.signed_in",
  "user.created",
  "user.role_changed",
  "user.removed",
  "pipeline.created",
  "pipeline.updated",
  "run.started",
  "run.cancelled",
  "batch.imported",
  "model.promoted",
  "model.rolled_back",
  "api_key.created",
  "api_key.revoked",
  "source.created",
  "source.updated",
  "alert_rule.created",
  "alert_rule.updated",
  "alert.acknowledged",
  "alert.muted",
  "channel.created",
  "channel.removed",
  "channel.tested",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ENTITY_TYPES = ["user", "pipeline", "run", "batch", "model", "api_key", "source", "alert_rule", "channel"] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

/** Who did it: a signed-in user, or the system (seed, start-up) with a descriptive email-like label. */
export interface Actor {
  id: string | null;
  email: string;
}

export function audit(
  actor: Actor,
  action: AuditAction,
  entityType: AuditEntityType,
  entityId: string | number,
  details: Record<string, unknown> = {},
): void {
  getDb()
    .insert(auditLog)
    .values({ actorId: actor.id, actorEmail: actor.email, action, entityType, entityId: String(entityId), details, at: now() })
    .run();
}
