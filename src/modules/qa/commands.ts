import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { reachOf } from '../../access/policy.ts';
import { isUnitInReach } from '../../access/reach.ts';
import type { Caller } from '../../access/roles.ts';
import { audit, type AuditContext } from '../../audit/audit.ts';
import { computeDueDate, localDate } from '../../calendar/index.ts';
import { vnDate } from '../../platform/clock.ts';
import type { Schema } from '../../platform/db/schema.ts';
import { AppError, invalidField, notFound, staleVersion, type FieldError } from '../../platform/errors.ts';
import { foldVietnamese, nfc } from '../../platform/text.ts';
import { getUnit } from '../../units/repository.ts';
import { calendarFor } from '../calendar/repository.ts';
import { procedureInForce } from '../citizen/catalog-reads.ts';
import { sendCitizenMessage } from '../citizen/notify.ts';
import { lookupSecretFrom } from '../dossiers/domain/code.ts';
import { normalisePhone } from '../dossiers/domain/applicant.ts';
import { personalDataIn } from './domain/privacy.ts';
import { answerWorkingDays, questionReference } from './domain/reference.ts';
import { qaPolicy } from './policy.ts';
import { insertQuestion, lockQuestion, nextQuestionSequence, offeringUnitOf, rootUnitOf, updateQuestion, type QuestionChange } from './repository.ts';
import type { QuestionRow } from './tables.ts';

// Questions and answers: anyone asks (optionally about a procedure or a unit), the question goes to the queue of
// the unit that answers it, with a target time of five working days; an official answers (the asker is
// notified), and may publish it to the FAQ with a public text free of the asker's personal data.

export interface Question {
  askerName: string;
  email?: string | null;
  phone?: string | null;
  title: string;
  body: string;
  procedureCode?: string | null;
  unitId?: string | null;
  askerUserId?: string | null;
}

export const hashSecret = (secret: string) => createHash('sha256').update(secret.toUpperCase().replace(/[\s-]/g, '')).digest('hex');

export function secretMatches(row: QuestionRow, secret: string): boolean {
  const a = Buffer.from(hashSecret(secret));
  const b = Buffer.from(row.asker_secret_hash);
  return a.length === b.length && timingSafeEqual(a, b);
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkQuestion(q: Question): { email: string | null; phone: string | null } {
  const problems: FieldError[] = [];
  const add = (field: string, message: string, messageVi: string) => problems.push({ field, message, messageVi });
  if (!q.askerName.trim()) add('askerName', 'Enter your name.', 'Nhập họ và tên.');
  const email = q.email?.trim() || null;
  const phone = q.phone?.trim() ? normalisePhone(q.phone) : null;
  if (email && !emailPattern.test(email)) add('email', 'Enter an email address like name@example.com.', 'Nhập thư điện tử đúng dạng, ví dụ ten@example.com.');
  if (q.phone?.trim() && !phone) add('phone', 'Enter a Vietnamese phone number, e.g. 0912 345 678.', 'Nhập số điện thoại Việt Nam, ví dụ 0912 345 678.');
  if (!q.email?.trim() && !q.phone?.trim()) add('email', 'Give an email address or a phone number so we can tell you when the answer is ready.', 'Nhập thư điện tử hoặc số điện thoại để nhận thông báo khi có câu trả lời.');
  if (!q.title.trim()) add('title', 'Enter a short title for your question.', 'Nhập tiêu đề ngắn cho câu hỏi.');
  if (!q.body.trim()) add('body', 'Enter your question.', 'Nhập nội dung câu hỏi.');
  if (problems.length) throw new AppError(400, 'invalid_input', problems[0].message, problems[0].messageVi, problems);
  return { email, phone };
}

async function routeQuestion(db: Kysely<Schema>, q: Question, procedureId: string | null, date: string): Promise<string> {
  if (q.unitId) {
    const unit = await getUnit(db, q.unitId);
    if (!unit || (unit.validTo && unit.validTo <= date)) throw invalidField('unitId', 'Choose a unit from the list.', 'Chọn một đơn vị trong danh sách.');
    return unit.id;
  }
  const unitId = (procedureId ? await offeringUnitOf(db, procedureId) : null) ?? (await rootUnitOf(db, date));
  if (!unitId) throw new AppError(422, 'no_unit', 'No unit can answer questions yet.', 'Chưa có đơn vị nào nhận câu hỏi.');
  return unitId;
}

export async function askQuestion(db: Kysely<Schema>, actor: AuditContext, q: Question, now: Date): Promise<{ row: QuestionRow; secret: string }> {
  const { email, phone } = checkQuestion(q);
  const date = vnDate(now);
  let procedureId: string | null = null;
  if (q.procedureCode) {
    const procedure = await procedureInForce(db, q.procedureCode, date);
    if (!procedure) throw invalidField('procedureCode', 'Unknown procedure.', 'Không có thủ tục này.');
    procedureId = procedure.id;
  }
  const unitId = await routeQuestion(db, q, procedureId, date);
  const secret = lookupSecretFrom(randomBytes(10));
  return db.transaction().execute(async (trx) => {
    const { calendar } = await calendarFor(trx, unitId);
    const target = computeDueDate(calendar, { start: now, duration: { kind: 'working_days', amount: answerWorkingDays } }).dueAt;
    const reference = questionReference(localDate(now), await nextQuestionSequence(trx, localDate(now)));
    const row = await insertQuestion(trx, {
      reference, unit_id: unitId, procedure_id: procedureId, asker_name: nfc(q.askerName.trim()), asker_email: email, asker_phone: phone,
      asker_user_id: q.askerUserId ?? null, asker_secret_hash: hashSecret(secret), title: nfc(q.title.trim()), body: nfc(q.body.trim()),
      asked_at: now, target_answer_at: target, created_at: now, updated_at: now,
    });
    await audit(trx, actor, { action: 'question.ask', subjectType: 'question', subjectId: row.id, unitId, after: { reference, procedureId, targetAnswerAt: target } });
    return { row, secret };
  });
}

export interface QaActor {
  audit: AuditContext;
  caller: Caller;
}

/** Locks the question, checks the caller may do `rule` at its unit (else 404) and the version (else 409). */
async function loadForChange(trx: Kysely<Schema>, actor: QaActor, id: string, version: number, rule: keyof typeof qaPolicy): Promise<QuestionRow> {
  const row = await lockQuestion(trx, id);
  if (!row || !(await isUnitInReach(trx, reachOf(actor.caller, qaPolicy[rule]), row.unit_id))) {
    if (row && rule !== 'read' && (await isUnitInReach(trx, reachOf(actor.caller, qaPolicy.read), row.unit_id))) {
      throw new AppError(403, 'forbidden', 'Your role cannot do this to questions.', 'Vai trò của bạn không được thực hiện thao tác này với câu hỏi.');
    }
    throw notFound('Question', 'Câu hỏi');
  }
  if (row.version !== version) throw staleVersion();
  return row;
}

function cannot(en: string, vi: string): never {
  throw new AppError(409, 'invalid_question_state', en, vi);
}

async function change(trx: Kysely<Schema>, actor: QaActor, row: QuestionRow, action: string, set: QuestionChange, now: Date, extra: Record<string, unknown> = {}) {
  const after = await updateQuestion(trx, row, set, now);
  await audit(trx, actor.audit, {
    action: `question.${action}`, subjectType: 'question', subjectId: row.id, unitId: after.unit_id,
    before: { status: row.status, published: row.published, unitId: row.unit_id, version: row.version },
    after: { status: after.status, published: after.published, unitId: after.unit_id, version: after.version, ...extra },
  });
  return after;
}

export async function answerQuestion(db: Kysely<Schema>, actor: QaActor, id: string, version: number, answer: string, now: Date, publicUrl: string): Promise<QuestionRow> {
  if (!answer.trim()) throw invalidField('answer', 'Write the answer.', 'Nhập nội dung trả lời.');
  return db.transaction().execute(async (trx) => {
    const row = await loadForChange(trx, actor, id, version, 'answer');
    if (row.status === 'rejected') cannot('A rejected question cannot be answered.', 'Không thể trả lời câu hỏi đã bị từ chối.');
    const first = row.status === 'open';
    const after = await change(trx, actor, row, 'answer', {
      status: 'answered', answer: nfc(answer.trim()), answered_at: first ? now : row.answered_at, answered_by: actor.caller.userId,
    }, now, { amended: !first });
    if (first) {
      const unit = await getUnit(trx, after.unit_id);
      const excerpt = after.answer!.length > 900 ? `${after.answer!.slice(0, 900)}…` : after.answer!;
      await sendCitizenMessage(trx, {
        template: 'question.answered',
        params: { reference: after.reference, title: after.title.slice(0, 500), askerName: after.asker_name, unitName: unit?.fullName, answerExcerpt: excerpt, url: `${publicUrl}/hoi-dap/cau-hoi/${after.reference}` },
        email: after.asker_email, phone: after.asker_phone, userId: after.asker_user_id, unitId: after.unit_id, dedupeKey: `question:${after.id}:answered`, now,
      });
    }
    return after;
  });
}

export async function publishQuestion(db: Kysely<Schema>, actor: QaActor, id: string, version: number, text: { question: string; answer: string }, now: Date): Promise<QuestionRow> {
  const question = nfc(text.question.trim());
  const answer = nfc(text.answer.trim());
  if (!question) throw invalidField('faqQuestion', 'Write the public question.', 'Nhập câu hỏi công khai.');
  if (!answer) throw invalidField('faqAnswer', 'Write the public answer.', 'Nhập câu trả lời công khai.');
  return db.transaction().execute(async (trx) => {
    const row = await loadForChange(trx, actor, id, version, 'publish');
    if (row.status !== 'answered') cannot('Only answered questions can be published.', 'Chỉ công khai được câu hỏi đã trả lời.');
    const asker = { name: row.asker_name, email: row.asker_email, phone: row.asker_phone };
    const leaks: FieldError[] = [];
    for (const [field, value] of [['faqQuestion', question], ['faqAnswer', answer]] as const) {
      const found = personalDataIn(value, asker);
      if (found.length) {
        leaks.push({ field, message: `Remove personal data before publishing: ${found.join(', ')}`, messageVi: `Hãy xóa thông tin cá nhân trước khi công khai: ${found.join(', ')}` });
      }
    }
    if (leaks.length) throw new AppError(422, 'personal_data', leaks[0].message, leaks[0].messageVi, leaks);
    return change(trx, actor, row, 'publish', {
      published: true, faq_question: question, faq_answer: answer, faq_folded: foldVietnamese(`${question} ${answer}`), published_at: row.published_at ?? now,
    }, now);
  });
}

export async function unpublishQuestion(db: Kysely<Schema>, actor: QaActor, id: string, version: number, now: Date): Promise<QuestionRow> {
  return db.transaction().execute(async (trx) => {
    const row = await loadForChange(trx, actor, id, version, 'publish');
    if (!row.published) cannot('The question is not published.', 'Câu hỏi chưa được công khai.');
    return change(trx, actor, row, 'unpublish', { published: false }, now);
  });
}

export async function rejectQuestion(db: Kysely<Schema>, actor: QaActor, id: string, version: number, reason: string, now: Date): Promise<QuestionRow> {
  if (!reason.trim()) throw invalidField('reason', 'Give the reason.', 'Nêu lý do.');
  return db.transaction().execute(async (trx) => {
    const row = await loadForChange(trx, actor, id, version, 'answer');
    if (row.status !== 'open') cannot('Only open questions can be rejected.', 'Chỉ từ chối được câu hỏi chưa trả lời.');
    return change(trx, actor, row, 'reject', { status: 'rejected', answer: nfc(reason.trim()), answered_at: now, answered_by: actor.caller.userId }, now);
  });
}

/** To the unit that should answer it (any unit: questions often leave the commune); the caller must be able to answer it where it is. */
export async function transferQuestion(db: Kysely<Schema>, actor: QaActor, id: string, version: number, unitId: string, now: Date): Promise<QuestionRow> {
  return db.transaction().execute(async (trx) => {
    const row = await loadForChange(trx, actor, id, version, 'answer');
    if (row.status !== 'open') cannot('Only open questions can be transferred.', 'Chỉ chuyển được câu hỏi chưa trả lời.');
    const unit = await getUnit(trx, unitId);
    if (!unit) throw invalidField('unitId', 'Unknown unit.', 'Không có đơn vị này.');
    return change(trx, actor, row, 'transfer', { unit_id: unitId }, now);
  });
}
