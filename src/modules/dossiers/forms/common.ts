// Blocks shared by the one-stop forms: labels, the applicant and procedure lines, the standard A5 page.
import {
  createPdf, field, formatVnDate, formatVnTime, nationalHeader, numberPages, pdfBuffer, type HeaderOptions, type Pdf,
} from '../../../documents/index.ts';
import type { Applicant, Channel, CopyType, Issuer, ProcedureRef, TimelinessResult } from './types.ts';

export const CHANNEL_LABELS: Record<Channel, string> = {
  counter: 'Trực tiếp',
  online: 'Trực tuyến',
  post: 'Qua dịch vụ bưu chính',
};

export const COPY_TYPE_LABELS: Record<CopyType, string> = {
  original: 'Bản chính',
  copy: 'Bản sao',
  certified_copy: 'Bản sao chứng thực',
};

export const RESULT_LABELS: Record<TimelinessResult, string> = {
  early: 'Trước hạn',
  on_time: 'Đúng hạn',
  late: 'Quá hạn',
};

/** A5 portrait page with the national header, as forms 01–05 are printed. */
export function formPage(title: string, createdAt: Date, issuer: Issuer, header: HeaderOptions): Pdf {
  const doc = createPdf({ size: 'A5', title, createdAt });
  nationalHeader(doc, issuer, header);
  return doc;
}

/** Ends a form; a form that ran onto a second page gets page numbers so loose sheets can be put back in order. */
export function finishForm(doc: Pdf): Promise<Buffer> {
  if (doc.bufferedPageRange().count > 1) numberPages(doc);
  return pdfBuffer(doc);
}

/** The applicant's name and whichever contact details are known. */
export function applicantFields(doc: Pdf, applicant: Applicant, nameLabel = 'Ông/Bà/Tổ chức'): void {
  field(doc, nameLabel, applicant.fullName);
  if (applicant.idNumber) field(doc, 'Số định danh cá nhân', applicant.idNumber);
  if (applicant.address) field(doc, 'Địa chỉ', applicant.address);
  if (applicant.phone) field(doc, 'Số điện thoại', applicant.phone);
  if (applicant.email) field(doc, 'Email', applicant.email);
}

export function procedureField(doc: Pdf, procedure: ProcedureRef, caseName?: string | null): void {
  field(doc, 'Thủ tục hành chính', `${procedure.name} (mã ${procedure.code})`);
  if (caseName) field(doc, 'Trường hợp', caseName);
}

/** "09/01/2026\n14:05", two short lines for a narrow table cell. */
export function cellDateTime(value: Date | null | undefined): string {
  return value ? `${formatVnDate(value)}\n${formatVnTime(value)}` : '';
}
