import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { audit } from '../audit/audit.ts';
import { badRequest, forbidden, notFound } from '../platform/errors.ts';
import { auditContext, requireCaller, type App, type AppContext } from '../platform/http/context.ts';
import { errors, IdParams, Nullable, Ok, Page, PageQuery, StringEnum, Uuid } from '../platform/http/schemas.ts';
import { sessionCookie } from './auth-hook.ts';
import { login } from './login.ts';
import { minPasswordLength } from './passwords.ts';
import { definePolicy, reachOf } from './policy.ts';
import { isUnitInReach } from './reach.ts';
import { roleLabels, roles, type Caller, type RoleGrant } from './roles.ts';
import { callerFromSession, createApiToken, deleteSession, sessionIdleMs } from './sessions.ts';
import { changeOfficial, createOfficial, getOfficial, listOfficials } from './users.ts';

export const userPolicy = definePolicy({
  manage: { roles: ['system_admin', 'unit_admin'] },
});

const RoleSchema = StringEnum(roles);
const Grant = Type.Object({ role: RoleSchema, unitId: Uuid });
const GrantOut = Type.Object({ role: RoleSchema, unitId: Uuid, unitName: Type.String(), label: Type.String(), labelEn: Type.String() });

const MeSchema = Type.Object({
  user: Type.Object({
    id: Uuid,
    kind: Type.Union([Type.Literal('official'), Type.Literal('citizen')]),
    username: Nullable(Type.String()),
    fullName: Type.String(),
    unitId: Nullable(Uuid),
    unitName: Nullable(Type.String()),
    grants: Type.Array(GrantOut),
  }),
  csrfToken: Nullable(Type.String()),
});

const OfficialSchema = Type.Object({
  id: Uuid, username: Type.String(), fullName: Type.String(), email: Nullable(Type.String()), phone: Nullable(Type.String()),
  unitId: Uuid, unitName: Type.String(), active: Type.Boolean(), grants: Type.Array(Type.Object({ role: RoleSchema, unitId: Uuid, unitName: Type.String() })), version: Type.Integer(),
}, { $id: 'Official' });

const Password = Type.String({ minLength: minPasswordLength, maxLength: 200 });

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, publicUrl: string) {
  void reply.setCookie(sessionCookie, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https' || publicUrl.startsWith('https:'),
    signed: true,
    maxAge: Math.floor(sessionIdleMs / 1000),
  });
}

async function describeMe(ctx: AppContext, caller: Caller) {
  const db = ctx.database.db;
  const unitIds = [...new Set([caller.unitId, ...caller.grants.map((g) => g.unitId)].filter((x): x is string => !!x))];
  const units = unitIds.length ? await db.selectFrom('units').select(['id', 'full_name']).where('id', 'in', unitIds).execute() : [];
  const names = new Map(units.map((u) => [u.id, u.full_name]));
  return {
    user: {
      id: caller.userId,
      kind: caller.kind,
      username: caller.username,
      fullName: caller.fullName,
      unitId: caller.unitId,
      unitName: caller.unitId ? names.get(caller.unitId) ?? null : null,
      grants: caller.grants.map((g) => ({
        ...g, unitName: names.get(g.unitId) ?? '', label: roleLabels[g.role].vi, labelEn: roleLabels[g.role].en,
      })),
    },
    csrfToken: caller.csrfToken,
  };
}

/** A unit administrator may grant roles other than system_admin, on units within reach. */
async function assertMayGrant(ctx: AppContext, caller: Caller, grants: RoleGrant[]) {
  const reach = reachOf(caller, userPolicy.manage);
  for (const g of grants) {
    if (g.role === 'system_admin' && reach !== 'all') throw forbidden('Only a system administrator can grant that role', 'Chỉ quản trị hệ thống mới được cấp vai trò này');
    if (!(await isUnitInReach(ctx.database.db, reach, g.unitId))) throw forbidden('The role is for a unit outside your reach', 'Vai trò gắn với đơn vị ngoài phạm vi quản lý của bạn');
  }
}

export function accessRoutes(app: App, ctx: AppContext): void {
  const db = ctx.database.db;
  app.addSchema(OfficialSchema);

  app.post('/api/v1/auth/login', {
    config: { csrf: false, rateLimit: { max: ctx.config.loginRatePerMinute, timeWindow: '1 minute' } },
    schema: {
      tags: ['auth'],
      summary: 'Sign in; sets the session cookie / Đăng nhập',
      body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 200 }), password: Type.String({ minLength: 1, maxLength: 200 }) }),
      response: { 200: MeSchema, ...errors(400, 401, 429) },
    },
  }, async (request, reply) => {
    const { username, password } = request.body;
    const session = await login(db, username, password, ctx.clock(), {
      ip: request.ip, userAgent: request.headers['user-agent'] ?? null, requestId: request.id,
    });
    setSessionCookie(request, reply, session.token, ctx.config.publicUrl);
    const caller = await callerFromSession(db, session.token, ctx.clock());
    return describeMe(ctx, caller!);
  });

  app.post('/api/v1/auth/logout', {
    config: { csrf: false },
    schema: { tags: ['auth'], summary: 'Sign out / Đăng xuất', response: { 200: Ok } },
  }, async (request, reply) => {
    const caller = request.caller;
    if (caller?.sessionHash) {
      await db.transaction().execute(async (trx) => {
        await deleteSession(trx, caller.sessionHash!);
        await audit(trx, auditContext(request), { action: 'auth.logout', subjectType: 'user', subjectId: caller.userId });
      });
    }
    void reply.clearCookie(sessionCookie, { path: '/' });
    return { ok: true };
  });

  app.get('/api/v1/me', {
    schema: { tags: ['auth'], summary: 'The signed-in user and the CSRF token / Người dùng hiện tại', response: { 200: MeSchema, ...errors(401) } },
  }, async (request) => describeMe(ctx, requireCaller(request)));

  app.get('/api/v1/roles', {
    schema: {
      tags: ['auth'], summary: 'Roles and their names / Danh sách vai trò',
      response: { 200: Type.Array(Type.Object({ role: RoleSchema, label: Type.String(), labelEn: Type.String() })) },
    },
  }, async () => roles.map((r) => ({ role: r, label: roleLabels[r].vi, labelEn: roleLabels[r].en })));

  app.get('/api/v1/officials', {
    schema: {
      tags: ['users'], summary: 'Officials within your reach / Danh sách cán bộ',
      querystring: Type.Object({ unitId: Type.Optional(Uuid), q: Type.Optional(Type.String({ maxLength: 100 })), ...PageQuery }),
      response: { 200: Page(Type.Ref('Official')), ...errors(400, 401, 403) },
    },
  }, async (request) => {
    const caller = requireCaller(request);
    const reach = reachOf(caller, userPolicy.manage);
    if (reach !== 'all' && !reach.length) throw forbidden();
    return listOfficials(db, reach, { ...request.query, limit: request.query.limit ?? 50 });
  });

  app.post('/api/v1/officials', {
    schema: {
      tags: ['users'], summary: 'Create an official account / Tạo tài khoản cán bộ',
      body: Type.Object({
        username: Type.String({ pattern: '^[a-z0-9._-]{3,60}$', description: 'lower-case letters, digits, . _ -' }),
        password: Password,
        fullName: Type.String({ minLength: 1, maxLength: 200 }),
        unitId: Uuid,
        email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 200 }))),
        phone: Type.Optional(Nullable(Type.String({ pattern: '^\\+?[0-9]{8,15}$' }))),
        grants: Type.Array(Grant, { maxItems: 20 }),
      }, { additionalProperties: false }),
      response: { 201: Type.Ref('Official'), ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const caller = requireCaller(request);
    const body = request.body;
    const reach = reachOf(caller, userPolicy.manage);
    if (!(await isUnitInReach(db, reach, body.unitId))) throw forbidden();
    await assertMayGrant(ctx, caller, body.grants);
    const id = await createOfficial(db, auditContext(request), body);
    return reply.status(201).send(await getOfficial(db, id, 'all'));
  });

  app.get('/api/v1/officials/:id', {
    schema: { tags: ['users'], summary: 'One official / Chi tiết cán bộ', params: IdParams, response: { 200: Type.Ref('Official'), ...errors(401, 404) } },
  }, async (request) => {
    const caller = requireCaller(request);
    const official = await getOfficial(db, request.params.id, reachOf(caller, userPolicy.manage));
    if (!official) throw notFound('Official', 'Cán bộ');
    return official;
  });

  app.patch('/api/v1/officials/:id', {
    schema: {
      tags: ['users'], summary: 'Change an official: details, unit, roles, active, password / Sửa tài khoản cán bộ',
      params: IdParams,
      body: Type.Object({
        version: Type.Integer({ minimum: 1 }),
        fullName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
        email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 200 }))),
        phone: Type.Optional(Nullable(Type.String({ pattern: '^\\+?[0-9]{8,15}$' }))),
        unitId: Type.Optional(Uuid),
        active: Type.Optional(Type.Boolean()),
        grants: Type.Optional(Type.Array(Grant, { maxItems: 20 })),
        password: Type.Optional(Password),
      }, { additionalProperties: false }),
      response: { 200: Type.Ref('Official'), ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const caller = requireCaller(request);
    const reach = reachOf(caller, userPolicy.manage);
    const existing = await getOfficial(db, request.params.id, reach);
    if (!existing) throw notFound('Official', 'Cán bộ');
    const { version, ...changes } = request.body;
    if (changes.unitId && !(await isUnitInReach(db, reach, changes.unitId))) throw forbidden();
    if (changes.grants) await assertMayGrant(ctx, caller, changes.grants);
    if (existing.grants.some((g) => g.role === 'system_admin') && reach !== 'all') throw forbidden();
    if (existing.id === caller.userId && changes.active === false) {
      throw badRequest('cannot_deactivate_self', 'You cannot deactivate your own account.', 'Bạn không thể tự khóa tài khoản của mình.');
    }
    await changeOfficial(db, auditContext(request), existing.id, version, changes, ctx.clock());
    return (await getOfficial(db, existing.id, 'all'))!;
  });

  app.post('/api/v1/api-tokens', {
    schema: {
      tags: ['auth'], summary: 'Create an API token for an integration (shown once) / Tạo mã truy cập API',
      body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }), expiresAt: Type.Optional(Type.String({ format: 'date-time' })) }, { additionalProperties: false }),
      response: { 201: Type.Object({ id: Uuid, token: Type.String() }), ...errors(400, 401, 403) },
    },
  }, async (request, reply) => {
    const caller = requireCaller(request);
    if (caller.kind !== 'official') throw forbidden();
    const expiresAt = request.body.expiresAt ? new Date(request.body.expiresAt) : null;
    const created = await db.transaction().execute(async (trx) => {
      const t = await createApiToken(trx, caller.userId, request.body.name, expiresAt);
      await audit(trx, auditContext(request), { action: 'api_token.create', subjectType: 'api_token', subjectId: t.id, after: { name: request.body.name, expiresAt } });
      return t;
    });
    return reply.status(201).send(created);
  });
}
