import { Type } from 'typebox';
import { reachOf } from '../../access/policy.ts';
import { isUnitInReach } from '../../access/reach.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { auditContext, requireCaller, type App, type AppContext } from '../../platform/http/context.ts';
import { errors, IdParams, Page, PageQuery, StringEnum, Uuid } from '../../platform/http/schemas.ts';
import type { FastifyRequest } from 'fastify';
import { answerQuestion, publishQuestion, rejectQuestion, transferQuestion, unpublishQuestion, type QaActor } from './commands.ts';
import { qaPolicy } from './policy.ts';
import { presentQuestion } from './present.ts';
import { getQuestion, listQuestions, queueCounts, questionView } from './repository.ts';
import { questionStatuses, QuestionSchema, VersionBody } from './schemas.ts';

// The staff side of Q&A: the queue of the units in reach, answering, publishing to the FAQ.

function actorOf(request: FastifyRequest): QaActor {
  return { audit: auditContext(request), caller: requireCaller(request) };
}

function readReach(request: FastifyRequest) {
  const reach = reachOf(requireCaller(request), qaPolicy.read);
  if (reach !== 'all' && !reach.length) throw forbidden();
  return reach;
}

export function qaRoutes(app: App, ctx: AppContext): void {
  app.addSchema(QuestionSchema);
  const db = ctx.database.db;
  const Question = Type.Ref('Question');

  async function present(id: string) {
    return presentQuestion((await questionView(db, id))!, ctx.clock());
  }

  app.get('/api/v1/questions', {
    schema: {
      tags: ['qa'],
      summary: 'Questions of the units in reach: open ones most urgent first / Câu hỏi của người dân',
      querystring: Type.Object({
        status: Type.Optional(StringEnum(questionStatuses)),
        overdue: Type.Optional(Type.Boolean()),
        unitId: Type.Optional(Uuid),
        q: Type.Optional(Type.String({ maxLength: 100, description: 'Reference or words of the title' })),
        ...PageQuery,
      }),
      response: { 200: Page(Question), ...errors(400, 401, 403) },
    },
  }, async (request) => {
    const reach = readReach(request);
    const now = ctx.clock();
    const q = request.query;
    const page = await listQuestions(db, { reach, status: q.status, overdue: q.overdue, unitId: q.unitId, q: q.q, now, cursor: q.cursor, limit: q.limit ?? 50 });
    return { items: page.items.map((r) => presentQuestion(r, now)), nextCursor: page.nextCursor };
  });

  app.get('/api/v1/questions/counts', {
    schema: {
      tags: ['qa'], summary: 'Counts of the Q&A queue / Số câu hỏi theo trạng thái',
      querystring: Type.Object({ unitId: Type.Optional(Uuid) }),
      response: { 200: Type.Object({ open: Type.Integer(), overdue: Type.Integer(), answered: Type.Integer(), published: Type.Integer() }), ...errors(401, 403) },
    },
  }, async (request) => queueCounts(db, readReach(request), ctx.clock(), request.query.unitId));

  app.get('/api/v1/questions/:id', {
    schema: { tags: ['qa'], summary: 'One question / Chi tiết câu hỏi', params: IdParams, response: { 200: Question, ...errors(401, 403, 404) } },
  }, async (request) => {
    const reach = readReach(request);
    const row = await getQuestion(db, request.params.id);
    if (!row || !(await isUnitInReach(db, reach, row.unit_id))) throw notFound('Question', 'Câu hỏi');
    return present(row.id);
  });

  app.post('/api/v1/questions/:id/answer', {
    schema: {
      tags: ['qa'], summary: 'Answer a question (the asker is notified) or amend the answer / Trả lời câu hỏi', params: IdParams,
      body: Type.Object({ ...VersionBody, answer: Type.String({ minLength: 1, maxLength: 20000 }) }, { additionalProperties: false }),
      response: { 200: Question, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const row = await answerQuestion(db, actorOf(request), request.params.id, request.body.version, request.body.answer, ctx.clock(), ctx.config.publicUrl);
    return present(row.id);
  });

  app.post('/api/v1/questions/:id/publish', {
    schema: {
      tags: ['qa'], summary: 'Publish an answered question to the FAQ with a text free of personal data / Công khai câu hỏi', params: IdParams,
      body: Type.Object({ ...VersionBody, faqQuestion: Type.String({ minLength: 1, maxLength: 5000 }), faqAnswer: Type.String({ minLength: 1, maxLength: 20000 }) }, { additionalProperties: false }),
      response: { 200: Question, ...errors(400, 401, 403, 404, 409, 422) },
    },
  }, async (request) => {
    const b = request.body;
    const row = await publishQuestion(db, actorOf(request), request.params.id, b.version, { question: b.faqQuestion, answer: b.faqAnswer }, ctx.clock());
    return present(row.id);
  });

  app.post('/api/v1/questions/:id/unpublish', {
    schema: {
      tags: ['qa'], summary: 'Take a question off the FAQ / Thôi công khai câu hỏi', params: IdParams,
      body: Type.Object(VersionBody, { additionalProperties: false }), response: { 200: Question, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => present((await unpublishQuestion(db, actorOf(request), request.params.id, request.body.version, ctx.clock())).id));

  app.post('/api/v1/questions/:id/reject', {
    schema: {
      tags: ['qa'], summary: 'Reject a question that cannot be answered (abusive, not a question) / Từ chối câu hỏi', params: IdParams,
      body: Type.Object({ ...VersionBody, reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }),
      response: { 200: Question, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => present((await rejectQuestion(db, actorOf(request), request.params.id, request.body.version, request.body.reason, ctx.clock())).id));

  app.post('/api/v1/questions/:id/transfer', {
    schema: {
      tags: ['qa'], summary: 'Send a question to the unit that should answer it / Chuyển câu hỏi', params: IdParams,
      body: Type.Object({ ...VersionBody, unitId: Uuid }, { additionalProperties: false }), response: { 200: Question, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const row = await transferQuestion(db, actorOf(request), request.params.id, request.body.version, request.body.unitId, ctx.clock());
    const reach = reachOf(requireCaller(request), qaPolicy.read);
    // Sent out of reach: the caller can no longer read it, so say what happened without the record.
    if (!(await isUnitInReach(db, reach, row.unit_id))) return presentQuestion({ ...row, unit_name: '', procedure_code: null }, ctx.clock());
    return present(row.id);
  });
}
