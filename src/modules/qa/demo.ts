import { randomBytes } from 'node:crypto';
import { systemActor, audit } from '../../audit/audit.ts';
import { computeDueDate, localDate } from '../../calendar/index.ts';
import type { DemoSeeder } from '../../demo/seed.ts';
import { foldVietnamese } from '../../platform/text.ts';
import { calendarFor } from '../calendar/repository.ts';
import { lookupSecretFrom } from '../dossiers/domain/code.ts';
import { hashSecret } from './commands.ts';
import { answerWorkingDays, questionReference } from './domain/reference.ts';
import { nextQuestionSequence } from './repository.ts';

// Demo Q&A: a few answered questions published in the FAQ (linked to their procedures), one answered but not
// published, and open ones in phường Bồng Lai's queue, one of them overdue.

interface DemoQuestion {
  unit: string;
  procedure: string | null;
  daysAgo: number;
  asker: string;
  title: string;
  body: string;
  answer?: string;
  faq?: [question: string, answer: string];
}

const questions: DemoQuestion[] = [
  {
    unit: 'bong-lai', procedure: '1.001193', daysAgo: 20, asker: 'Nguyễn Thị Hồng',
    title: 'Đăng ký khai sinh trực tuyến cần giấy tờ gì?',
    body: 'Tôi muốn đăng ký khai sinh cho con qua mạng thì cần chuẩn bị những giấy tờ gì?',
    answer: 'Ông/bà cần tờ khai đăng ký khai sinh theo mẫu và giấy chứng sinh (bản chụp hoặc bản điện tử). Hồ sơ nộp trực tuyến được Bộ phận Một cửa tiếp nhận trong giờ hành chính.',
    faq: ['Đăng ký khai sinh trực tuyến cần những giấy tờ gì?', 'Cần tờ khai đăng ký khai sinh theo mẫu và giấy chứng sinh (bản chụp hoặc bản điện tử). Hồ sơ nộp trực tuyến được Bộ phận Một cửa tiếp nhận trong giờ hành chính.'],
  },
  {
    unit: 'bong-lai', procedure: '2.000815', daysAgo: 15, asker: 'Trần Văn Phúc',
    title: 'Chứng thực bản sao có phải đến đúng phường nơi cư trú không?',
    body: 'Tôi đang ở phường khác, có chứng thực bản sao ở phường Bồng Lai được không?',
    answer: 'Được. Chứng thực bản sao từ bản chính là thủ tục phi địa giới: ông/bà có thể yêu cầu tại bất kỳ Bộ phận Một cửa cấp xã nào trong tỉnh, mang theo bản chính.',
    faq: ['Chứng thực bản sao có phải làm ở nơi cư trú không?', 'Không. Chứng thực bản sao từ bản chính là thủ tục phi địa giới: có thể yêu cầu tại bất kỳ Bộ phận Một cửa cấp xã nào trong tỉnh, mang theo bản chính.'],
  },
  {
    unit: 'bac-ninh', procedure: '1.004194', daysAgo: 12, asker: 'Phạm Minh Tuấn',
    title: 'Lệ phí đăng ký tạm trú trực tuyến',
    body: 'Đăng ký tạm trú qua mạng có được giảm lệ phí không?',
    answer: 'Có. Lệ phí đăng ký tạm trú là 10.000 đồng mỗi người mỗi lần; nộp trực tuyến là 7.000 đồng.',
    faq: ['Đăng ký tạm trú trực tuyến có được giảm lệ phí không?', 'Có. Lệ phí là 10.000 đồng mỗi người mỗi lần; nộp trực tuyến chỉ 7.000 đồng.'],
  },
  {
    unit: 'bong-lai', procedure: null, daysAgo: 6, asker: 'Đỗ Thị Lan Anh',
    title: 'Giờ làm việc của Bộ phận Một cửa',
    body: 'Bộ phận Một cửa phường có làm việc sáng thứ Bảy không?',
    answer: 'Bộ phận Một cửa làm việc từ thứ Hai đến thứ Sáu, sáng 7 giờ 30 đến 11 giờ 30, chiều 13 giờ đến 17 giờ, trừ ngày nghỉ lễ.',
  },
  {
    unit: 'bong-lai', procedure: '1.000894', daysAgo: 9, asker: 'Vũ Đức Thắng',
    title: 'Đăng ký kết hôn khi một bên ở tỉnh khác',
    body: 'Vợ sắp cưới của tôi thường trú ở Hà Nội, chúng tôi có đăng ký kết hôn tại phường Bồng Lai được không?',
  },
  {
    unit: 'bong-lai', procedure: '1.001193', daysAgo: 1, asker: 'Hoàng Thu Trang',
    title: 'Con sinh ở nhà thì đăng ký khai sinh thế nào?',
    body: 'Con tôi sinh tại nhà, không có giấy chứng sinh. Tôi cần giấy tờ gì thay thế?',
  },
];

export const qaDemoSeeder: DemoSeeder = async ({ trx, unitIds, userIds, now }) => {
  const answerer = userIds.get('bonglai.motcua1') ?? null;
  const actor = systemActor('seed-demo');
  for (const q of questions) {
    const unitId = unitIds.get(q.unit);
    if (!unitId) continue;
    const procedure = q.procedure ? await trx.selectFrom('procedures').select('id').where('code', '=', q.procedure).executeTakeFirst() : undefined;
    const askedAt = new Date(now.getTime() - q.daysAgo * 86_400_000);
    const { calendar } = await calendarFor(trx, unitId);
    const target = computeDueDate(calendar, { start: askedAt, duration: { kind: 'working_days', amount: answerWorkingDays } }).dueAt;
    const answeredAt = q.answer ? new Date(askedAt.getTime() + 2 * 86_400_000) : null;
    const reference = questionReference(localDate(askedAt), await nextQuestionSequence(trx, localDate(askedAt)));
    const row = await trx.insertInto('questions').values({
      reference, unit_id: unitId, procedure_id: procedure?.id ?? null, asker_name: q.asker, asker_email: null, asker_phone: null,
      asker_secret_hash: hashSecret(lookupSecretFrom(randomBytes(10))), title: q.title, body: q.body, asked_at: askedAt, target_answer_at: target,
      status: q.answer ? 'answered' : 'open', answer: q.answer ?? null, answered_at: answeredAt, answered_by: q.answer ? answerer : null,
      published: !!q.faq, faq_question: q.faq?.[0] ?? null, faq_answer: q.faq?.[1] ?? null, faq_folded: q.faq ? foldVietnamese(q.faq.join(' ')) : null,
      published_at: q.faq ? answeredAt : null, created_at: askedAt, updated_at: answeredAt ?? askedAt,
    }).returning('id').executeTakeFirstOrThrow();
    await audit(trx, actor, { action: 'question.ask', subjectType: 'question', subjectId: row.id, unitId, after: { reference, demo: true } });
  }
};
