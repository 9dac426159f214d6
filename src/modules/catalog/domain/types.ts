// Parsed shape of one procedure (thủ tục hành chính), whether it comes from the national catalogue's published
// text or from a province's own template. Every parsed value keeps the text it was read from, so an official can
// see why the importer decided what it did.

/** How a dossier can be submitted (hình thức nộp). */
export type Channel = 'in_person' | 'post' | 'online';

/** Online service level (Decree 42/2022 and successors). The national catalogue does not publish it. */
export type OnlineLevel = 'full' | 'partial' | 'unknown';

/** Duration kinds understood by the calendar module. */
export type DurationKind = 'working_days' | 'working_hours' | 'calendar_days' | 'same_day';

/** Level of government that carries out the procedure (cấp thực hiện). */
export type ProcedureLevel = 'ministry' | 'province' | 'commune' | 'other';

export interface ProcessingTime {
  /** 0 for same_day; may be fractional (0.5 working days). */
  amount: number;
  kind: DurationKind;
}

/**
 * What the importer made of a time text:
 * - parsed: a number with a unit, or a same-day phrase;
 * - unit_missing: a bare number such as "1" — never defaulted, needs review;
 * - not_given: "Không có thông tin", "Không quy định", empty;
 * - not_applicable: the catalogue says no result is returned (e.g. tax declarations);
 * - unrecognised: anything else, needs review.
 */
export type TimeStatus = 'parsed' | 'unit_missing' | 'not_given' | 'not_applicable' | 'unrecognised';

export interface TimeReading {
  status: TimeStatus;
  time: ProcessingTime | null;
  /** The number read when the unit is missing, for the reviewer; never used as a duration. */
  bareAmount: number | null;
  text: string;
}

/**
 * - amount: a VND amount;
 * - free: "Miễn phí" (amount 0);
 * - not_given: "Không có thông tin" or empty (amount unknown, null);
 * - foreign_currency: e.g. "10 USD" (amountVnd null, see foreignAmount);
 * - suspect: a number that cannot be the real fee (e.g. "20 VNĐ" where the note says 20.000 đ) — review;
 * - unrecognised: no fee could be read — review.
 */
export type FeeStatus = 'amount' | 'free' | 'not_given' | 'foreign_currency' | 'suspect' | 'unrecognised';

export interface Fee {
  status: FeeStatus;
  amountVnd: number | null;
  foreignAmount: { amount: number; currency: string } | null;
  /** For suspect amounts: the amount the note points to, offered to the reviewer, never applied. */
  suggestedAmountVnd: number | null;
  /** What the fee is charged per ("trang", "giao dịch"), when the note says so. */
  per: string | null;
  /** The explanation published beside the fee (the text in parentheses). */
  note: string | null;
  /** The fee cell as published, e.g. "70,000 VNĐ" or "Miễn phí". */
  feeText: string;
}

/** One row of the catalogue's channel table: a channel with its own time, fee and description. */
export interface ChannelOption {
  channel: Channel;
  channelText: string;
  timeStatus: TimeStatus;
  processingTime: ProcessingTime | null;
  timeText: string;
  fee: Fee;
  /** The "Mô tả" column. */
  note: string | null;
  sourceText: string;
}

export type CopyType = 'original' | 'copy' | 'either';

export interface RequiredDocument {
  name: string;
  /** null when neither the quantity nor the text says. */
  copyType: CopyType | null;
  /** Number of papers of the given copy type; null when not stated. */
  count: number | null;
  originalCount: number | null;
  copyCount: number | null;
  /** The text asks for a certified copy ("bản sao có chứng thực"). */
  certifiedCopy: boolean;
  /** false for "(nếu có)" items. */
  required: boolean;
  /** The item only applies in a stated situation ("Trường hợp …"). */
  conditional: boolean;
  /** Papers shown at the desk rather than handed in ("Giấy tờ phải xuất trình"). */
  presentOnly: boolean;
  group: string | null;
  /** File name of the blank form published with the item, if any. */
  formFile: string | null;
  quantityText: string | null;
  sourceText: string;
}

/** A case (trường hợp): its own time, fee and documents. The catalogue import yields one default case. */
export interface ProcedureCase {
  /** null for the default case. */
  name: string | null;
  processingTime: ProcessingTime | null;
  processingTimeText: string | null;
  /** How the time was chosen; see chooseDefaultTime. */
  processingTimeRule: DefaultTimeRule | null;
  fee: Fee | null;
  documents: RequiredDocument[];
}

export type DefaultTimeRule = 'all_channels_agree' | 'in_person' | 'longest' | 'template';

export interface LegalDocumentRef {
  title: string;
  number: string | null;
}

export interface ProcedureResult {
  name: string;
  code: string | null;
}

export interface ParsedProcedure {
  /** National code such as "1.001193", or the province's own code. */
  code: string;
  name: string;
  field: string | null;
  levels: ProcedureLevel[];
  levelText: string | null;
  procedureType: string | null;
  implementingBody: string | null;
  competentAuthority: string | null;
  /** Number of the decision that published or amended the procedure (số quyết định). */
  decisionNumber: string | null;
  legalBasis: LegalDocumentRef[];
  legalBasisText: string | null;
  results: ProcedureResult[];
  resultText: string | null;
  subjects: string[];
  subjectsText: string | null;
  conditionsText: string | null;
  stepsText: string | null;
  receivingAddress: string | null;
  channels: Channel[];
  channelOptions: ChannelOption[];
  /** Starts as 'unknown' for catalogue imports: the catalogue does not publish it. */
  onlineLevel: OnlineLevel;
  onlineLevelReason: string | null;
  onTheSpot: boolean;
  cases: ProcedureCase[];
  /** Text from the documents field that is not a document (counts of 0, trailing remarks). */
  documentNotes: string[];
  documentsText: string | null;
  sourceUrl: string | null;
}

export type IssueKind =
  | 'time_unit_missing'
  | 'time_not_given'
  | 'time_not_applicable'
  | 'time_unrecognised'
  | 'time_fee_run_together'
  | 'time_unusually_long'
  | 'time_kind_conflicts_with_note'
  | 'times_differ_by_channel'
  | 'no_processing_time'
  | 'fee_unrecognised'
  | 'fee_suspect_amount'
  | 'fee_foreign_currency'
  | 'fee_not_given'
  | 'channels_missing'
  | 'channel_text_unassigned'
  | 'documents_unstructured'
  | 'documents_trailing_text'
  | 'field_missing'
  | 'duplicate_code';

/** 'review' needs a person before the value can be used; 'info' is recorded for the report only. */
export type IssueSeverity = 'review' | 'info';

export interface ImportIssue {
  kind: IssueKind;
  severity: IssueSeverity;
  field: string;
  message: string;
  messageVi: string;
  text: string;
}
