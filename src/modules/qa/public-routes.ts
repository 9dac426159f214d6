import { Type } from 'typebox';
import { AppError } from '../../platform/errors.ts';
import { vnDate } from '../../platform/clock.ts';
import type { App, AppContext } from '../../platform/http/context.ts';
import { errors, Nullable, Page, PageQuery, Uuid } from '../../platform/http/schemas.ts';
import { normalisePhone } from '../dossiers/domain/applicant.ts';
import { iso } from '../dossiers/present.ts';
import { procedureInForce } from '../citizen/catalog-reads.ts';
import { auditContext } from '../../platform/http/context.ts';
import { askQuestion, secretMatches } from './commands.ts';
import { normaliseQuestionReference } from './domain/reference.ts';
import { askableUnits, questionByReference, searchFaq, unitNameOf } from './repository.ts';
import { FaqEntrySchema } from './schemas.ts';

// The public side of Q&A: ask, read one's own answer (reference + secret, phone or email), search the FAQ.

const notFoundQuestion = () => new AppError(404, 'question_not_found', 'No question matches this reference and secret, phone number or email.',
  'Không có câu hỏi nào khớp với mã câu hỏi và mã bí mật, số điện thoại hoặc thư điện tử này.');

export function publicQaRoutes(app: App, ctx: AppContext): void {
  app.addSchema(FaqEntrySchema);
  const db = ctx.database.db;

  app.get('/api/v1/public/question-units', {
    config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: {
      tags: ['qa'], summary: 'Units that take questions / Đơn vị nhận câu hỏi',
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Uuid, name: Type.String(), fullName: Type.String(), kind: Type.String() })) }), ...errors(429) },
    },
  }, async () => ({ items: (await askableUnits(db, vnDate(ctx.clock()))).map((u) => ({ id: u.id, name: u.name, fullName: u.full_name, kind: u.kind })) }));

  app.post('/api/v1/public/questions', {
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: {
      tags: ['qa'],
      summary: 'Ask a question (optionally about a procedure or a unit); keep the reference and the secret / Đặt câu hỏi',
      body: Type.Object({
        askerName: Type.String({ minLength: 1, maxLength: 200 }),
        email: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
        phone: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
        title: Type.String({ minLength: 1, maxLength: 300 }),
        body: Type.String({ minLength: 1, maxLength: 10000 }),
        procedureCode: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
        unitId: Type.Optional(Nullable(Uuid)),
      }, { additionalProperties: false }),
      response: {
        201: Type.Object({ reference: Type.String(), secret: Type.String(), unitName: Type.String(), targetAnswerAt: Type.String() }),
        ...errors(400, 422, 429),
      },
    },
  }, async (request, reply) => {
    const caller = request.caller;
    const { row, secret } = await askQuestion(db, auditContext(request), { ...request.body, askerUserId: caller?.kind === 'citizen' ? caller.userId : null }, ctx.clock());
    return reply.status(201).send({ reference: row.reference, secret, unitName: await unitNameOf(db, row.unit_id), targetAnswerAt: iso(row.target_answer_at)! });
  });

  app.post('/api/v1/public/questions/lookup', {
    config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: {
      tags: ['qa'],
      summary: 'Read your question and its answer: the reference plus the secret, phone number or email / Xem câu trả lời',
      body: Type.Object({
        reference: Type.String({ minLength: 5, maxLength: 40 }),
        secret: Type.Optional(Type.String({ maxLength: 40 })),
        phone: Type.Optional(Type.String({ maxLength: 20 })),
        email: Type.Optional(Type.String({ maxLength: 200 })),
      }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          reference: Type.String(), title: Type.String(), body: Type.String(), unitName: Type.String(), askedAt: Type.String(), targetAnswerAt: Type.String(),
          status: Type.String(), answer: Nullable(Type.String()), answeredAt: Nullable(Type.String()), published: Type.Boolean(),
        }),
        ...errors(400, 404, 429),
      },
    },
  }, async (request) => {
    const b = request.body;
    const row = await questionByReference(db, normaliseQuestionReference(b.reference));
    const phone = b.phone ? normalisePhone(b.phone) : null;
    const ok = !!row && (
      (!!b.secret && secretMatches(row, b.secret))
      || (!!phone && row.asker_phone === phone)
      || (!!b.email?.trim() && !!row.asker_email && row.asker_email.toLowerCase() === b.email.trim().toLowerCase()));
    if (!row || !ok) throw notFoundQuestion();
    return {
      reference: row.reference, title: row.title, body: row.body, unitName: await unitNameOf(db, row.unit_id), askedAt: iso(row.asked_at)!, targetAnswerAt: iso(row.target_answer_at)!,
      status: row.status, answer: row.answer, answeredAt: iso(row.answered_at), published: row.published,
    };
  });

  app.get('/api/v1/public/faq', {
    config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: {
      tags: ['qa'],
      summary: 'Frequently asked questions, searchable with or without diacritics / Câu hỏi thường gặp',
      querystring: Type.Object({
        q: Type.Optional(Type.String({ maxLength: 200, description: 'Words to find; "khai sinh truc tuyen" works' })),
        procedureCode: Type.Optional(Type.String({ maxLength: 50 })),
        ...PageQuery,
      }),
      response: { 200: Page(Type.Ref('FaqEntry')), ...errors(400, 429) },
    },
  }, async (request) => {
    const q = request.query;
    let procedureId: string | undefined;
    if (q.procedureCode) {
      const procedure = await procedureInForce(db, q.procedureCode, vnDate(ctx.clock()));
      if (!procedure) return { items: [], nextCursor: null };
      procedureId = procedure.id;
    }
    const page = await searchFaq(db, { q: q.q, procedureId, cursor: q.cursor, limit: q.limit ?? 20 });
    return {
      items: page.items.map((r) => ({ id: r.id, question: r.faq_question!, answer: r.faq_answer!, publishedAt: iso(r.published_at)!, unitName: r.unit_name, procedureCode: r.procedure_code })),
      nextCursor: page.nextCursor,
    };
  });
}
