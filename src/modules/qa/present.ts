import { iso } from '../dossiers/present.ts';
import { redactPersonalData } from './domain/privacy.ts';
import type { QuestionRow } from './tables.ts';

export function presentQuestion(row: QuestionRow & { unit_name: string; procedure_code: string | null }, now: Date) {
  const asker = { name: row.asker_name, email: row.asker_email, phone: row.asker_phone };
  return {
    id: row.id, reference: row.reference, unitId: row.unit_id, unitName: row.unit_name, procedureCode: row.procedure_code,
    askerName: row.asker_name, askerEmail: row.asker_email, askerPhone: row.asker_phone,
    title: row.title, body: row.body, askedAt: iso(row.asked_at)!, targetAnswerAt: iso(row.target_answer_at)!,
    overdue: row.status === 'open' && row.target_answer_at.getTime() < now.getTime(),
    status: row.status, answer: row.answer, answeredAt: iso(row.answered_at), published: row.published,
    faqQuestion: row.faq_question, faqAnswer: row.faq_answer, publishedAt: iso(row.published_at), version: row.version,
    suggestedFaq: {
      question: row.faq_question ?? redactPersonalData(`${row.title}\n\n${row.body}`, asker),
      answer: row.faq_answer ?? (row.answer ? redactPersonalData(row.answer, asker) : ''),
    },
  };
}
