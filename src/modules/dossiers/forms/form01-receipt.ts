// Form 01 — GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ: handed to the applicant when a complete dossier is received.
// Carries the dossier code, the lookup secret and a QR code that opens the public lookup with the code.
import {
  contentWidth, drawQr, drawTable, FONT, field, formatVnd, formatVnDateTime, formTitle, gap, qrPng, rich,
  SIGN_HINT, signatures, write, writeAt,
} from '../../../documents/index.ts';
import { applicantFields, CHANNEL_LABELS, COPY_TYPE_LABELS, finishForm, formPage, procedureField } from './common.ts';
import type { ReceiptFormData } from './types.ts';

export const FORM_01_TITLE = 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ';
const QR_SIDE = 64;

/** What the QR code holds: the lookup page with the dossier code, or the bare code without a valid page. */
export function receiptQrText(data: Pick<ReceiptFormData, 'dossierCode' | 'lookupUrl'>): string {
  if (!data.lookupUrl) return data.dossierCode;
  try {
    const url = new URL(data.lookupUrl);
    url.searchParams.set('code', data.dossierCode);
    return url.toString();
  } catch {
    return data.dossierCode;
  }
}

export async function renderForm01(data: ReceiptFormData): Promise<Buffer> {
  const doc = formPage(FORM_01_TITLE, data.receivedAt, data.issuer, { number: false, date: data.receivedAt });
  formTitle(doc, FORM_01_TITLE, data.reissue ? `(Cấp lại lần ${data.reissue.number})` : undefined);

  // Code block on the left, QR code on the right.
  const top = doc.y;
  const left = doc.page.margins.left;
  const textWidth = contentWidth(doc) - QR_SIDE - 10;
  writeAt(doc, `Mã hồ sơ: ${data.dossierCode}`, left, top, { font: FONT.bold, width: textWidth });
  rich(doc, [{ text: 'Mã tra cứu: ' }, { text: data.lookupSecret, font: FONT.bold }], { width: textWidth });
  if (data.lookupUrl) write(doc, `Tra cứu tình trạng hồ sơ tại: ${data.lookupUrl}`, { font: FONT.italic, width: textWidth });
  drawQr(doc, await qrPng(receiptQrText(data)), left + contentWidth(doc) - QR_SIDE, top, QR_SIDE);
  doc.x = left;
  doc.y = Math.max(doc.y, top + QR_SIDE) + 4;

  write(doc, 'Tiếp nhận hồ sơ của:');
  applicantFields(doc, data.applicant);
  procedureField(doc, data.procedure, data.caseName);
  field(doc, 'Hình thức nộp', CHANNEL_LABELS[data.channel]);
  gap(doc, 0.3);
  write(doc, '1. Thành phần hồ sơ:');
  drawTable(doc, {
    columns: [
      { header: 'STT', weight: 1, align: 'center' },
      { header: 'Tên giấy tờ', weight: 7 },
      { header: 'Hình thức', weight: 3, align: 'center' },
      { header: 'Số lượng', weight: 2, align: 'center' },
    ],
    rows: data.documents.map((d, i) => [String(i + 1), d.name, d.copyType ? COPY_TYPE_LABELS[d.copyType] : '', String(d.count)]),
  });
  gap(doc, 0.3);
  field(doc, '2. Thời gian nhận hồ sơ', formatVnDateTime(data.receivedAt));
  field(doc, '3. Thời gian hẹn trả kết quả', formatVnDateTime(data.dueAt));
  write(doc, `4. Phí, lệ phí: ${data.fees.length ? '' : 'không thu.'}`);
  for (const fee of data.fees) write(doc, `- ${fee.name}: ${formatVnd(fee.amountVnd)}`, { indent: 12 });
  if (data.fees.length > 1) {
    field(doc, 'Tổng cộng', formatVnd(data.fees.reduce((sum, f) => sum + f.amountVnd, 0)), { indent: 12 });
  }
  if (data.note) field(doc, 'Ghi chú', data.note);
  if (data.reissue) {
    field(doc, 'Lý do cấp lại', data.reissue.reason);
    write(doc, 'Giấy này thay thế giấy tiếp nhận hồ sơ đã cấp trước đó.', { font: FONT.italic });
  }
  signatures(doc, [
    { role: 'Người nộp hồ sơ', hint: SIGN_HINT, name: data.applicant.fullName },
    { role: 'Người tiếp nhận hồ sơ', hint: SIGN_HINT, name: data.officer.fullName },
  ]);
  return finishForm(doc);
}
