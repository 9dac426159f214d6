// Input of the one-stop forms (Circular 01/2018/TT-VPCP, forms 01–06): plain data, already loaded and
// decided by the dossier module. Instants are Date (printed in Vietnamese time, UTC+7); calendar dates are
// 'YYYY-MM-DD' strings.
import type { Issuer } from '../../../documents/index.ts';

export type { Issuer };

export type Channel = 'counter' | 'online' | 'post';
export type CopyType = 'original' | 'copy' | 'certified_copy';
/** How a step or a dossier finished against its deadline. */
export type TimelinessResult = 'early' | 'on_time' | 'late';

export interface Applicant {
  /** A person's full name or an organisation's name. */
  fullName: string;
  idNumber?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
}

export interface ProcedureRef {
  /** National procedure code, e.g. "1.001193". */
  code: string;
  name: string;
}

export interface Official {
  fullName: string;
  /** Position, e.g. "Công chức Tư pháp - Hộ tịch" or "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH". */
  title?: string | null;
  phone?: string | null;
}

export interface ReceivedDocument {
  name: string;
  copyType: CopyType | null;
  count: number;
}

export interface Fee {
  name: string;
  amountVnd: number;
}

/** Form 01 — giấy tiếp nhận hồ sơ và hẹn trả kết quả (receipt with appointment). */
export interface ReceiptFormData {
  issuer: Issuer;
  dossierCode: string;
  /** Second factor for the public lookup, printed on the receipt only. */
  lookupSecret: string;
  /** Public lookup page; the QR code opens it with the dossier code (never the secret) as `code`. */
  lookupUrl?: string | null;
  applicant: Applicant;
  procedure: ProcedureRef;
  caseName?: string | null;
  documents: ReceivedDocument[];
  channel: Channel;
  receivedAt: Date;
  dueAt: Date;
  fees: Fee[];
  officer: Official;
  note?: string | null;
  /** A corrected receipt replaces the earlier one: "cấp lại lần N". */
  reissue?: { number: number; reason: string } | null;
}

export interface SupplementItem {
  document: string;
  reason: string;
}

/** Form 02 — phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (supplement request: everything missing at once). */
export interface SupplementRequestFormData {
  issuer: Issuer;
  number?: string | null;
  dossierCode?: string | null;
  applicant: Applicant;
  procedure: ProcedureRef;
  requestedAt: Date;
  items: SupplementItem[];
  applicantDeadline?: Date | null;
  officer: Official;
}

/** Form 03 — phiếu từ chối tiếp nhận, giải quyết hồ sơ (refusal at the counter or after appraisal). */
export interface RefusalFormData {
  issuer: Issuer;
  number?: string | null;
  dossierCode?: string | null;
  applicant: Applicant;
  procedure: ProcedureRef;
  decidedAt: Date;
  reasons: string[];
  /** true: refused at the counter (not received); false: refused after appraisal. */
  atIntake: boolean;
  officer: Official;
}

/** Form 04 — phiếu xin lỗi và hẹn lại ngày trả kết quả (apology with one new appointment). */
export interface ApologyFormData {
  issuer: Issuer;
  number?: string | null;
  dossierCode: string;
  applicant: Applicant;
  procedure: ProcedureRef;
  receivedAt: Date;
  originalDueAt: Date;
  reason: string;
  newDueAt: Date;
  /** Date of the letter (at least one working day before the original due date). */
  issuedAt: Date;
  signer: Official & { title: string };
}

export interface Handover {
  /** Step number or name, e.g. 2 or "Thẩm định". */
  step: number | string;
  fromName: string;
  fromUnit: string;
  toName: string;
  toUnit: string;
  at: Date;
  stepDeadline?: Date | null;
  result: TimelinessResult | null;
  note?: string | null;
}

/** Form 05 — phiếu kiểm soát quá trình giải quyết hồ sơ (processing control sheet). */
export interface ControlSheetFormData {
  issuer: Issuer;
  dossierCode: string;
  applicant: Applicant;
  procedure: ProcedureRef;
  receivedAt: Date;
  dueAt: Date;
  handovers: Handover[];
  /** The final result line; absent while the dossier is being processed. */
  outcome?: { result: TimelinessResult | null; finishedAt?: Date | null; returnedAt?: Date | null; note?: string | null } | null;
  /** When the sheet is printed (date line); omitted when absent. */
  printedAt?: Date | null;
}

export interface RegisterRow {
  ordinal: number;
  code: string;
  applicantName: string;
  procedureName: string;
  channel: Channel;
  receivedAt: Date;
  dueAt: Date;
  finishedAt?: Date | null;
  returnedAt?: Date | null;
  /** Status in words, e.g. "Đã trả kết quả". */
  status: string;
  /** Timeliness in words, e.g. "Trước hạn", "Đang giải quyết trong hạn". */
  classification: string;
  note?: string | null;
}

/** Form 06 — sổ theo dõi hồ sơ (dossier register of a unit for a period). */
export interface RegisterData {
  issuer: Issuer;
  unitName: string;
  /** First and last calendar day of the period, inclusive ('YYYY-MM-DD'). */
  from: string;
  to: string;
  rows: RegisterRow[];
  printedAt?: Date | null;
}
