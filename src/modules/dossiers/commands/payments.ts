import type { Kysely } from 'kysely';
import { audit } from '../../../audit/audit.ts';
import type { Schema } from '../../../platform/db/schema.ts';
import { AppError, notFound, staleVersion } from '../../../platform/errors.ts';
import { insertEvent, lockDossier, timelineAppend } from '../repository.ts';
import type { Actor } from './act.ts';
import { rolesOver } from './roles.ts';

// Fees (phí, lệ phí): payment records per dossier, refunds, and the paid/unpaid state that gates the return of
// the result.

export interface PaymentInput {
  version: number;
  amount: number;
  method: 'cash' | 'transfer' | 'card' | 'online';
  receiptNumber?: string | null;
}

export async function recordPayment(db: Kysely<Schema>, actor: Actor, dossierId: string, input: PaymentInput, now: Date) {
  return db.transaction().execute(async (trx) => {
    const row = await lockDossier(trx, dossierId);
    if (!row || !(await rolesOver(trx, actor.grants, row.unit_id)).length) throw notFound('Dossier', 'Hồ sơ');
    if (!(await rolesOver(trx, actor.grants, row.unit_id)).includes('desk_officer')) {
      throw new AppError(403, 'role_not_allowed', 'Only the one-stop desk records payments.', 'Chỉ bộ phận một cửa được ghi nhận thu phí, lệ phí.');
    }
    if (row.version !== input.version) throw staleVersion();
    if (['intake_incomplete', 'intake_refused', 'withdrawn', 'stopped'].includes(row.state)) {
      throw new AppError(409, 'payment_not_possible', 'Fees cannot be collected for this dossier.', 'Không thể thu phí, lệ phí cho hồ sơ ở trạng thái này.');
    }
    const payment = await trx.insertInto('dossier_payments').values({
      dossier_id: row.id, unit_id: row.unit_id, amount: input.amount, method: input.method, receipt_number: input.receiptNumber ?? null,
      paid_at: now, recorded_by: actor.userId,
    }).returning('id').executeTakeFirstOrThrow();
    const paid = row.paid_total + input.amount;
    await trx.updateTable('dossiers').set({ paid_total: paid, version: row.version + 1, updated_at: now, ...timelineAppend({ action: 'payment', at: now }) })
      .where('id', '=', row.id).execute();
    await insertEvent(trx, {
      dossierId: row.id, at: now, actor: { id: actor.userId, name: actor.name, unitId: actor.unitId }, action: 'payment',
      fromState: row.state, toState: row.state, fromStep: row.step_key, toStep: row.step_key, stepName: null, stepDeadline: null,
      dueAt: row.due_at, note: input.receiptNumber ?? null, data: { amount: input.amount, method: input.method, paidTotal: paid, feeTotal: row.fee_total },
    });
    await audit(trx, actor.audit, { action: 'dossier.payment', subjectType: 'dossier', subjectId: row.id, unitId: row.unit_id, before: { paidTotal: row.paid_total }, after: { paidTotal: paid, paymentId: payment.id } });
    return payment.id;
  });
}

export async function refundPayment(db: Kysely<Schema>, actor: Actor, dossierId: string, paymentId: string, input: { version: number; amount: number; reason: string }, now: Date) {
  await db.transaction().execute(async (trx) => {
    const row = await lockDossier(trx, dossierId);
    if (!row || !(await rolesOver(trx, actor.grants, row.unit_id)).includes('desk_officer')) throw notFound('Dossier', 'Hồ sơ');
    if (row.version !== input.version) throw staleVersion();
    const payment = await trx.selectFrom('dossier_payments').selectAll().where('id', '=', paymentId).where('dossier_id', '=', row.id).forUpdate().executeTakeFirst();
    if (!payment) throw notFound('Payment', 'Khoản thu');
    if (payment.refunded_at) throw new AppError(409, 'already_refunded', 'This payment was already refunded.', 'Khoản thu này đã được hoàn trả.');
    if (input.amount > payment.amount) throw new AppError(400, 'refund_too_large', 'The refund exceeds the payment.', 'Số tiền hoàn trả lớn hơn số đã thu.');
    await trx.updateTable('dossier_payments').set({ refunded_at: now, refund_amount: input.amount, refund_reason: input.reason }).where('id', '=', payment.id).execute();
    const paid = row.paid_total - input.amount;
    await trx.updateTable('dossiers').set({ paid_total: paid, version: row.version + 1, updated_at: now, ...timelineAppend({ action: 'refund', at: now }) })
      .where('id', '=', row.id).execute();
    await insertEvent(trx, {
      dossierId: row.id, at: now, actor: { id: actor.userId, name: actor.name, unitId: actor.unitId }, action: 'refund',
      fromState: row.state, toState: row.state, fromStep: row.step_key, toStep: row.step_key, stepName: null, stepDeadline: null,
      dueAt: row.due_at, note: input.reason, data: { amount: input.amount, paymentId },
    });
    await audit(trx, actor.audit, { action: 'dossier.refund', subjectType: 'dossier', subjectId: row.id, unitId: row.unit_id, before: { paidTotal: row.paid_total }, after: { paidTotal: paid, paymentId } });
  });
}
