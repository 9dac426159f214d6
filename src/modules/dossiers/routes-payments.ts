import { Type } from 'typebox';
import { reachOf } from '../../access/policy.ts';
import { isUnitInReach } from '../../access/reach.ts';
import { localInstant } from '../../calendar/index.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { requireCaller, type App, type AppContext } from '../../platform/http/context.ts';
import { errors, IsoDate, Nullable, StringEnum, Uuid } from '../../platform/http/schemas.ts';
import { getUnit } from '../../units/repository.ts';
import { recordPayment, refundPayment } from './commands/payments.ts';
import { dossierDetail } from './detail.ts';
import { dossierPolicy } from './policy.ts';
import { iso } from './present.ts';
import { actorOf } from './routes.ts';
import { Detail } from './schemas.ts';

const methods = ['cash', 'transfer', 'card', 'online'] as const;

export function paymentRoutes(app: App, ctx: AppContext): void {
  const db = ctx.database.db;

  app.post('/api/v1/dossiers/:id/payments', {
    schema: {
      tags: ['dossiers'],
      summary: 'Record a fee payment / Ghi nhận thu phí, lệ phí',
      params: Type.Object({ id: Uuid }),
      body: Type.Object({
        version: Type.Integer({ minimum: 1 }),
        amount: Type.Integer({ minimum: 1, maximum: 10_000_000_000 }),
        method: StringEnum(methods),
        receiptNumber: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
      }, { additionalProperties: false }),
      response: { 200: Detail, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    await recordPayment(db, actorOf(request), request.params.id, request.body, ctx.clock());
    return (await dossierDetail(ctx, requireCaller(request), request.params.id))!;
  });

  app.post('/api/v1/dossiers/:id/payments/:paymentId/refund', {
    schema: {
      tags: ['dossiers'],
      summary: 'Refund a payment / Hoàn trả khoản đã thu',
      params: Type.Object({ id: Uuid, paymentId: Uuid }),
      body: Type.Object({ version: Type.Integer({ minimum: 1 }), amount: Type.Integer({ minimum: 1 }), reason: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false }),
      response: { 200: Detail, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    await refundPayment(db, actorOf(request), request.params.id, request.params.paymentId, request.body, ctx.clock());
    return (await dossierDetail(ctx, requireCaller(request), request.params.id))!;
  });

  app.get('/api/v1/units/:id/cash-list', {
    schema: {
      tags: ['dossiers'],
      summary: 'Daily cash list of a desk: payments and refunds of a day / Bảng kê thu phí, lệ phí trong ngày',
      params: Type.Object({ id: Uuid }),
      querystring: Type.Object({ date: IsoDate }),
      response: {
        200: Type.Object({
          unitId: Uuid, date: Type.String(),
          items: Type.Array(Type.Object({
            paymentId: Uuid, dossierId: Uuid, code: Nullable(Type.String()), applicantName: Type.String(), amount: Type.Number(), method: Type.String(),
            receiptNumber: Nullable(Type.String()), paidAt: Type.String(), recordedBy: Nullable(Type.String()), refundAmount: Nullable(Type.Number()),
          })),
          totals: Type.Record(Type.String(), Type.Number()),
          total: Type.Number(),
        }),
        ...errors(400, 401, 403, 404),
      },
    },
  }, async (request) => {
    const caller = requireCaller(request);
    const unit = await getUnit(db, request.params.id);
    if (!unit) throw notFound('Unit', 'Đơn vị');
    if (!(await isUnitInReach(db, reachOf(caller, dossierPolicy.pay), unit.id)) && !(await isUnitInReach(db, reachOf(caller, dossierPolicy.register), unit.id))) throw forbidden();
    const start = localInstant(request.query.date, '00:00');
    const end = new Date(start.getTime() + 86_400_000);
    const rows = await db.selectFrom('dossier_payments as p').innerJoin('dossiers as d', 'd.id', 'p.dossier_id').leftJoin('users as u', 'u.id', 'p.recorded_by')
      .select(['p.id', 'p.dossier_id', 'd.code', 'd.applicant_name', 'p.amount', 'p.method', 'p.receipt_number', 'p.paid_at', 'u.full_name', 'p.refund_amount'])
      .where('p.unit_id', '=', unit.id).where('p.paid_at', '>=', start).where('p.paid_at', '<', end).orderBy('p.paid_at').execute();
    const totals: Record<string, number> = {};
    for (const r of rows) totals[r.method] = (totals[r.method] ?? 0) + r.amount - (r.refund_amount ?? 0);
    return {
      unitId: unit.id, date: request.query.date,
      items: rows.map((r) => ({
        paymentId: r.id, dossierId: r.dossier_id, code: r.code, applicantName: r.applicant_name, amount: r.amount, method: r.method,
        receiptNumber: r.receipt_number, paidAt: iso(r.paid_at)!, recordedBy: r.full_name, refundAmount: r.refund_amount,
      })),
      totals,
      total: Object.values(totals).reduce((a, b) => a + b, 0),
    };
  });
}
