import { Type } from 'typebox';
import { audit } from '../../../audit/audit.ts';
import { vnDate } from '../../../platform/clock.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { App, AppContext } from '../../../platform/http/context.ts';
import { errors, IdParams, Ok, Uuid } from '../../../platform/http/schemas.ts';
import { procedureInForce, receivingUnits } from '../catalog-reads.ts';
import { draftActorOf, draftTokenHeader, lookupRate, publicReadRate, publicWriteRate, requireDraft } from '../http.ts';
import { attachResult, createDraft, draftSubmitted, saveDraft, submitDraft } from './commands.ts';
import type { DraftData } from './model.ts';
import { presentDraft } from './present.ts';
import { deleteDraft } from './repository.ts';
import { DraftDataSchema, DraftFileSchema, DraftSchema, SubmitResultSchema } from './schemas.ts';

// Online submission API: drafts (saved at every step of the journey) and their submission. Anonymous drafts are
// held by a token sent in the X-Draft-Token header (no cookie, so no CSRF exposure); a signed-in citizen's drafts
// are theirs. Unknown and foreign drafts alike answer 404.

const TokenHeader = Type.Object({ [draftTokenHeader]: Type.Optional(Type.String({ maxLength: 100 })) });
const Draft = Type.Ref('Draft');

export function draftRoutes(app: App, ctx: AppContext): void {
  app.addSchema(DraftDataSchema);
  app.addSchema(DraftFileSchema);
  app.addSchema(DraftSchema);
  const db = ctx.database.db;
  const secret = ctx.config.sessionSecret;

  app.get('/api/v1/public/procedures/:code/receiving-units', {
    config: { rateLimit: publicReadRate },
    schema: {
      tags: ['citizen'],
      summary: 'Communes and wards that receive a procedure (where to submit online) / Nơi tiếp nhận thủ tục',
      params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 50 }) }),
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Uuid, name: Type.String(), fullName: Type.String(), kind: Type.String() })) }), ...errors(400, 404, 429) },
    },
  }, async (request) => {
    const today = vnDate(ctx.clock());
    const procedure = await procedureInForce(db, request.params.code, today);
    if (!procedure) throw notFound('Procedure', 'Thủ tục');
    return { items: await receivingUnits(db, procedure.id, today) };
  });

  app.post('/api/v1/public/drafts', {
    config: { rateLimit: publicWriteRate },
    schema: {
      tags: ['citizen'],
      summary: 'Start an online submission (a draft, saved as you go) / Bắt đầu nộp hồ sơ trực tuyến',
      body: Type.Object({ procedureCode: Type.String({ minLength: 1, maxLength: 50 }) }, { additionalProperties: false }),
      response: { 201: Draft, ...errors(400, 404, 422, 429) },
    },
  }, async (request, reply) => {
    const now = ctx.clock();
    const { row, token } = await createDraft(db, draftActorOf(request), request.body.procedureCode, now);
    return reply.status(201).send(await presentDraft(db, row, secret, now, token));
  });

  app.get('/api/v1/public/drafts/:id', {
    config: { rateLimit: publicReadRate },
    schema: {
      tags: ['citizen'], summary: 'A draft you hold / Bản nháp hồ sơ', params: IdParams, headers: TokenHeader,
      response: { 200: Draft, ...errors(400, 404, 429) },
    },
  }, async (request) => {
    const now = ctx.clock();
    return presentDraft(db, await requireDraft(db, request, request.params.id, now), secret, now);
  });

  app.put('/api/v1/public/drafts/:id', {
    config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: {
      tags: ['citizen'],
      summary: 'Save the answers of a draft (send the version you read; 409 when it changed) / Lưu bản nháp',
      params: IdParams, headers: TokenHeader,
      body: Type.Object({ version: Type.Integer({ minimum: 1 }), data: Type.Ref('DraftData') }, { additionalProperties: false }),
      response: { 200: Draft, ...errors(400, 404, 409, 429) },
    },
  }, async (request) => {
    const now = ctx.clock();
    await requireDraft(db, request, request.params.id, now);
    const row = await saveDraft(db, draftActorOf(request), request.params.id, request.body.version, request.body.data as DraftData, now);
    return presentDraft(db, row, secret, now);
  });

  app.delete('/api/v1/public/drafts/:id', {
    config: { rateLimit: publicWriteRate },
    schema: { tags: ['citizen'], summary: 'Discard a draft / Xóa bản nháp', params: IdParams, headers: TokenHeader, response: { 200: Ok, ...errors(400, 404, 409, 429) } },
  }, async (request) => {
    const now = ctx.clock();
    const row = await requireDraft(db, request, request.params.id, now);
    if (row.submitted_dossier_id) throw draftSubmitted();
    await db.transaction().execute(async (trx) => {
      await deleteDraft(trx, row.id);
      await audit(trx, draftActorOf(request).audit, { action: 'submission_draft.discard', subjectType: 'submission_draft', subjectId: row.id });
    });
    return { ok: true };
  });

  app.post('/api/v1/public/drafts/:id/attach-result', {
    config: { rateLimit: publicWriteRate },
    schema: {
      tags: ['citizen'],
      summary: 'Attach a result issued to you earlier instead of uploading the paper (citizen accounts) / Dùng lại kết quả đã được cấp',
      params: IdParams,
      body: Type.Object({ version: Type.Integer({ minimum: 1 }), documentName: Type.String({ minLength: 1, maxLength: 2000 }), fileId: Uuid }, { additionalProperties: false }),
      response: { 200: Draft, ...errors(400, 401, 404, 409, 429) },
    },
  }, async (request) => {
    const now = ctx.clock();
    await requireDraft(db, request, request.params.id, now);
    const b = request.body;
    const row = await attachResult(db, draftActorOf(request), request.params.id, b.version, b.documentName, b.fileId, now);
    return presentDraft(db, row, secret, now);
  });

  app.post('/api/v1/public/drafts/:id/submit', {
    config: { rateLimit: lookupRate },
    schema: {
      tags: ['citizen'],
      summary: 'Submit the draft as an online dossier; retries with the same Idempotency-Key (and any resubmission of the draft) return the same dossier / Nộp hồ sơ trực tuyến',
      params: IdParams,
      headers: Type.Object({ [draftTokenHeader]: Type.Optional(Type.String({ maxLength: 100 })), 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 200 })) }),
      response: { 201: SubmitResultSchema, 200: SubmitResultSchema, ...errors(400, 404, 409, 422, 429) },
    },
  }, async (request, reply) => {
    const now = ctx.clock();
    const key = request.headers['idempotency-key'];
    if (!key) {
      throw new AppError(400, 'idempotency_key_required', 'Send an Idempotency-Key header, so that a retried submission never creates a second dossier.',
        'Thiếu tiêu đề Idempotency-Key (để gửi lại không tạo hồ sơ thứ hai).');
    }
    await requireDraft(db, request, request.params.id, now);
    const outcome = await submitDraft(db, draftActorOf(request), request.params.id, key, now);
    return reply.status(outcome.replayed ? 200 : 201).send(outcome);
  });
}
