// What every catalogue command shares: who acts, how they are authorised, and the errors they raise.

import type { Kysely } from 'kysely';
import { unitAncestry, type Db } from '../../../access/reach.ts';
import type { RoleGrant } from '../../../access/roles.ts';
import { auditRow, type AuditContext, type AuditEntry } from '../../../audit/audit.ts';
import type { Schema } from '../../../platform/db/schema.ts';
import { AppError, conflict, forbidden, notFound } from '../../../platform/errors.ts';
import { mayManageOwned, mayOfferAt } from '../policy.ts';
import type { ProcedureRow } from '../tables.ts';

export type Database = Kysely<Schema>;

export interface Actor {
  audit: AuditContext;
  /** The caller's role grants; null for the system itself (command line, demo seed), which may do everything. */
  grants: readonly RoleGrant[] | null;
}

export const procedureNotFound = () => notFound('Procedure', 'Thủ tục');
export const workflowNotFound = () => notFound('Workflow', 'Quy trình');

/** The owner unit's ancestry (nearest first), or null for the national catalogue. */
async function ownerAncestry(db: Db, ownerUnitId: string | null): Promise<string[] | null> {
  return ownerUnitId === null ? null : unitAncestry(db, ownerUnitId);
}

/** `grants` null: the system itself. */
export async function mayManage(db: Db, grants: readonly RoleGrant[] | null, ownerUnitId: string | null): Promise<boolean> {
  return grants === null || mayManageOwned(grants, await ownerAncestry(db, ownerUnitId));
}

/**
 * Refuses a caller who may not change this procedure: 403 when the procedure is public (it has been published),
 * 404 for a draft the caller should not even know about.
 */
export async function assertMayManageProcedure(db: Db, actor: Actor, procedure: ProcedureRow): Promise<void> {
  if (await mayManage(db, actor.grants, procedure.owner_unit_id)) return;
  if (procedure.status === 'draft') throw procedureNotFound();
  throw forbidden('You may not change this procedure: it belongs to another unit or to the national catalogue.',
    'Bạn không có quyền sửa thủ tục này: thủ tục thuộc đơn vị khác hoặc thuộc danh mục quốc gia.');
}

export async function assertMayOwn(db: Db, actor: Actor, ownerUnitId: string | null): Promise<void> {
  if (await mayManage(db, actor.grants, ownerUnitId)) return;
  throw forbidden(
    ownerUnitId === null
      ? 'Only system administrators change the national catalogue and shared workflows; give an owner unit within your reach.'
      : 'The owner unit is outside your reach.',
    ownerUnitId === null
      ? 'Chỉ quản trị hệ thống được sửa danh mục quốc gia và quy trình dùng chung; hãy chọn đơn vị sở hữu thuộc phạm vi của bạn.'
      : 'Đơn vị sở hữu nằm ngoài phạm vi quản lý của bạn.',
  );
}

export async function assertMayOfferAt(db: Db, actor: Actor, unitId: string): Promise<void> {
  if (actor.grants === null) return;
  const ancestry = await unitAncestry(db, unitId);
  if (ancestry.length === 0) throw notFound('Unit', 'Đơn vị');
  if (!mayOfferAt(actor.grants, ancestry)) {
    throw forbidden('The unit is outside your reach.', 'Đơn vị nằm ngoài phạm vi quản lý của bạn.');
  }
}

export function assertVersion(row: { version: number }, version: number): void {
  if (row.version !== version) {
    throw conflict('stale_version', 'This record was changed by someone else. Reload it and try again.',
      'Dữ liệu đã được người khác thay đổi. Vui lòng tải lại và thử lại.');
  }
}

export function assertNotAbolished(procedure: ProcedureRow): void {
  if (procedure.status === 'abolished') {
    throw conflict('procedure_abolished', `Procedure ${procedure.code} has been abolished and can no longer change.`,
      `Thủ tục ${procedure.code} đã bị bãi bỏ, không thể thay đổi.`);
  }
}

export const unprocessable = (code: string, message: string, messageVi: string, fields?: { field: string; message: string; messageVi: string }[]) =>
  new AppError(422, code, message, messageVi, fields);

/** Audit rows for a batch (an import): the same rows `audit()` writes, in multi-row INSERTs. */
export async function auditMany(db: Db, ctx: AuditContext, entries: AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 500) {
    await db.insertInto('audit_log').values(entries.slice(i, i + 500).map((e) => auditRow(ctx, e))).execute();
  }
}
