import "server-only";
import { and, desc, eq, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";

export interface AuditFilters {
  user?: string;
  action?: string;
  entity?: string;
}

export const AUDIT_PAGE_SIZE = 200;

/** The newest entries matching every filter given (exact actor email, action and entity type). */
export function listAuditEntries(filters: AuditFilters, limit = AUDIT_PAGE_SIZE) {
  const conditions: SQL[] = [];
  if (filters.user) conditions.push(eq(auditLog.actorEmail, filters.user));
  if (filters.action) conditions.push(eq(auditLog.action, filters.action));
  if (filters.entity) conditions.push(eq(auditLog.entityType, filters.entity));
  return getDb().select().from(auditLog).where(and(...conditions)).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(limit).all();
}

/** The values each filter can take: only what the log actually holds. */
export function listAuditFilterOptions() {
  const distinct = (column: typeof auditLog.actorEmail | typeof auditLog.action | typeof auditLog.entityType) =>
    getDb().selectDistinct({ value: column }).from(auditLog).orderBy(column).all().map((row) => row.value);
  return { users: distinct(auditLog.actorEmail), actions: distinct(auditLog.action), entities: distinct(auditLog.entityType) };
}
