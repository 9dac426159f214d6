import type { FieldError } from '../../../platform/errors.ts';
import { checkCitizenId, normalisePhone } from '../../dossiers/domain/applicant.ts';

// The answers of an online submission (a draft) and what makes them ready to submit. Pure: the catalogue's
// facts come in as arguments. Field names are the journey's: the web pages map them back to their questions.

export interface DraftApplicant {
  kind?: 'person' | 'organisation';
  fullName?: string;
  idNumber?: string;
  birthYear?: number | null;
  address?: string;
}

export interface DraftData {
  unitId?: string | null;
  /** The case's key (stable across catalogue versions). */
  caseKey?: string | null;
  applicant?: DraftApplicant;
  contact?: { phone?: string; email?: string };
  /** One uploaded file (or a previous result) per document of the case, by the document's name. */
  documents?: { name: string; fileId: string | null }[];
  /** The last page the citizen saw, to resume there. */
  step?: string;
}

export interface CaseDocument {
  name: string;
  required: boolean;
  presentOnly: boolean;
  copyType: 'original' | 'copy' | 'either' | null;
  count: number | null;
}

/** Papers handed in, as opposed to shown at the desk: these are the ones uploaded online. */
export function uploadableDocuments(documents: readonly CaseDocument[]): CaseDocument[] {
  return documents.filter((d) => !d.presentOnly);
}

export function fileFor(data: DraftData, documentName: string): string | null {
  return data.documents?.find((d) => d.name === documentName)?.fileId ?? null;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function problem(field: string, message: string, messageVi: string): FieldError {
  return { field, message, messageVi };
}

export interface SubmitContext {
  documents: readonly CaseDocument[];
  /** The procedure has several cases and none is chosen. */
  caseMissing: boolean;
  /** Files the draft holds (uploaded into it or attached from a previous result). */
  draftFiles: ReadonlySet<string>;
}

/** Everything still wrong with the answers, all at once, in the order of the journey's pages. */
export function submitProblems(data: DraftData, ctx: SubmitContext): FieldError[] {
  const out: FieldError[] = [];
  if (!data.unitId) out.push(problem('unitId', 'Choose where to submit the dossier.', 'Chọn nơi nộp hồ sơ.'));
  if (ctx.caseMissing) out.push(problem('caseKey', 'Choose the case that applies to you.', 'Chọn trường hợp của bạn.'));
  const a = data.applicant ?? {};
  const kind = a.kind ?? 'person';
  if (!a.fullName?.trim()) {
    out.push(kind === 'person'
      ? problem('applicant.fullName', 'Enter your full name.', 'Nhập họ và tên người nộp hồ sơ.')
      : problem('applicant.fullName', 'Enter the organisation’s name.', 'Nhập tên tổ chức nộp hồ sơ.'));
  }
  if (kind === 'person') {
    if (!a.idNumber?.trim()) {
      out.push(problem('applicant.idNumber', 'Enter your citizen ID number (12 digits).', 'Nhập số căn cước (12 chữ số).'));
    } else {
      const check = checkCitizenId(a.idNumber.trim(), a.birthYear ?? null);
      if (!check.ok) out.push(problem('applicant.idNumber', check.message!, check.messageVi!));
    }
  }
  const phone = data.contact?.phone?.trim();
  if (!phone) out.push(problem('contact.phone', 'Enter a phone number we can reach you on.', 'Nhập số điện thoại để liên hệ.'));
  else if (!normalisePhone(phone)) out.push(problem('contact.phone', 'Enter a Vietnamese phone number, e.g. 0912 345 678.', 'Nhập số điện thoại Việt Nam, ví dụ 0912 345 678.'));
  const email = data.contact?.email?.trim();
  if (email && !emailPattern.test(email)) out.push(problem('contact.email', 'Enter an email address like name@example.com.', 'Nhập thư điện tử đúng dạng, ví dụ ten@example.com.'));
  uploadableDocuments(ctx.documents).forEach((d, index) => {
    const fileId = fileFor(data, d.name);
    if (fileId && !ctx.draftFiles.has(fileId)) {
      out.push(problem(`documents.${index}`, `Upload “${d.name}” again.`, `Hãy tải lại “${d.name}”.`));
    } else if (!fileId && d.required) {
      out.push(problem(`documents.${index}`, `Upload “${d.name}”.`, `Tải lên “${d.name}”.`));
    }
  });
  return out;
}
