import { catalogAdminListRoutes } from './admin-list.ts';
// Catalogue HTTP API: public reading and search; changes for administrators. Each handler validates, loads,
// calls one command and presents the result.

import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { vnDate } from '../../platform/clock.ts';
import { notFound } from '../../platform/errors.ts';
import type { App, AppContext } from '../../platform/http/context.ts';
import { errors, IsoDate, Page, PageQuery, StringEnum, Uuid } from '../../platform/http/schemas.ts';
import { randomUUID } from 'node:crypto';
import { caseFrom, contentFrom } from './bodies.ts';
import { actorOf, publicRate } from './http.ts';
import { procedureDetail, viewerMayManage, visibleVersionId, type ProcedureDetail } from './queries.ts';
import { getProcedureByCode, versionHistory, versionIdByNumber } from './repository.ts';
import { procedureFields, searchProcedures } from './repository-search.ts';
import { abolishProcedure, amendProcedure, createProcedure, discardDraft, editDraft, publishProcedure, type ProcedureRef } from './commands/procedures.ts';
import { removeOffering, setOffering } from './commands/offerings.ts';
import { importRoutes } from './routes-import.ts';
import { workflowRoutes } from './routes-workflows.ts';
import {
  AbolishBody, CaseParams, CodeParams, CreateProcedureBody, NewCaseBody, OfferingBody, onlineLevels, ProcedureDetailSchema,
  ProcedureListItemSchema, procedureLevels, PublishBody, UnitParams, UpdateProcedureBody, VersionBody, VersionQuery,
  VersionSummarySchema, WorkflowStepSchema,
} from './schemas.ts';

const Detail = Type.Ref('ProcedureDetail');

export function catalogRoutes(app: App, ctx: AppContext): void {
  app.addSchema(WorkflowStepSchema);
  app.addSchema(ProcedureListItemSchema);
  app.addSchema(ProcedureDetailSchema);
  catalogAdminListRoutes(app, ctx);
  const db = ctx.database.db;
  const today = () => vnDate(ctx.clock());

  async function present(request: FastifyRequest, ref: ProcedureRef): Promise<unknown> {
    const procedure = (await getProcedureByCode(db, ref.code))!;
    const manager = await viewerMayManage(db, request.caller, procedure);
    return presentDetail(await procedureDetail(db, procedure, ref.versionId, manager));
  }

  app.get('/api/v1/procedures', {
    config: { rateLimit: publicRate },
    schema: {
      tags: ['catalog'],
      summary: 'Search and browse the procedures in force (diacritics optional) / Tra cứu thủ tục hành chính',
      querystring: Type.Object({
        q: Type.Optional(Type.String({ maxLength: 200, description: 'Words of the name or content; "dang ky khai sinh" works' })),
        field: Type.Optional(Type.String({ maxLength: 300, description: 'Lĩnh vực, e.g. "Hộ tịch"' })),
        level: Type.Optional(StringEnum(procedureLevels)),
        online: Type.Optional(StringEnum(onlineLevels)),
        unitId: Type.Optional(Uuid),
        at: Type.Optional(IsoDate),
        ...PageQuery,
      }),
      response: { 200: Page(Type.Ref('ProcedureListItem')), ...errors(400, 429) },
    },
  }, async (request) => {
    const q = request.query;
    return searchProcedures(db, {
      q: q.q, field: q.field, level: q.level, online: q.online, unitId: q.unitId, at: q.at ?? today(),
      cursor: q.cursor, limit: q.limit ?? 50,
    });
  });

  app.get('/api/v1/procedure-fields', {
    config: { rateLimit: publicRate },
    schema: {
      tags: ['catalog'],
      summary: 'Fields (lĩnh vực) of the procedures in force, with counts / Lĩnh vực thủ tục',
      querystring: Type.Object({ level: Type.Optional(StringEnum(procedureLevels)), at: Type.Optional(IsoDate) }),
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ field: Type.String(), count: Type.Integer() })) }), ...errors(400, 429) },
    },
  }, async (request) => ({ items: await procedureFields(db, request.query.at ?? today(), request.query.level) }));

  app.get('/api/v1/procedures/:code', {
    config: { rateLimit: publicRate },
    schema: {
      tags: ['catalog'],
      summary: 'A procedure in force: cases, documents, fees, workflow, where to submit / Chi tiết thủ tục',
      params: CodeParams,
      querystring: Type.Object({ at: Type.Optional(IsoDate) }),
      response: { 200: Detail, ...errors(400, 404, 429) },
    },
  }, async (request) => {
    const procedure = await getProcedureByCode(db, request.params.code);
    if (!procedure) throw notFound('Procedure', 'Thủ tục');
    const manager = await viewerMayManage(db, request.caller, procedure);
    const versionId = await visibleVersionId(db, procedure, request.query.at ?? today(), manager);
    if (!versionId) throw notFound('Procedure', 'Thủ tục');
    return presentDetail(await procedureDetail(db, procedure, versionId, manager));
  });

  app.get('/api/v1/procedures/:code/versions', {
    config: { rateLimit: publicRate },
    schema: {
      tags: ['catalog'],
      summary: 'Version history of a procedure (drafts only for its administrators) / Lịch sử phiên bản',
      params: CodeParams,
      response: { 200: Type.Object({ items: Type.Array(VersionSummarySchema) }), ...errors(400, 404, 429) },
    },
  }, async (request) => {
    const procedure = await getProcedureByCode(db, request.params.code);
    if (!procedure) throw notFound('Procedure', 'Thủ tục');
    const manager = await viewerMayManage(db, request.caller, procedure);
    const items = (await versionHistory(db, procedure.id)).filter((v) => manager || v.status === 'published');
    if (items.length === 0) throw notFound('Procedure', 'Thủ tục');
    return { items: items.map((v) => ({ ...v, publishedAt: v.publishedAt?.toISOString() ?? null })) };
  });

  app.get('/api/v1/procedures/:code/versions/:number', {
    config: { rateLimit: publicRate },
    schema: {
      tags: ['catalog'],
      summary: 'One version of a procedure, as it was / Một phiên bản của thủ tục',
      params: Type.Object({ code: CodeParams.properties.code, number: Type.Integer({ minimum: 1 }) }),
      response: { 200: Detail, ...errors(400, 404, 429) },
    },
  }, async (request) => {
    const procedure = await getProcedureByCode(db, request.params.code);
    if (!procedure) throw notFound('Procedure', 'Thủ tục');
    const manager = await viewerMayManage(db, request.caller, procedure);
    const versionId = await versionIdByNumber(db, procedure.id, request.params.number);
    if (!versionId) throw notFound('Procedure version', 'Phiên bản thủ tục');
    const detail = await procedureDetail(db, procedure, versionId, manager);
    if (detail.versionStatus === 'draft' && !manager) throw notFound('Procedure version', 'Phiên bản thủ tục');
    return presentDetail(detail);
  });

  // ---------------------------------------------------------------------------------------------------------------
  // Administration

  app.post('/api/v1/procedures', {
    schema: {
      tags: ['catalog'],
      summary: 'Create a procedure as a draft / Thêm thủ tục (bản nháp)',
      body: CreateProcedureBody,
      response: { 201: Detail, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const b = request.body;
    const content = contentFrom(b, null);
    const cases = (b.cases ?? [{}]).map((c) => caseFrom(c, null));
    const ref = await createProcedure(db, actorOf(request), ctx.clock(), {
      code: b.code, ownerUnitId: b.ownerUnitId ?? null, content, cases,
    });
    return reply.status(201).send(await present(request, ref));
  });

  app.patch('/api/v1/procedures/:code', {
    schema: {
      tags: ['catalog'],
      summary: 'Change a procedure (its draft; a published one gets a new draft version) / Sửa thủ tục',
      params: CodeParams,
      body: UpdateProcedureBody,
      response: { 200: Detail, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const { version, ...changes } = request.body;
    const ref = await editDraft(db, actorOf(request), ctx.clock(), request.params.code, version, 'procedure.update',
      (draft) => ({ ...draft, content: contentFrom(changes, draft.content) }));
    return present(request, ref);
  });

  app.post('/api/v1/procedures/:code/cases', {
    schema: {
      tags: ['catalog'],
      summary: 'Add a case (trường hợp) with its time, documents and fees / Thêm trường hợp',
      params: CodeParams,
      body: NewCaseBody,
      response: { 201: Detail, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const { version, ...input } = request.body;
    const ref = await editDraft(db, actorOf(request), ctx.clock(), request.params.code, version, 'procedure.case.create',
      (draft) => ({ ...draft, cases: [...draft.cases, { ...caseFrom(input, null), key: randomUUID() }] }));
    return reply.status(201).send(await present(request, ref));
  });

  app.patch('/api/v1/procedures/:code/cases/:key', {
    schema: {
      tags: ['catalog'],
      summary: 'Change a case; documents and fees sent replace the lists / Sửa trường hợp',
      params: CaseParams,
      body: NewCaseBody,
      response: { 200: Detail, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const { version, ...input } = request.body;
    const ref = await editDraft(db, actorOf(request), ctx.clock(), request.params.code, version, 'procedure.case.update',
      (draft) => {
        if (!draft.cases.some((c) => c.key === request.params.key)) throw notFound('Case', 'Trường hợp');
        return { ...draft, cases: draft.cases.map((c) => (c.key === request.params.key ? { ...c, ...caseFrom(input, c) } : c)) };
      });
    return present(request, ref);
  });

  app.delete('/api/v1/procedures/:code/cases/:key', {
    schema: {
      tags: ['catalog'],
      summary: 'Remove a case from the draft / Xóa trường hợp',
      params: CaseParams,
      querystring: VersionQuery,
      response: { 200: Detail, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const ref = await editDraft(db, actorOf(request), ctx.clock(), request.params.code, request.query.version, 'procedure.case.delete',
      (draft) => {
        if (!draft.cases.some((c) => c.key === request.params.key)) throw notFound('Case', 'Trường hợp');
        return { ...draft, cases: draft.cases.filter((c) => c.key !== request.params.key) };
      });
    return present(request, ref);
  });

  app.post('/api/v1/procedures/:code/publish', {
    schema: {
      tags: ['catalog'],
      summary: 'Publish the draft after checking it (422 lists what is missing) / Ban hành thủ tục',
      params: CodeParams,
      body: PublishBody,
      response: { 200: Detail, ...errors(400, 401, 403, 404, 409, 422) },
    },
  }, async (request) => {
    const { version, effectiveFrom, decisionNumber } = request.body;
    const ref = await publishProcedure(db, actorOf(request), ctx.clock(), request.params.code, version, { effectiveFrom, decisionNumber });
    return present(request, ref);
  });

  app.post('/api/v1/procedures/:code/amend', {
    schema: {
      tags: ['catalog'],
      summary: 'Open a new draft version of a published procedure / Sửa đổi thủ tục (phiên bản mới)',
      params: CodeParams,
      body: VersionBody,
      response: { 201: Detail, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const ref = await amendProcedure(db, actorOf(request), ctx.clock(), request.params.code, request.body.version);
    return reply.status(201).send(await present(request, ref));
  });

  app.post('/api/v1/procedures/:code/abolish', {
    schema: {
      tags: ['catalog'],
      summary: 'Abolish a procedure from a date by a decision / Bãi bỏ thủ tục',
      params: CodeParams,
      body: AbolishBody,
      response: { 200: Detail, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const { version, abolishedOn, decisionNumber } = request.body;
    const ref = await abolishProcedure(db, actorOf(request), ctx.clock(), request.params.code, version, { abolishedOn, decisionNumber });
    return present(request, ref);
  });

  app.delete('/api/v1/procedures/:code/draft', {
    schema: {
      tags: ['catalog'],
      summary: 'Discard the draft (a never-published procedure is deleted) / Hủy bản nháp',
      params: CodeParams,
      querystring: VersionQuery,
      response: { 200: Type.Object({ deleted: Type.Boolean() }), ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => discardDraft(db, actorOf(request), ctx.clock(), request.params.code, request.query.version));

  app.put('/api/v1/procedures/:code/units/:unitId', {
    schema: {
      tags: ['catalog'],
      summary: 'Offer the procedure at a unit (optionally every unit below; phi địa giới) / Giao đơn vị thực hiện',
      params: UnitParams,
      body: OfferingBody,
      response: { 200: Type.Object({ created: Type.Boolean() }), ...errors(400, 401, 403, 404) },
    },
  }, async (request) => setOffering(db, actorOf(request), ctx.clock(), request.params.code, {
    unitId: request.params.unitId,
    includeDescendants: request.body.includeDescendants ?? false,
    regardlessOfBoundary: request.body.regardlessOfBoundary ?? false,
  }));

  app.delete('/api/v1/procedures/:code/units/:unitId', {
    schema: {
      tags: ['catalog'],
      summary: 'Stop offering the procedure at a unit / Bỏ giao đơn vị thực hiện',
      params: UnitParams,
      response: { 204: Type.Null(), ...errors(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    await removeOffering(db, actorOf(request), request.params.code, request.params.unitId);
    return reply.status(204).send(null);
  });

  importRoutes(app, ctx);
  workflowRoutes(app, ctx);
}

export function presentDetail(detail: ProcedureDetail) {
  return { ...detail, publishedAt: detail.publishedAt?.toISOString() ?? null };
}
