import { Type } from 'typebox';
import { reachOf } from '../../access/policy.ts';
import { requireCaller, auditContext, type App, type AppContext } from '../../platform/http/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { errors, IdParams, Page } from '../../platform/http/schemas.ts';
import type { FastifyRequest } from 'fastify';
import { calendarFor } from '../calendar/repository.ts';
import { actOnDossier, type ActionRequest, type Actor } from './commands/act.ts';
import { receiveDossier, type IntakeInput } from './commands/intake.ts';
import { rolesOver } from './commands/roles.ts';
import { dossierPolicy } from './policy.ts';
import { dossierDetail } from './detail.ts';
import { listDossiers, queueCounts, queues } from './queries.ts';
import { iso, listItem } from './present.ts';
import { ActionBody, Detail, IntakeBody, IntakeResult, ListItem, ListQuery } from './schemas.ts';

export function actorOf(request: FastifyRequest): Actor {
  const caller = requireCaller(request);
  return { audit: auditContext(request), userId: caller.userId, name: caller.fullName, unitId: caller.unitId, grants: caller.grants };
}

const idempotencyHeader = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 200 })) });

export function dossierRoutes(app: App, ctx: AppContext): void {
  app.addSchema(ListItem);
  const db = ctx.database.db;

  app.post('/api/v1/dossiers', {
    schema: {
      tags: ['dossiers'],
      summary: 'Receive a dossier at the desk (complete, incomplete or refused) / Tiếp nhận hồ sơ',
      description: 'Send an Idempotency-Key header: a retried request returns the same dossier.',
      headers: idempotencyHeader,
      body: IntakeBody,
      response: { 201: IntakeResult, 200: IntakeResult, ...errors(400, 401, 403, 404, 409, 422) },
    },
  }, async (request, reply) => {
    const caller = requireCaller(request);
    const body = request.body;
    if (!body.procedureId && !body.procedureCode) {
      throw new AppError(400, 'invalid_input', 'Choose the procedure.', 'Hãy chọn thủ tục hành chính.', [{ field: 'procedureId', message: 'required', messageVi: 'bắt buộc' }]);
    }
    const key = request.headers['idempotency-key'];
    const input: IntakeInput = { ...body, submittedAt: body.submittedAt ? new Date(body.submittedAt) : null };
    const actor = { audit: auditContext(request), name: caller.fullName, unitId: caller.unitId, reach: reachOf(caller, dossierPolicy.receive) };
    const result = await receiveDossier(db, actor, input, ctx.clock(),
      key ? { scope: caller.userId, key } : null);
    return reply.status(result.replayed ? 200 : 201).send({
      id: result.dossierId, code: result.code, lookupSecret: result.lookupSecret, state: result.state, replayed: result.replayed,
      dueAt: iso(result.dueAt), appointmentAt: iso(result.appointmentAt),
    });
  });

  app.get('/api/v1/dossiers', {
    schema: {
      tags: ['dossiers'],
      summary: 'Dossiers and work queues within your reach / Danh sách hồ sơ, hàng đợi công việc',
      querystring: ListQuery,
      response: { 200: Page(Type.Ref('DossierListItem')), ...errors(400, 401, 403) },
    },
  }, async (request) => {
    const caller = requireCaller(request);
    const reach = reachOf(caller, dossierPolicy.read);
    if (reach !== 'all' && !reach.length) throw forbidden();
    const q = request.query;
    const now = ctx.clock();
    const { calendar } = await calendarFor(db, q.unitId ?? caller.unitId);
    const page = await listDossiers(db, {
      reach, userId: caller.userId, grants: caller.grants, unitId: q.unitId, queue: q.queue ?? 'all', state: q.status, q: q.q, cursor: q.cursor,
      limit: q.limit ?? 50, now, calendar,
    });
    return { items: page.items.map((r) => listItem(r, calendar, now)), nextCursor: page.nextCursor };
  });

  app.get('/api/v1/dossiers/queues', {
    schema: {
      tags: ['dossiers'],
      summary: 'Counts of the work queues / Số hồ sơ trong các hàng đợi',
      querystring: Type.Object({ unitId: Type.Optional(Type.String({ format: 'uuid' })) }),
      response: { 200: Type.Object(Object.fromEntries(queues.filter((q) => q !== 'all').map((q) => [q, Type.Integer()]))), ...errors(401, 403) },
    },
  }, async (request) => {
    const caller = requireCaller(request);
    const reach = reachOf(caller, dossierPolicy.read);
    if (reach !== 'all' && !reach.length) throw forbidden();
    const { calendar } = await calendarFor(db, request.query.unitId ?? caller.unitId);
    return queueCounts(db, reach, caller.userId, caller.grants, request.query.unitId, calendar, ctx.clock());
  });

  app.get('/api/v1/dossiers/:id', {
    schema: {
      tags: ['dossiers'],
      summary: 'A dossier with its timeline, remaining time and the actions you may take / Chi tiết hồ sơ',
      params: IdParams,
      response: { 200: Detail, ...errors(401, 404) },
    },
  }, async (request) => {
    const caller = requireCaller(request);
    const detail = await dossierDetail(ctx, caller, request.params.id);
    if (!detail) throw notFound('Dossier', 'Hồ sơ');
    return detail;
  });

  app.post('/api/v1/dossiers/:id/actions', {
    schema: {
      tags: ['dossiers'],
      summary: 'Act on a dossier (send the version you read; 409 when it changed) / Xử lý hồ sơ',
      params: IdParams,
      body: ActionBody,
      response: { 200: Detail, ...errors(400, 401, 403, 404, 409, 422) },
    },
  }, async (request) => {
    const caller = requireCaller(request);
    const b = request.body;
    const action: ActionRequest = {
      ...b,
      note: b.note ?? null,
      applicantDeadline: b.applicantDeadline ? new Date(b.applicantDeadline) : null,
      newAppointmentAt: b.newAppointmentAt ? new Date(b.newAppointmentAt) : undefined,
      correction: b.correction ? { ...b.correction, dueAt: b.correction.dueAt ? new Date(b.correction.dueAt) : undefined } : undefined,
    };
    await actOnDossier(db, actorOf(request), request.params.id, action, ctx.clock());
    return (await dossierDetail(ctx, caller, request.params.id))!;
  });
}

export { rolesOver };
