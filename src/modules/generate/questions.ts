// Synthetic citizen questions (hỏi đáp): asked at any hour, answered by the unit within its service standard
// (five working days) or late, a few rejected, some published in the FAQ. Pure, like model.ts.

import { computeDueDate, localDate, type WorkingCalendar } from '../../calendar/index.ts';
import { lookupSecretFrom } from '../dossiers/domain/code.ts';
import { hashSecret } from '../qa/commands.ts';
import { answerWorkingDays, questionReference } from '../qa/domain/reference.ts';
import { foldVietnamese } from '../../platform/text.ts';
import type { NameMaker } from './names.ts';
import * as profile from './profile.ts';
import type { Random } from './random.ts';
import type { Staff } from './model.ts';

export interface NewQuestion {
  id: string;
  reference: string;
  unit_id: string;
  procedure_id: string | null;
  asker_name: string;
  asker_email: string | null;
  asker_phone: string | null;
  asker_user_id: null;
  asker_secret_hash: string;
  title: string;
  body: string;
  asked_at: Date;
  target_answer_at: Date;
  status: 'open' | 'answered' | 'rejected';
  answer: string | null;
  answered_at: Date | null;
  answered_by: string | null;
  published: boolean;
  faq_question: string | null;
  faq_answer: string | null;
  faq_folded: string | null;
  published_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const HOUR = 3_600_000;
const about = [
  ['Hồ sơ {p} cần những giấy tờ gì?', 'Tôi muốn làm thủ tục {p}, xin hỏi cần chuẩn bị những giấy tờ gì và nộp ở đâu?'],
  ['Thời gian giải quyết {p}', 'Xin cho biết thủ tục {p} mất bao lâu thì có kết quả?'],
  ['Lệ phí {p}', 'Thủ tục {p} có mất lệ phí không, nộp trực tuyến có được giảm không?'],
  ['Nộp trực tuyến {p}', 'Tôi có thể nộp hồ sơ {p} qua Cổng dịch vụ công không?'],
] as const;
const general = [
  ['Giờ làm việc của Bộ phận Một cửa', 'Bộ phận Một cửa có làm việc sáng thứ Bảy không?'],
  ['Tra cứu tình trạng hồ sơ', 'Tôi làm mất giấy tiếp nhận, làm sao tra cứu hồ sơ đã nộp?'],
] as const;

export interface QuestionContext {
  unitId: string;
  calendar: WorkingCalendar;
  procedure: { id: string; name: string } | null;
  answerer: Staff;
}

/** A question asked at `askedMs`; `sequence` is the day's next number (kept by the caller in time order). */
export function questionStory(r: Random, q: QuestionContext, askedMs: number, sequence: number, names: NameMaker, now: number): NewQuestion {
  const asked = new Date(askedMs);
  const [titleTemplate, bodyTemplate] = q.procedure ? r.pick(about) : r.pick(general);
  const name = q.procedure ? q.procedure.name.replace(/^Thủ tục /, '').toLocaleLowerCase('vi') : '';
  const title = titleTemplate.replace('{p}', name).slice(0, 200);
  const body = bodyTemplate.replace('{p}', name);
  const person = names.person(r, Number(localDate(asked).slice(0, 4)));
  const target = computeDueDate(q.calendar, { start: asked, duration: { kind: 'working_days', amount: answerWorkingDays } }).dueAt;
  const roll = r.next();
  const answeredAt = new Date(askedMs + Math.round((r.chance(0.9) ? 0.2 + r.exponential(1.5) : 6 + r.exponential(4)) * 24 * HOUR));
  const closes = roll < profile.questionAnswered + profile.questionRejected && answeredAt.getTime() <= now;
  const status = !closes ? 'open' : roll < profile.questionAnswered ? 'answered' : 'rejected';
  const answer = status === 'answered' ? `Trả lời về "${title}": ông/bà vui lòng xem hướng dẫn tại trang thủ tục và liên hệ Bộ phận Một cửa để được hỗ trợ.` : null;
  const published = status === 'answered' && r.chance(profile.questionPublished);
  return {
    id: r.uuid(), reference: questionReference(localDate(asked), sequence), unit_id: q.unitId, procedure_id: q.procedure?.id ?? null,
    asker_name: person.fullName, asker_email: null, asker_phone: person.phone, asker_user_id: null,
    asker_secret_hash: hashSecret(lookupSecretFrom(r.bytes(10))), title, body, asked_at: asked, target_answer_at: target, status,
    answer, answered_at: closes ? answeredAt : null, answered_by: closes ? q.answerer.id : null,
    published, faq_question: published ? title : null, faq_answer: published ? answer : null,
    faq_folded: published ? foldVietnamese(`${title} ${answer}`) : null, published_at: published ? answeredAt : null,
    created_at: asked, updated_at: closes ? answeredAt : asked,
  };
}
