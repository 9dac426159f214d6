// The catalogue's stored shapes, what imports turn into, and the checks a version must pass to be published.
// Pure: no database, no clock.

import { approximateWorkingHours, fingerprintProcedure } from './domain/index.ts';
import type {
  Channel,
  ChannelOption,
  CopyType,
  FeeStatus,
  LegalDocumentRef,
  OnlineLevel,
  ParsedProcedure,
  ProcedureLevel,
  ProcedureResult,
  ProcessingTime,
  RequiredDocument,
} from './domain/index.ts';

export type ProcedureStatus = 'draft' | 'published' | 'abolished';
export type VersionStatus = 'draft' | 'published';

/** Everything of a procedure that is versioned, except its cases. */
export interface ProcedureContent {
  name: string;
  field: string | null;
  levels: ProcedureLevel[];
  levelText: string | null;
  procedureType: string | null;
  implementingBody: string | null;
  competentAuthority: string | null;
  legalBasis: LegalDocumentRef[];
  results: ProcedureResult[];
  subjects: string[];
  conditions: string | null;
  steps: string | null;
  receivingAddress: string | null;
  channels: Channel[];
  channelOptions: ChannelOption[];
  onlineLevel: OnlineLevel;
  onlineLevelReason: string | null;
  onTheSpot: boolean;
  decisionNumber: string | null;
  sourceUrl: string | null;
}

export interface DocumentInput {
  name: string;
  copyType: CopyType | null;
  count: number | null;
  originalCount: number | null;
  copyCount: number | null;
  certifiedCopy: boolean;
  required: boolean;
  conditional: boolean;
  presentOnly: boolean;
  group: string | null;
  /** Blank form to download: a file name or URL. */
  formFile: string | null;
  quantityText: string | null;
  sourceText: string | null;
}

export interface FeeInput {
  name: string | null;
  status: FeeStatus;
  amountVnd: number | null;
  per: string | null;
  /** Reduction for online submission, in percent of the amount. */
  onlineDiscountPercent: number | null;
  foreignAmount: { amount: number; currency: string } | null;
  suggestedAmountVnd: number | null;
  note: string | null;
  feeText: string | null;
}

export interface CaseInput {
  /** Stays the same across versions; generated for a new case. */
  key: string;
  name: string | null;
  processingTime: ProcessingTime | null;
  processingText: string | null;
  processingRule: string | null;
  /** No usable time yet: a person must decide it before the procedure can be published. */
  needsReview: boolean;
  /** null: the default workflow (on-the-spot or standard). */
  workflowId: string | null;
  documents: DocumentInput[];
  fees: FeeInput[];
}

/**
 * The imported texts that have no column of their own, kept for the reviewer (each channel row, document,
 * the steps and the conditions keep theirs beside their parsed values).
 */
export interface SourceTexts {
  levelText: string | null;
  legalBasisText: string | null;
  resultText: string | null;
  subjectsText: string | null;
  documentsText: string | null;
  documentNotes: string[];
}

export interface ProcedureDraft {
  content: ProcedureContent;
  cases: CaseInput[];
  /** Fingerprint of the whole parsed import: a re-import with the same fingerprint changes nothing. */
  sourceFingerprint: string | null;
  source: SourceTexts | null;
}

export const emptyContent = (name: string): ProcedureContent => ({
  name, field: null, levels: [], levelText: null, procedureType: null, implementingBody: null, competentAuthority: null,
  legalBasis: [], results: [], subjects: [], conditions: null, steps: null, receivingAddress: null, channels: [],
  channelOptions: [], onlineLevel: 'unknown', onlineLevelReason: null, onTheSpot: false, decisionNumber: null,
  sourceUrl: null,
});

// ---------------------------------------------------------------------------------------------------------------
// From an import (national catalogue or a province's template)

/** Turns a parsed procedure into what is stored; `newKey` makes case keys (random in production). */
export function draftFromParsed(parsed: ParsedProcedure, newKey: () => string): ProcedureDraft {
  const content: ProcedureContent = {
    name: parsed.name,
    field: parsed.field,
    levels: parsed.levels,
    levelText: parsed.levelText,
    procedureType: parsed.procedureType,
    implementingBody: parsed.implementingBody,
    competentAuthority: parsed.competentAuthority,
    legalBasis: parsed.legalBasis,
    results: parsed.results,
    subjects: parsed.subjects,
    conditions: parsed.conditionsText,
    steps: parsed.stepsText,
    receivingAddress: parsed.receivingAddress,
    channels: parsed.channels,
    channelOptions: parsed.channelOptions,
    onlineLevel: parsed.onlineLevel,
    onlineLevelReason: parsed.onlineLevelReason,
    onTheSpot: parsed.onTheSpot,
    decisionNumber: parsed.decisionNumber,
    sourceUrl: parsed.sourceUrl,
  };
  const cases = parsed.cases.map((c): CaseInput => ({
    key: newKey(),
    name: c.name,
    processingTime: c.processingTime,
    processingText: c.processingTimeText ?? timesAsPublished(parsed.channelOptions),
    processingRule: c.processingTimeRule,
    needsReview: c.processingTime === null,
    workflowId: null,
    documents: c.documents.map(documentFromParsed),
    fees: c.fee ? [{
      name: null,
      status: c.fee.status,
      amountVnd: c.fee.amountVnd,
      per: c.fee.per,
      onlineDiscountPercent: onlineDiscount(c.fee.amountVnd, parsed.channelOptions),
      foreignAmount: c.fee.foreignAmount,
      suggestedAmountVnd: c.fee.suggestedAmountVnd,
      note: c.fee.note,
      feeText: c.fee.feeText,
    }] : [],
  }));
  const source: SourceTexts = {
    levelText: parsed.levelText, legalBasisText: parsed.legalBasisText, resultText: parsed.resultText,
    subjectsText: parsed.subjectsText, documentsText: parsed.documentsText, documentNotes: parsed.documentNotes,
  };
  return { content, cases, sourceFingerprint: fingerprintProcedure(parsed), source };
}

/** The channels' time cells as published, kept beside a case that has no parsed time ("Trực tiếp: 1; …"). */
function timesAsPublished(options: ChannelOption[]): string | null {
  const cells = options.filter((o) => o.timeText).map((o) => `${o.channelText}: ${o.timeText}`);
  return cells.length > 0 ? cells.join('; ') : null;
}

function documentFromParsed(d: RequiredDocument): DocumentInput {
  return {
    name: d.name, copyType: d.copyType, count: d.count, originalCount: d.originalCount, copyCount: d.copyCount,
    certifiedCopy: d.certifiedCopy, required: d.required, conditional: d.conditional, presentOnly: d.presentOnly,
    group: d.group, formFile: d.formFile, quantityText: d.quantityText, sourceText: d.sourceText,
  };
}

/** When online rows publish a lower VND amount than the default fee, the difference as a percentage. */
export function onlineDiscount(amount: number | null, options: ChannelOption[]): number | null {
  if (!amount) return null;
  const online = options.filter((o) => o.channel === 'online' && o.fee.amountVnd !== null);
  if (online.length === 0 || !online.every((o) => o.fee.amountVnd === online[0].fee.amountVnd)) return null;
  const onlineAmount = online[0].fee.amountVnd!;
  if (onlineAmount >= amount) return null;
  return Math.round((1 - onlineAmount / amount) * 10000) / 100;
}

// ---------------------------------------------------------------------------------------------------------------
// Text folded for search: the name is searched first, then this body.

const BODY_DOCUMENT_CHARS = 120;

export function searchBody(content: ProcedureContent, cases: CaseInput[]): string {
  return [
    content.field, content.implementingBody, content.competentAuthority, content.levelText,
    ...content.results.map((r) => r.name), ...content.subjects,
    // The start of a document's name says what it is; the rest is conditions, and would only bloat the index.
    ...cases.flatMap((c) => [c.name, ...c.documents.map((d) => d.name.slice(0, BODY_DOCUMENT_CHARS))]),
  ].filter((t): t is string => !!t).join(' \u00b7 ');
}

// ---------------------------------------------------------------------------------------------------------------
// Publishing

export interface PublishProblem {
  field: string;
  message: string;
  messageVi: string;
}

/**
 * What stops a version from being published. `publishedWorkflows` holds the ids of workflows that have a
 * published version; a case without a workflow uses a default one, which always has.
 */
export function publishProblems(draft: { content: ProcedureContent; cases: CaseInput[] }, publishedWorkflows: ReadonlySet<string>): PublishProblem[] {
  const { content, cases } = draft;
  const problems: PublishProblem[] = [];
  const add = (field: string, message: string, messageVi: string) => problems.push({ field, message, messageVi });
  if (!content.name.trim()) add('name', 'the procedure needs a name', 'thủ tục cần có tên');
  if (!content.field?.trim()) add('field', 'the procedure needs a field (lĩnh vực)', 'thủ tục cần có lĩnh vực');
  if (content.onlineLevel === 'partial' && !content.onlineLevelReason?.trim()) {
    add('onlineLevelReason', 'a partly-online service must publish the reason why it is not fully online',
      'dịch vụ công trực tuyến một phần phải công bố lý do chưa thực hiện toàn trình');
  }
  if (cases.length === 0) add('cases', 'the procedure needs at least one case', 'thủ tục cần có ít nhất một trường hợp');
  cases.forEach((c, i) => {
    const at = `cases[${i}]`;
    const label = c.name ? `"${c.name}"` : `#${i + 1}`;
    if (c.needsReview || c.processingTime === null) {
      const text = c.processingText ? ` (published text: "${c.processingText}")` : '';
      const textVi = c.processingText ? ` (văn bản công bố: "${c.processingText}")` : '';
      add(`${at}.processingTime`, `case ${label} has no processing time with a unit${text}; set it after review`,
        `trường hợp ${label} chưa có thời hạn giải quyết kèm đơn vị${textVi}; cần rà soát và nhập thời hạn`);
    } else if (processingTimeProblem(c.processingTime)) {
      const p = processingTimeProblem(c.processingTime)!;
      add(`${at}.processingTime`, `case ${label}: ${p.message}`, `trường hợp ${label}: ${p.messageVi}`);
    } else if (content.onTheSpot && approximateWorkingHours(c.processingTime) > 8) {
      add(`${at}.processingTime`, `case ${label} takes longer than a working day, so the procedure cannot be on the spot`,
        `trường hợp ${label} dài hơn một ngày làm việc nên thủ tục không thể là giải quyết ngay`);
    }
    if (c.workflowId && !publishedWorkflows.has(c.workflowId)) {
      add(`${at}.workflowId`, `case ${label} uses a workflow that has no published version`,
        `trường hợp ${label} dùng quy trình chưa được ban hành`);
    }
    c.fees.forEach((f, j) => {
      if (f.status === 'suspect' || f.status === 'unrecognised') {
        add(`${at}.fees[${j}]`, `case ${label}: fee "${f.feeText ?? ''}" could not be read; correct it`,
          `trường hợp ${label}: không đọc được mức phí "${f.feeText ?? ''}"; cần sửa lại`);
      }
    });
  });
  return problems;
}

/** Same limits as the calendar module's durations: half working days, whole calendar days, whole minutes. */
export function processingTimeProblem(time: ProcessingTime): { message: string; messageVi: string } | null {
  const { amount, kind } = time;
  if (kind === 'same_day') {
    return amount === 0 ? null : { message: 'a same-day time has no amount (use 0)', messageVi: 'thời hạn "trong ngày" không có số lượng (ghi 0)' };
  }
  if (!(Number.isFinite(amount) && amount > 0 && amount <= 3650)) {
    return { message: 'the processing time must be a number above 0 and at most 3650', messageVi: 'thời hạn giải quyết phải lớn hơn 0 và không quá 3650' };
  }
  if (kind === 'working_days' && !Number.isInteger(amount * 2)) {
    return { message: 'working days must be whole or half days', messageVi: 'số ngày làm việc phải là số nguyên hoặc nửa ngày' };
  }
  if (kind === 'calendar_days' && !Number.isInteger(amount)) {
    return { message: 'calendar days must be whole days', messageVi: 'số ngày (theo lịch) phải là số nguyên' };
  }
  if (kind === 'working_hours' && !Number.isInteger(amount * 60)) {
    return { message: 'working hours must be whole minutes', messageVi: 'số giờ làm việc phải tròn phút' };
  }
  return null;
}

const LEVEL_LABELS: Record<ProcedureLevel, string> = {
  ministry: 'Cấp bộ', province: 'Cấp tỉnh', commune: 'Cấp xã', other: 'Cơ quan khác',
};

/** "Cấp xã, Cấp tỉnh" for levels entered by hand. */
export function levelText(levels: ProcedureLevel[]): string | null {
  return levels.length > 0 ? levels.map((l) => LEVEL_LABELS[l]).join(', ') : null;
}
