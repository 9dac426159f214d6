import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { hashPassword, minPasswordLength } from '../../../access/passwords.ts';
import type { Caller } from '../../../access/roles.ts';
import { audit } from '../../../audit/audit.ts';
import { conflict, forbidden, invalidField, staleVersion } from '../../../platform/errors.ts';
import { auditContext, requireCaller, type App, type AppContext } from '../../../platform/http/context.ts';
import { errors, Nullable, StringEnum, Uuid } from '../../../platform/http/schemas.ts';
import { foldVietnamese, nfc } from '../../../platform/text.ts';
import { normalisePhone } from '../../dossiers/domain/applicant.ts';
import { iso } from '../../dossiers/present.ts';
import { stateLabels, type DossierState } from '../../dossiers/index.ts';
import { draftsOfUser } from '../drafts/repository.ts';
import type { DraftData } from '../drafts/model.ts';
import { signedFileUrl } from '../files/links.ts';
import { lockPreferences, preferencesOf, writePreferences } from './preferences.ts';
import { citizenDossiers, citizenResults, insertCitizen } from './repository.ts';

// Optional citizen accounts (phone or email + password; sign in with POST /api/v1/auth/login): my dossiers, my
// drafts, my results (reusable in a later submission) and my notification choices. Only dossiers submitted while
// signed in are linked to the account: an account's phone number is not verified, so it never claims dossiers.

const emailPattern = '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$';

function requireCitizen(request: FastifyRequest): Caller {
  const caller = requireCaller(request);
  if (caller.kind !== 'citizen') throw forbidden('This is for citizen accounts.', 'Chức năng này dành cho tài khoản công dân.');
  return caller;
}

const PreferencesSchema = Type.Object({ notifyEmail: Type.Boolean(), notifySms: Type.Boolean(), locale: StringEnum(['vi', 'en'] as const), version: Type.Integer() });

export function accountRoutes(app: App, ctx: AppContext): void {
  const db = ctx.database.db;

  app.post('/api/v1/citizen/accounts', {
    config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
    schema: {
      tags: ['citizen'],
      summary: 'Create a citizen account (then sign in with POST /api/v1/auth/login) / Đăng ký tài khoản công dân',
      body: Type.Object({
        fullName: Type.String({ minLength: 1, maxLength: 200 }),
        phone: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
        email: Type.Optional(Nullable(Type.String({ maxLength: 200, pattern: emailPattern }))),
        password: Type.String({ minLength: minPasswordLength, maxLength: 200 }),
      }, { additionalProperties: false }),
      response: { 201: Type.Object({ id: Uuid }), ...errors(400, 409, 429) },
    },
  }, async (request, reply) => {
    const b = request.body;
    if (!b.fullName.trim()) throw invalidField('fullName', 'Enter your full name.', 'Nhập họ và tên.');
    const phone = b.phone?.trim() ? normalisePhone(b.phone) : null;
    if (b.phone?.trim() && !phone) throw invalidField('phone', 'Enter a Vietnamese phone number, e.g. 0912 345 678.', 'Nhập số điện thoại Việt Nam, ví dụ 0912 345 678.');
    const email = b.email?.trim().toLowerCase() || null;
    if (!phone && !email) throw invalidField('phone', 'Enter a phone number or an email address to sign in with.', 'Nhập số điện thoại hoặc thư điện tử để đăng nhập.');
    const passwordHash = await hashPassword(b.password);
    const now = ctx.clock();
    const id = await db.transaction().execute(async (trx) => {
      const userId = await insertCitizen(trx, { fullName: nfc(b.fullName.trim()), fullNameFolded: foldVietnamese(b.fullName), phone, email, passwordHash, now })
        .catch((err: { code?: string }) => {
          if (err.code === '23505') throw conflict('account_exists', 'An account with this phone number or email already exists. Sign in instead.', 'Đã có tài khoản với số điện thoại hoặc thư điện tử này. Hãy đăng nhập.');
          throw err;
        });
      await audit(trx, { ...auditContext(request), actorId: userId, actorLabel: phone ?? email! }, { action: 'user.create', subjectType: 'user', subjectId: userId, after: { kind: 'citizen', phone, email } });
      return userId;
    });
    return reply.status(201).send({ id });
  });

  app.get('/api/v1/me/dossiers', {
    schema: {
      tags: ['citizen'], summary: 'My dossiers (citizen account) / Hồ sơ của tôi',
      response: {
        200: Type.Object({ items: Type.Array(Type.Object({
          id: Uuid, code: Nullable(Type.String()), reference: Nullable(Type.String()), procedureName: Type.String(), unitName: Type.String(),
          state: Type.String(), statusLabel: Type.String(), statusLabelEn: Type.String(), submittedAt: Type.String(), dueAt: Nullable(Type.String()),
          returnedAt: Nullable(Type.String()), canRate: Type.Boolean(), rated: Type.Boolean(), hasResult: Type.Boolean(),
        })) }),
        ...errors(401, 403),
      },
    },
  }, async (request) => {
    const caller = requireCitizen(request);
    const rows = await citizenDossiers(db, caller.userId);
    return {
      items: rows.map((r) => {
        const state = r.state as DossierState;
        return {
          id: r.id, code: r.code, reference: r.reference, procedureName: r.procedure_name, unitName: r.unit_name,
          state, statusLabel: stateLabels[state].vi, statusLabelEn: stateLabels[state].en, submittedAt: iso(r.submitted_at)!,
          dueAt: iso(r.appointment_at ?? r.due_at), returnedAt: iso(r.returned_at), canRate: state === 'returned' && !r.rated,
          rated: r.rated, hasResult: !!r.result_file_id,
        };
      }),
    };
  });

  app.get('/api/v1/me/drafts', {
    schema: {
      tags: ['citizen'], summary: 'My unfinished online submissions / Hồ sơ đang soạn',
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Uuid, procedureCode: Nullable(Type.String()), step: Nullable(Type.String()), updatedAt: Type.String(), expiresAt: Type.String() })) }), ...errors(401, 403) },
    },
  }, async (request) => {
    const caller = requireCitizen(request);
    const rows = await draftsOfUser(db, caller.userId, ctx.clock());
    return { items: rows.map((r) => ({ id: r.id, procedureCode: r.procedure_code ?? null, step: (r.data as DraftData).step ?? null, updatedAt: iso(r.updated_at)!, expiresAt: iso(r.expires_at)! })) };
  });

  app.get('/api/v1/me/results', {
    schema: {
      tags: ['citizen'], summary: 'Results issued to me, kept for reuse / Kết quả đã được cấp',
      response: {
        200: Type.Object({ items: Type.Array(Type.Object({
          dossierId: Uuid, code: Nullable(Type.String()), procedureName: Type.String(), resultNumber: Nullable(Type.String()), signedOn: Nullable(Type.String()),
          fileId: Uuid, fileName: Type.String(), url: Type.String(),
        })) }),
        ...errors(401, 403),
      },
    },
  }, async (request) => {
    const caller = requireCitizen(request);
    const now = ctx.clock();
    const rows = await citizenResults(db, caller.userId);
    return {
      items: rows.map((r) => ({
        dossierId: r.id, code: r.code, procedureName: r.procedure_name, resultNumber: r.result_number, signedOn: r.result_signed_on,
        fileId: r.file_id, fileName: r.file_name, url: signedFileUrl(ctx.config.sessionSecret, r.file_id, now),
      })),
    };
  });

  app.get('/api/v1/me/preferences', {
    schema: { tags: ['citizen'], summary: 'My notification choices / Tùy chọn nhận thông báo', response: { 200: PreferencesSchema, ...errors(401, 403) } },
  }, async (request) => preferencesOf(db, requireCitizen(request).userId));

  app.put('/api/v1/me/preferences', {
    schema: {
      tags: ['citizen'], summary: 'Change my notification choices (send the version you read) / Đổi tùy chọn nhận thông báo',
      body: Type.Object({ notifyEmail: Type.Boolean(), notifySms: Type.Boolean(), locale: StringEnum(['vi', 'en'] as const), version: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }),
      response: { 200: PreferencesSchema, ...errors(400, 401, 403, 409) },
    },
  }, async (request) => {
    const caller = requireCitizen(request);
    const { version, ...wanted } = request.body;
    return db.transaction().execute(async (trx) => {
      const before = await lockPreferences(trx, caller.userId);
      if (before.version !== version) throw staleVersion();
      const after = await writePreferences(trx, caller.userId, wanted, version, ctx.clock());
      await audit(trx, auditContext(request), { action: 'citizen.preferences.update', subjectType: 'user', subjectId: caller.userId, before, after });
      return after;
    });
  });
}

