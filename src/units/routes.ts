import { Type } from 'typebox';
import { reachOf } from '../access/policy.ts';
import { isUnitInReach } from '../access/reach.ts';
import { vnDate } from '../platform/clock.ts';
import { badRequest, forbidden, notFound } from '../platform/errors.ts';
import { auditContext, requireCaller, type App, type AppContext } from '../platform/http/context.ts';
import { errors, IdParams, IsoDate, Nullable, Page, PageQuery, StringEnum, Uuid } from '../platform/http/schemas.ts';
import { changeUnit, createUnit, recordSuccession } from './commands.ts';
import { isAgencyCode, unitKinds } from './kinds.ts';
import { unitPolicy } from './policy.ts';
import { ancestorsOf, getUnit, listUnits, resolveUnitCode, successionsOf } from './repository.ts';

export const UnitSchema = Type.Object({
  id: Uuid,
  code: Nullable(Type.String()),
  agencyCode: Nullable(Type.String()),
  kind: StringEnum(unitKinds),
  name: Type.String(),
  fullName: Type.String(),
  parentId: Nullable(Uuid),
  validFrom: Nullable(Type.String()),
  validTo: Nullable(Type.String()),
  version: Type.Integer(),
}, { $id: 'Unit' });

const Link = Type.Object({ id: Uuid, fullName: Type.String(), code: Nullable(Type.String()), effectiveOn: Type.String() });

const UnitBody = Type.Object({
  code: Type.Optional(Nullable(Type.String({ pattern: '^[0-9]{2,5}$' }))),
  agencyCode: Type.Optional(Nullable(Type.String({ maxLength: 35 }))),
  kind: StringEnum(unitKinds),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  fullName: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  parentId: Nullable(Uuid),
  validFrom: Type.Optional(Nullable(IsoDate)),
  validTo: Type.Optional(Nullable(IsoDate)),
}, { additionalProperties: false });

const rateLimit = { max: 120, timeWindow: '1 minute' };

function checkAgencyCode(code: string | null | undefined) {
  if (code && !isAgencyCode(code)) {
    throw badRequest('invalid_agency_code', 'The agency identifier must be dotted groups of digits/capitals (e.g. 000.00.30.H05), at most 35 characters.',
      'Mã định danh cơ quan phải gồm các nhóm chữ số/chữ in hoa cách nhau bởi dấu chấm (ví dụ 000.00.30.H05), tối đa 35 ký tự.',
      [{ field: 'agencyCode', message: 'invalid agency identifier', messageVi: 'Mã định danh cơ quan không hợp lệ' }]);
  }
}

export function unitRoutes(app: App, ctx: AppContext): void {
  app.addSchema(UnitSchema);
  const db = ctx.database.db;

  app.get('/api/v1/units', {
    config: { rateLimit },
    schema: {
      tags: ['units'],
      summary: 'Administrative units: by code at a date, by name, or children of a unit / Đơn vị hành chính',
      querystring: Type.Object({
        code: Type.Optional(Type.String({ minLength: 1, maxLength: 35 })),
        at: Type.Optional(IsoDate),
        q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
        parentId: Type.Optional(Uuid),
        kind: Type.Optional(StringEnum(unitKinds)),
        ...PageQuery,
      }),
      response: { 200: Page(Type.Ref('Unit')), ...errors(400, 429) },
    },
  }, async (request) => {
    const { code, q, parentId, kind, cursor } = request.query;
    const at = request.query.at ?? vnDate(ctx.clock());
    if (code) {
      const unit = await resolveUnitCode(db, code, at);
      return { items: unit ? [unit] : [], nextCursor: null };
    }
    return listUnits(db, { at, q, parentId, kind, cursor, limit: request.query.limit ?? 50 });
  });

  app.get('/api/v1/units/:id', {
    config: { rateLimit },
    schema: {
      tags: ['units'],
      summary: 'One unit with its ancestors and succession / Chi tiết đơn vị',
      params: IdParams,
      response: {
        200: Type.Object({
          unit: Type.Ref('Unit'),
          ancestors: Type.Array(Type.Ref('Unit')),
          successors: Type.Array(Link),
          predecessors: Type.Array(Link),
        }),
        ...errors(400, 404),
      },
    },
  }, async (request) => {
    const unit = await getUnit(db, request.params.id);
    if (!unit) throw notFound('Unit', 'Đơn vị');
    return { unit, ancestors: await ancestorsOf(db, unit.id), ...(await successionsOf(db, unit.id)) };
  });

  async function assertMayManage(caller: ReturnType<typeof requireCaller>, parentId: string | null) {
    if (parentId === null) {
      if (reachOf(caller, unitPolicy.manageRoots) !== 'all') throw forbidden();
      return;
    }
    if (!(await isUnitInReach(db, reachOf(caller, unitPolicy.manage), parentId))) throw forbidden();
  }

  app.post('/api/v1/units', {
    schema: {
      tags: ['units'],
      summary: 'Create a unit or body / Tạo đơn vị, cơ quan',
      body: UnitBody,
      response: { 201: Type.Ref('Unit'), ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const caller = requireCaller(request);
    const b = request.body;
    checkAgencyCode(b.agencyCode);
    await assertMayManage(caller, b.parentId);
    const unit = await createUnit(db, auditContext(request), {
      code: b.code ?? null, agencyCode: b.agencyCode ?? null, kind: b.kind, name: b.name.normalize('NFC'),
      fullName: (b.fullName ?? b.name).normalize('NFC'), parentId: b.parentId, validFrom: b.validFrom ?? null, validTo: b.validTo ?? null,
    });
    return reply.status(201).send(unit);
  });

  app.patch('/api/v1/units/:id', {
    schema: {
      tags: ['units'],
      summary: 'Change a unit (send the version you read) / Sửa đơn vị',
      params: IdParams,
      body: Type.Intersect([Type.Partial(UnitBody), Type.Object({ version: Type.Integer({ minimum: 1 }) })]),
      response: { 200: Type.Ref('Unit'), ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const caller = requireCaller(request);
    const existing = await getUnit(db, request.params.id);
    if (!existing || !(await isUnitInReach(db, reachOf(caller, unitPolicy.manage), existing.id))) throw notFound('Unit', 'Đơn vị');
    const { version, ...changes } = request.body as typeof request.body & { version: number };
    checkAgencyCode(changes.agencyCode);
    if (changes.parentId !== undefined) await assertMayManage(caller, changes.parentId ?? null);
    return changeUnit(db, auditContext(request), existing.id, version, {
      ...changes,
      name: changes.name?.normalize('NFC'),
      fullName: changes.fullName?.normalize('NFC'),
    }, ctx.clock());
  });

  app.post('/api/v1/units/:id/successions', {
    schema: {
      tags: ['units'],
      summary: 'Record that a unit was succeeded by another (merger, split) / Ghi nhận sáp nhập, kế thừa',
      params: IdParams,
      body: Type.Object({ successorId: Uuid, effectiveOn: IsoDate, note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }),
      response: { 204: Type.Null(), ...errors(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const caller = requireCaller(request);
    const reach = reachOf(caller, unitPolicy.manage);
    if (!(await isUnitInReach(db, reach, request.params.id))) throw notFound('Unit', 'Đơn vị');
    await recordSuccession(db, auditContext(request), request.params.id, request.body.successorId, request.body.effectiveOn, request.body.note ?? null);
    return reply.status(204).send(null);
  });
}
