import { Type } from 'typebox';
import { definePolicy, reachOf } from '../access/policy.ts';
import { unitInReach } from '../access/reach.ts';
import { forbidden } from '../platform/errors.ts';
import { requireCaller, type App, type AppContext } from '../platform/http/context.ts';
import { decodeCursor, pageOf } from '../platform/http/cursor.ts';
import { DateTime, errors, Nullable, Page, PageQuery, Uuid } from '../platform/http/schemas.ts';

export const auditPolicy = definePolicy({ read: { roles: ['system_admin', 'unit_admin'] } });

const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorId: Nullable(Uuid),
  actorLabel: Type.String(),
  action: Type.String(),
  subjectType: Type.String(),
  subjectId: Type.String(),
  unitId: Nullable(Uuid),
  before: Type.Unknown(),
  after: Type.Unknown(),
  requestId: Nullable(Type.String()),
  ip: Nullable(Type.String()),
});

export function auditRoutes(app: App, ctx: AppContext): void {
  app.get('/api/v1/audit', {
    schema: {
      tags: ['audit'],
      summary: 'Read the audit log, newest first, filtered by subject, actor and time / Nhật ký thao tác',
      querystring: Type.Object({
        subjectType: Type.Optional(Type.String({ maxLength: 50 })),
        subjectId: Type.Optional(Type.String({ maxLength: 100 })),
        actorId: Type.Optional(Uuid),
        from: Type.Optional(DateTime),
        to: Type.Optional(DateTime),
        ...PageQuery,
      }),
      response: { 200: Page(AuditEntrySchema), ...errors(400, 401, 403) },
    },
  }, async (request) => {
    const caller = requireCaller(request);
    const reach = reachOf(caller, auditPolicy.read);
    if (reach !== 'all' && !reach.length) throw forbidden();
    const q = request.query;
    const limit = q.limit ?? 50;
    let qb = ctx.database.db.selectFrom('audit_log').selectAll();
    // Unit administrators see entries about units in their reach; unit-less entries are for system administrators.
    if (reach !== 'all') qb = qb.where('unit_id', 'is not', null).where(unitInReach('unit_id', reach));
    if (q.subjectType) qb = qb.where('subject_type', '=', q.subjectType);
    if (q.subjectId) qb = qb.where('subject_id', '=', q.subjectId);
    if (q.actorId) qb = qb.where('actor_id', '=', q.actorId);
    if (q.from) qb = qb.where('at', '>=', new Date(q.from));
    if (q.to) qb = qb.where('at', '<', new Date(q.to));
    const after = decodeCursor<[number]>(q.cursor, 1);
    if (after) qb = qb.where('id', '<', after[0]);
    const rows = await qb.orderBy('id', 'desc').limit(limit + 1).execute();
    const page = pageOf(rows, limit, (r) => [r.id]);
    return {
      items: page.items.map((r) => ({
        id: r.id, at: r.at.toISOString(), actorId: r.actor_id, actorLabel: r.actor_label, action: r.action,
        subjectType: r.subject_type, subjectId: r.subject_id, unitId: r.unit_id, before: r.before, after: r.after,
        requestId: r.request_id, ip: r.ip,
      })),
      nextCursor: page.nextCursor,
    };
  });
}
