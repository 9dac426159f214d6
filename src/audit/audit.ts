import type { Db } from '../access/reach.ts';
import { insertRows, type WriteBatch } from '../platform/db/batch.ts';

// Every state change appends one audit row inside the same transaction as the change.

export interface AuditContext {
  actorId: string | null;
  actorLabel: string;
  requestId: string | null;
  ip: string | null;
}

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: string;
  unitId?: string | null;
  before?: unknown;
  after?: unknown;
}

export const systemActor = (label: string): AuditContext => ({ actorId: null, actorLabel: label, requestId: null, ip: null });

/** The audit_log row of an entry made by `ctx`. */
export function auditRow(ctx: AuditContext, entry: AuditEntry) {
  return {
    actor_id: ctx.actorId,
    actor_label: ctx.actorLabel,
    action: entry.action,
    subject_type: entry.subjectType,
    subject_id: entry.subjectId,
    unit_id: entry.unitId ?? null,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    request_id: ctx.requestId,
    ip: ctx.ip,
  };
}

/** Appends the audit row, or adds it to `batch` (sent with the command's other writes, same transaction). */
export async function audit(db: Db, ctx: AuditContext, entry: AuditEntry, batch?: WriteBatch): Promise<void> {
  const insert = insertRows('audit_log', [auditRow(ctx, entry)]);
  if (batch) batch.add(insert);
  else await db.executeQuery(insert);
}
