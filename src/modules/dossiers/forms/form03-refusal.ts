// Form 03 — PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ: one form for both refusals, worded for the counter
// (dossier not received) or for a refusal after appraisal (within the processing time).
import { FONT, formTitle, gap, numbered, SIGN_HINT, signatures, write } from '../../../documents/index.ts';
import { applicantFields, finishForm, formPage, procedureField } from './common.ts';
import type { RefusalFormData } from './types.ts';

export const FORM_03_TITLE = 'PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ';

export async function renderForm03(data: RefusalFormData): Promise<Buffer> {
  const doc = formPage(FORM_03_TITLE, data.decidedAt, data.issuer, { number: data.number ?? undefined, date: data.decidedAt });
  const subtitle = data.atIntake ? '(Từ chối tiếp nhận hồ sơ)' : '(Từ chối giải quyết hồ sơ)';
  formTitle(doc, FORM_03_TITLE, data.dossierCode ? `${subtitle} — Mã hồ sơ: ${data.dossierCode}` : subtitle);
  write(doc, 'Hồ sơ của:');
  applicantFields(doc, data.applicant);
  procedureField(doc, data.procedure);
  gap(doc, 0.3);
  write(
    doc,
    data.atIntake
      ? 'Qua kiểm tra, hồ sơ không đủ điều kiện tiếp nhận. Chúng tôi xin thông báo không tiếp nhận hồ sơ với lý do cụ thể như sau:'
      : 'Qua thẩm định, hồ sơ không đủ điều kiện giải quyết. Chúng tôi xin thông báo không giải quyết hồ sơ với lý do cụ thể như sau:',
    { align: 'justify' },
  );
  numbered(doc, data.reasons);
  gap(doc, 0.3);
  write(doc, 'Xin thông báo để Ông/Bà được biết và thực hiện./.', { font: FONT.italic });
  const role = data.officer.title ?? (data.atIntake ? 'Người tiếp nhận hồ sơ' : 'Người xử lý hồ sơ');
  signatures(doc, [{ role, hint: SIGN_HINT, name: data.officer.fullName }]);
  return finishForm(doc);
}
