// Form 02 — PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ: lists everything missing at once (Decree 61/2018 Art. 15:
// the applicant is asked only once), with the reason for each item.
import {
  drawTable, field, formatVnDateTime, formTitle, gap, SIGN_HINT, signatures, write,
} from '../../../documents/index.ts';
import { applicantFields, finishForm, formPage, procedureField } from './common.ts';
import type { SupplementRequestFormData } from './types.ts';

export const FORM_02_TITLE = 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ';

export async function renderForm02(data: SupplementRequestFormData): Promise<Buffer> {
  const doc = formPage(FORM_02_TITLE, data.requestedAt, data.issuer, { number: data.number ?? undefined, date: data.requestedAt });
  formTitle(doc, FORM_02_TITLE, data.dossierCode ? `Mã hồ sơ: ${data.dossierCode}` : undefined);
  write(doc, 'Hồ sơ của:');
  applicantFields(doc, data.applicant);
  procedureField(doc, data.procedure);
  gap(doc, 0.3);
  write(doc, 'Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:');
  drawTable(doc, {
    columns: [
      { header: 'STT', weight: 1, align: 'center' },
      { header: 'Giấy tờ cần bổ sung, hoàn thiện', weight: 6 },
      { header: 'Lý do', weight: 6 },
    ],
    rows: data.items.map((item, i) => [String(i + 1), item.document, item.reason]),
  });
  gap(doc, 0.3);
  if (data.applicantDeadline) field(doc, 'Thời hạn bổ sung, hoàn thiện hồ sơ', `trước ${formatVnDateTime(data.applicantDeadline)}`);
  const contact = data.officer.phone ? `${data.officer.fullName}, số điện thoại ${data.officer.phone},` : `${data.officer.fullName}`;
  write(doc, `Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ ${contact} để được hướng dẫn.`, {
    align: 'justify',
  });
  signatures(doc, [{ role: 'Người hướng dẫn', hint: SIGN_HINT, name: data.officer.fullName }]);
  return finishForm(doc);
}
