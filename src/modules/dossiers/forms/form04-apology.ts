// Form 04 — PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ: sent before the due date when a dossier will be late;
// only one new appointment is allowed, and the dossier still counts as late.
import {
  FONT, field, formatVnDateTime, formatVnLongDate, formTitle, gap, signatures, write,
} from '../../../documents/index.ts';
import { finishForm, formPage } from './common.ts';
import type { ApologyFormData } from './types.ts';

export const FORM_04_TITLE = 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ';

export async function renderForm04(data: ApologyFormData): Promise<Buffer> {
  const doc = formPage(FORM_04_TITLE, data.issuedAt, data.issuer, { number: data.number ?? undefined, date: data.issuedAt });
  formTitle(doc, FORM_04_TITLE);
  write(doc, `Kính gửi: Ông/Bà ${data.applicant.fullName}`, { align: 'center' });
  gap(doc, 0.5);
  const received = formatVnLongDate(data.receivedAt);
  write(doc, `${received[0].toUpperCase()}${received.slice(1)}, chúng tôi tiếp nhận hồ sơ của Ông/Bà với nội dung:`);
  field(doc, 'Thủ tục hành chính', `${data.procedure.name} (mã ${data.procedure.code})`);
  field(doc, 'Mã hồ sơ', data.dossierCode);
  field(doc, 'Thời gian hẹn trả kết quả', formatVnDateTime(data.originalDueAt));
  gap(doc, 0.3);
  write(doc, 'Tuy nhiên, đến nay hồ sơ của Ông/Bà chưa được giải quyết xong.', { align: 'justify' });
  field(doc, 'Lý do', data.reason);
  gap(doc, 0.3);
  write(
    doc,
    'Sự chậm trễ này đã gây phiền hà, tốn kém chi phí, công sức của Ông/Bà. Chúng tôi thành thật xin lỗi Ông/Bà ' +
      'và xin hẹn trả kết quả giải quyết hồ sơ vào:',
    { align: 'justify' },
  );
  write(doc, formatVnDateTime(data.newDueAt), { font: FONT.bold, align: 'center' });
  write(doc, 'Xin trân trọng cảm ơn./.', { font: FONT.italic });
  signatures(doc, [{ role: data.signer.title, hint: '(Ký, ghi rõ họ tên và đóng dấu)', name: data.signer.fullName }]);
  return finishForm(doc);
}
