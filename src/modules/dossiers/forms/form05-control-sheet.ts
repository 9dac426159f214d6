// Form 05 — PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ: every hand-over between officials and bodies, with its
// time, giver, receiver, step deadline and whether the step finished early, on time or late.
import {
  drawTable, field, FONT, formatVnDateTime, formTitle, gap, numberPages, pdfBuffer, write,
} from '../../../documents/index.ts';
import { cellDateTime, formPage, RESULT_LABELS } from './common.ts';
import type { ControlSheetFormData, Handover } from './types.ts';

export const FORM_05_TITLE = 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ';

export async function renderForm05(data: ControlSheetFormData): Promise<Buffer> {
  const createdAt = data.printedAt ?? data.handovers.at(-1)?.at ?? data.receivedAt;
  const doc = formPage(FORM_05_TITLE, createdAt, data.issuer, { number: false, date: data.printedAt ?? undefined });
  formTitle(doc, FORM_05_TITLE);
  field(doc, 'Kèm theo hồ sơ của', data.applicant.fullName);
  field(doc, 'Mã hồ sơ', data.dossierCode);
  field(doc, 'Thủ tục hành chính', `${data.procedure.name} (mã ${data.procedure.code})`);
  field(doc, 'Thời gian nhận hồ sơ', formatVnDateTime(data.receivedAt));
  field(doc, 'Thời gian hẹn trả kết quả', formatVnDateTime(data.dueAt));
  gap(doc, 0.4);
  drawTable(doc, {
    size: 8,
    columns: [
      // Weights are roughly points on the A5 page: a name of three words and a date fit on one line.
      { header: 'Bước', weight: 26, align: 'center' },
      { header: 'Bên giao', weight: 70 },
      { header: 'Bên nhận', weight: 70 },
      { header: 'Thời gian giao, nhận', weight: 44, align: 'center' },
      { header: 'Hạn xử lý', weight: 44, align: 'center' },
      { header: 'Kết quả', weight: 38, align: 'center' },
      { header: 'Ghi chú', weight: 54 },
    ],
    rows: data.handovers.map(handoverRow),
  });
  gap(doc, 0.4);
  write(doc, outcomeLine(data.outcome), { font: FONT.bold });
  numberPages(doc);
  return pdfBuffer(doc);
}

function handoverRow(h: Handover): string[] {
  return [
    String(h.step),
    `${h.fromName}\n${h.fromUnit}`,
    `${h.toName}\n${h.toUnit}`,
    cellDateTime(h.at),
    cellDateTime(h.stepDeadline),
    h.result ? RESULT_LABELS[h.result] : '',
    h.note ?? '',
  ];
}

function outcomeLine(outcome: ControlSheetFormData['outcome']): string {
  if (!outcome) return 'Kết quả giải quyết hồ sơ: đang giải quyết.';
  const parts = [outcome.result ? RESULT_LABELS[outcome.result] : 'Chưa phân loại'];
  if (outcome.finishedAt) parts.push(`có kết quả lúc ${formatVnDateTime(outcome.finishedAt)}`);
  if (outcome.returnedAt) parts.push(`trả kết quả lúc ${formatVnDateTime(outcome.returnedAt)}`);
  if (outcome.note) parts.push(outcome.note);
  return `Kết quả giải quyết hồ sơ: ${parts.join('; ')}.`;
}
