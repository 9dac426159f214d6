import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { reachOf } from '../../access/policy.ts';
import { vnDate } from '../../platform/clock.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { auditContext, requireCaller, type App, type AppContext } from '../../platform/http/context.ts';
import { errors, IdParams, IsoDate, Ok, Page, PageQuery, StringEnum, Uuid } from '../../platform/http/schemas.ts';
import { resolveUnitCode } from '../../units/repository.ts';
import { maskName } from '../dossiers/domain/applicant.ts';
import { iso } from '../dossiers/present.ts';
import { lookupRate } from '../citizen/http.ts';
import { verifiedDossier } from '../citizen/verify.ts';
import { dossierById } from '../citizen/dossier-reads.ts';
import { activateKiosk, dossierForKiosk, kioskFromToken, rateDossier, revokeKiosk, type RatingAnswers } from './commands.ts';
import { ratingPolicy } from './policy.ts';
import { isRated, listRatings, ratingCounts, type RatingFilter } from './repository.ts';
import { summarise } from './scale.ts';
import { RatingAnswersSchema, RatingSchema, SummarySchema } from './schemas.ts';

// Satisfaction ratings: given by applicants (after a lookup, from their account, or on the counter's kiosk) and
// read by officials (their own) and leaders (their units').

const kioskHeader = 'x-kiosk-token';
const KioskHeaders = Type.Object({ [kioskHeader]: Type.Optional(Type.String({ maxLength: 100 })) });
const Factor = {
  phone: Type.Optional(Type.String({ minLength: 6, maxLength: 20 })),
  secret: Type.Optional(Type.String({ minLength: 6, maxLength: 20 })),
};
const Rated = Type.Object({ rated: Type.Boolean() });

const Scope = Type.Object({
  scope: Type.Optional(StringEnum(['mine', 'units'] as const, { description: 'mine: dossiers I returned (default); units: my units’ (leaders)' })),
  unitId: Type.Optional(Uuid),
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
});

function filterOf(request: FastifyRequest, q: { scope?: 'mine' | 'units'; unitId?: string; from?: string; to?: string }): RatingFilter {
  const caller = requireCaller(request);
  if (caller.kind !== 'official') throw forbidden();
  if (q.scope === 'units') {
    const reach = reachOf(caller, ratingPolicy.units);
    if (reach !== 'all' && !reach.length) throw forbidden('Only leaders see their units’ ratings.', 'Chỉ lãnh đạo xem được đánh giá của đơn vị.');
    return { reach, unitId: q.unitId, from: q.from, to: q.to };
  }
  return { officialId: caller.userId, unitId: q.unitId, from: q.from, to: q.to };
}

function answersOf(body: RatingAnswers): RatingAnswers {
  return { attitude: body.attitude, overall: body.overall, contactsNeeded: body.contactsNeeded, bodiesVisited: body.bodiesVisited, infoCorrect: body.infoCorrect, comment: body.comment };
}

export function ratingRoutes(app: App, ctx: AppContext): void {
  app.addSchema(RatingSchema);
  const db = ctx.database.db;

  app.post('/api/v1/public/ratings', {
    config: { rateLimit: lookupRate },
    schema: {
      tags: ['ratings'],
      summary: 'Rate a returned dossier once: its code and the phone number or secret, then the answers / Đánh giá mức độ hài lòng',
      body: Type.Object({ code: Type.String({ minLength: 5, maxLength: 60 }), ...Factor, ...RatingAnswersSchema }, { additionalProperties: false }),
      response: { 201: Rated, ...errors(400, 404, 409, 429) },
    },
  }, async (request, reply) => {
    const { code, phone, secret, ...answers } = request.body;
    const dossier = await verifiedDossier(db, code, { phone, secret });
    await rateDossier(db, auditContext(request), dossier, answersOf(answers), 'lookup', ctx.clock());
    return reply.status(201).send({ rated: true });
  });

  app.post('/api/v1/me/dossiers/:id/rating', {
    schema: {
      tags: ['ratings'], summary: 'Rate one of my returned dossiers (citizen account) / Đánh giá hồ sơ của tôi', params: IdParams,
      body: Type.Object(RatingAnswersSchema, { additionalProperties: false }),
      response: { 201: Rated, ...errors(400, 401, 404, 409) },
    },
  }, async (request, reply) => {
    const caller = requireCaller(request);
    const dossier = await dossierById(db, request.params.id);
    if (!dossier || caller.kind !== 'citizen' || dossier.applicant_user_id !== caller.userId) throw notFound('Dossier', 'Hồ sơ');
    await rateDossier(db, auditContext(request), dossier, answersOf(request.body), 'online', ctx.clock());
    return reply.status(201).send({ rated: true });
  });

  app.get('/api/v1/ratings', {
    schema: {
      tags: ['ratings'], summary: 'Ratings of the dossiers I returned, or of my units (leaders), newest first / Kết quả đánh giá',
      querystring: Type.Object({ ...Scope.properties, ...PageQuery }),
      response: { 200: Page(Type.Ref('Rating')), ...errors(400, 401, 403) },
    },
  }, async (request) => {
    const q = request.query;
    const page = await listRatings(db, filterOf(request, q), { cursor: q.cursor, limit: q.limit ?? 50 });
    return {
      items: page.items.map((r) => ({
        dossierId: r.dossier_id, code: r.code, procedureName: r.procedure_name, unitId: r.unit_id, unitName: r.unit_name,
        officialId: r.official_id, officialName: r.official_name, ratedAt: iso(r.rated_at)!, channel: r.channel,
        attitude: r.attitude, overall: r.overall, contactsNeeded: r.contacts_needed, bodiesVisited: r.bodies_visited,
        infoCorrect: r.info_correct, comment: r.comment,
      })),
      nextCursor: page.nextCursor,
    };
  });

  app.get('/api/v1/ratings/summary', {
    schema: {
      tags: ['ratings'], summary: 'Counts per level and the share satisfied / Tổng hợp mức độ hài lòng', querystring: Scope,
      response: { 200: SummarySchema, ...errors(400, 401, 403) },
    },
  }, async (request) => summarise(await ratingCounts(db, filterOf(request, request.query))));

  // Kiosk mode ----------------------------------------------------------------------------------------------------

  app.get('/api/v1/public/kiosk/:unitCode', {
    config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: {
      tags: ['ratings'], summary: 'The unit of a counter kiosk, by its statistics code or agency identifier / Đơn vị của máy đánh giá',
      params: Type.Object({ unitCode: Type.String({ minLength: 2, maxLength: 40 }) }),
      response: { 200: Type.Object({ unitId: Uuid, unitName: Type.String() }), ...errors(400, 404, 429) },
    },
  }, async (request) => {
    const unit = await resolveUnitCode(db, request.params.unitCode, vnDate(ctx.clock()));
    if (!unit) throw notFound('Unit', 'Đơn vị');
    return { unitId: unit.id, unitName: unit.fullName };
  });

  app.post('/api/v1/kiosks', {
    schema: {
      tags: ['ratings'], summary: 'Activate this device as the rating kiosk of a counter (the token is shown once) / Kích hoạt máy đánh giá',
      body: Type.Object({ unitId: Uuid, label: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) }, { additionalProperties: false }),
      response: { 201: Type.Object({ id: Uuid, token: Type.String() }), ...errors(400, 401, 403) },
    },
  }, async (request, reply) => {
    const caller = requireCaller(request);
    const created = await activateKiosk(db, auditContext(request), caller, request.body.unitId, request.body.label ?? 'Máy đánh giá tại quầy', ctx.clock());
    return reply.status(201).send(created);
  });

  app.delete('/api/v1/kiosks/:id', {
    schema: { tags: ['ratings'], summary: 'Revoke a kiosk / Thu hồi máy đánh giá', params: IdParams, response: { 200: Ok, ...errors(401, 404) } },
  }, async (request) => {
    await revokeKiosk(db, auditContext(request), requireCaller(request), request.params.id, ctx.clock());
    return { ok: true };
  });

  app.post('/api/v1/public/kiosk/check', {
    config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: {
      tags: ['ratings'], summary: 'On the kiosk: is this dossier, returned here today, still to be rated? / Kiểm tra hồ sơ trên máy đánh giá',
      headers: KioskHeaders,
      body: Type.Object({ code: Type.String({ minLength: 5, maxLength: 60 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ code: Type.String(), procedureName: Type.String(), applicantName: Type.String(), returnedAt: Type.String() }), ...errors(400, 401, 404, 409, 429) },
    },
  }, async (request) => {
    const now = ctx.clock();
    const kiosk = await kioskFromToken(db, request.headers[kioskHeader], now);
    const dossier = await dossierForKiosk(db, kiosk.unit_id, request.body.code, now);
    if (await isRated(db, dossier.id)) {
      throw new AppError(409, 'already_rated', 'This dossier has already been rated; each dossier is rated once.', 'Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần.');
    }
    return { code: dossier.code!, procedureName: dossier.procedure_name, applicantName: maskName(dossier.applicant_name), returnedAt: iso(dossier.returned_at)! };
  });

  app.post('/api/v1/public/kiosk/ratings', {
    config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: {
      tags: ['ratings'], summary: 'Rate on the counter’s kiosk a dossier returned there today / Đánh giá tại quầy',
      headers: KioskHeaders,
      body: Type.Object({ code: Type.String({ minLength: 5, maxLength: 60 }), ...RatingAnswersSchema }, { additionalProperties: false }),
      response: { 201: Rated, ...errors(400, 401, 404, 409, 429) },
    },
  }, async (request, reply) => {
    const now = ctx.clock();
    const kiosk = await kioskFromToken(db, request.headers[kioskHeader], now);
    const { code, ...answers } = request.body;
    const dossier = await dossierForKiosk(db, kiosk.unit_id, code, now);
    await rateDossier(db, { ...auditContext(request), actorLabel: `kiosk:${kiosk.id}` }, dossier, answersOf(answers), 'kiosk', now);
    return reply.status(201).send({ rated: true });
  });
}

