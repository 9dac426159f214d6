// Import of the national procedure catalogue as published (field names in Vietnamese, as crawled from
// dichvucong.gov.vn). Pure: takes the parsed JSON, returns parsed procedures, the issues met on the way and a
// report. Nothing is guessed: a value that cannot be read is left empty and reported with its text.

import { foldVietnamese } from '../../../platform/text.ts';
import { parseChannelTable } from './channel-table.ts';
import { parseCatalogueDocuments } from './documents.ts';
import { issue } from './issues.ts';
import { chooseDefaultTime } from './processing-time.ts';
import type {
  Channel,
  ChannelOption,
  DefaultTimeRule,
  Fee,
  FeeStatus,
  ImportIssue,
  IssueKind,
  LegalDocumentRef,
  ParsedProcedure,
  ProcedureLevel,
  ProcedureResult,
  TimeStatus,
} from './types.ts';

/** One procedure as published in the catalogue crawl. Unknown extra fields are ignored. */
export interface CatalogueRecord {
  ma_thu_tuc?: string;
  ten_thu_tuc?: string;
  linh_vuc?: string;
  cap_thuc_hien?: string;
  loai_thu_tuc?: string;
  so_quyet_dinh?: string;
  doi_tuong_thuc_hien?: string;
  co_quan_thuc_hien?: string;
  co_quan_co_tham_quyen?: string;
  dia_chi_tiep_nhan?: string;
  trinh_tu_thuc_hien?: string;
  cach_thuc_thuc_hien?: string;
  thanh_phan_ho_so?: string;
  can_cu_phap_ly?: string;
  yeu_cau_dieu_kien?: string;
  ket_qua_xu_ly?: string;
  detail_url?: string;
  [other: string]: unknown;
}

export interface CatalogueParseResult {
  procedure: ParsedProcedure;
  issues: ImportIssue[];
}

const CHANNEL_ORDER: Channel[] = ['in_person', 'post', 'online'];
const LEVELS: Record<string, ProcedureLevel> = {
  'cap bo': 'ministry',
  'cap tinh': 'province',
  'cap xa': 'commune',
  'co quan khac': 'other',
};
const NO_INFORMATION = /^(?:không có thông tin|không quy định)\.?$/iu;

export function parseCatalogueProcedure(raw: CatalogueRecord): CatalogueParseResult {
  const read = (key: keyof CatalogueRecord & string) => readText(raw[key]);
  const issues: ImportIssue[] = [];
  for (const key of ['ma_thu_tuc', 'ten_thu_tuc'] as const) {
    if (!read(key)) {
      issues.push(issue('field_missing', 'review', key, '', `${key} is empty`, `trường ${key} bị trống`));
    }
  }

  const table = parseChannelTable(read('cach_thuc_thuc_hien'));
  issues.push(...table.issues);
  const documents = parseCatalogueDocuments(read('thanh_phan_ho_so'));
  issues.push(...documents.issues);
  const defaultTime = chooseDefaultTime(table.rows);
  issues.push(...procedureTimeIssues(table.rows, defaultTime?.rule ?? null));

  const procedure: ParsedProcedure = {
    code: read('ma_thu_tuc').trim(),
    name: oneLine(read('ten_thu_tuc')),
    field: given(read('linh_vuc')),
    levels: readLevels(read('cap_thuc_hien')),
    levelText: given(read('cap_thuc_hien')),
    procedureType: given(read('loai_thu_tuc')),
    implementingBody: given(read('co_quan_thuc_hien')),
    competentAuthority: given(read('co_quan_co_tham_quyen')),
    decisionNumber: given(read('so_quyet_dinh')),
    legalBasis: parseLegalBasis(read('can_cu_phap_ly')),
    legalBasisText: given(read('can_cu_phap_ly')),
    results: parseResults(read('ket_qua_xu_ly')),
    resultText: given(read('ket_qua_xu_ly')),
    subjects: splitOutsideParentheses(read('doi_tuong_thuc_hien')),
    subjectsText: given(read('doi_tuong_thuc_hien')),
    conditionsText: given(read('yeu_cau_dieu_kien')),
    stepsText: given(read('trinh_tu_thuc_hien')),
    receivingAddress: given(read('dia_chi_tiep_nhan')),
    channels: CHANNEL_ORDER.filter((c) => table.rows.some((row) => row.channel === c)),
    channelOptions: table.rows,
    onlineLevel: 'unknown',
    onlineLevelReason: null,
    onTheSpot: defaultTime?.time.kind === 'same_day',
    cases: [
      {
        name: null,
        processingTime: defaultTime?.time ?? null,
        processingTimeText: defaultTime?.text ?? null,
        processingTimeRule: defaultTime?.rule ?? null,
        fee: chooseDefaultFee(table.rows),
        documents: documents.documents,
      },
    ],
    documentNotes: documents.notes,
    documentsText: given(read('thanh_phan_ho_so')),
    sourceUrl: given(read('detail_url')),
  };
  return { procedure, issues };
}

function procedureTimeIssues(rows: ChannelOption[], rule: DefaultTimeRule | null): ImportIssue[] {
  const summary = rows.map((r) => `${r.channelText}: ${r.timeText || '—'}`).join('; ');
  if (rule === null) {
    return [issue('no_processing_time', 'review', 'cach_thuc_thuc_hien', summary,
      'no channel publishes a processing time with a unit; the procedure has no default duration until reviewed',
      'không hình thức nộp nào có thời hạn kèm đơn vị; thủ tục chưa có thời hạn mặc định cho đến khi rà soát')];
  }
  if (rule === 'all_channels_agree') return [];
  return [issue('times_differ_by_channel', 'info', 'cach_thuc_thuc_hien', summary,
    `channels publish different times; default chosen by rule "${rule}", each channel keeps its own`,
    `các hình thức nộp có thời hạn khác nhau; thời hạn mặc định chọn theo quy tắc "${rule}", mỗi hình thức giữ thời hạn riêng`)];
}

/** Same rule as the time: one fee if all rows agree, else the in-person fee if those agree, else none. */
function chooseDefaultFee(rows: ChannelOption[]): Fee | null {
  const same = (a: Fee, b: Fee) => a.status === b.status && a.amountVnd === b.amountVnd;
  if (rows.length === 0) return null;
  if (rows.every((r) => same(r.fee, rows[0].fee))) return rows[0].fee;
  const inPerson = rows.filter((r) => r.channel === 'in_person');
  if (inPerson.length > 0 && inPerson.every((r) => same(r.fee, inPerson[0].fee))) return inPerson[0].fee;
  return null;
}

function readLevels(text: string): ProcedureLevel[] {
  const levels = text.split(',').map((part) => LEVELS[foldVietnamese(part)]).filter((l): l is ProcedureLevel => !!l);
  return [...new Set(levels)];
}

/** "Tên văn bản pháp lýMã văn bản<title><number><title><number>…", the number glued to the next title. */
export function parseLegalBasis(text: string): LegalDocumentRef[] {
  const body = text.replace(/^Tên văn bản pháp lýMã văn bản/u, '');
  if (!given(body)) return [];
  const number = /\d+\/(?:\d{4}\/)?[\p{Lu}\d]+(?:-[\p{Lu}\d]+)*(?=\s*(?:\p{Lu}|$))/gu;
  const refs: LegalDocumentRef[] = [];
  let cursor = 0;
  for (const match of body.matchAll(number)) {
    if (/(?:số|Số)\s*$/u.test(body.slice(0, match.index))) continue;
    const title = oneLine(body.slice(cursor, match.index));
    cursor = match.index + match[0].length;
    if (title) refs.push({ title, number: match[0] });
  }
  const tail = oneLine(body.slice(cursor));
  if (tail) refs.push({ title: tail, number: null });
  return refs;
}

/** "Giấy khai sinhMã: KQ.G15.000031Từ khóa…": result names, each followed by its code, then page furniture. */
export function parseResults(text: string): ProcedureResult[] {
  const end = text.search(/Từ khóa|Chọn cơ quan thực hiện/u);
  const body = end === -1 ? text : text.slice(0, end);
  const parts = body.split(/Mã:\s*(KQ\.[A-Z]\d*\.\d+)/u);
  const results: ProcedureResult[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const name = oneLine(parts[i]).replace(/^[-+*•]\s*/u, '');
    if (name) results.push({ name, code: parts[i + 1] ?? null });
  }
  return results;
}

/** "Công dân Việt Nam, Tổ chức (không bao gồm doanh nghiệp, HTX)" → two subjects. */
export function splitOutsideParentheses(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth++;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map(oneLine).filter((p) => p !== '' && !NO_INFORMATION.test(p));
}

function readText(value: unknown): string {
  return typeof value === 'string' ? value.normalize('NFC') : '';
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function given(text: string): string | null {
  const trimmed = text.replace(/\u00a0/g, ' ').trim();
  return trimmed === '' || NO_INFORMATION.test(trimmed) ? null : trimmed;
}

// ---------------------------------------------------------------------------------------------------------------
// Whole file

export interface CatalogueFile {
  meta?: { count?: number; [key: string]: unknown };
  procedures: CatalogueRecord[];
}

export interface ReviewItem {
  code: string;
  name: string;
  kind: IssueKind;
  field: string;
  message: string;
  messageVi: string;
  text: string;
}

export interface CatalogueImportReport {
  total: number;
  declaredCount: number | null;
  procedures: {
    /** At least one channel publishes a time with a unit. */
    withParsedTime: number;
    withDefaultTime: number;
    /** At least one channel publishes a bare number. */
    withUnitMissingTime: number;
    /** Only bare numbers: nothing usable until reviewed. */
    onlyUnitMissingTime: number;
    /** Neither a parsed time nor a bare number (no information, not applicable, unreadable). */
    withoutTime: number;
    onTheSpot: number;
    withDocuments: number;
    needingReview: number;
  };
  defaultTimeRules: Record<DefaultTimeRule, number>;
  channelRows: { total: number; byTimeStatus: Record<TimeStatus, number>; byFeeStatus: Record<FeeStatus, number> };
  documents: { total: number };
  /** Per issue kind: how many times it occurred and in how many procedures. */
  issueCounts: Partial<Record<IssueKind, { occurrences: number; procedures: number }>>;
  /** Everything a person must look at, procedure by procedure. */
  review: ReviewItem[];
}

export interface CatalogueImport {
  entries: CatalogueParseResult[];
  report: CatalogueImportReport;
}

export function parseCatalogue(file: unknown): CatalogueImport {
  const records = readRecords(file);
  const seen = new Set<string>();
  const entries = records.map((record) => {
    const entry = parseCatalogueProcedure(record);
    const code = entry.procedure.code;
    if (code && seen.has(code)) {
      entry.issues.push(issue('duplicate_code', 'review', 'ma_thu_tuc', code,
        `code ${code} appears more than once in the file`, `mã ${code} xuất hiện nhiều lần trong tệp`));
    }
    seen.add(code);
    return entry;
  });
  const meta = (file as CatalogueFile).meta;
  return { entries, report: buildReport(entries, typeof meta?.count === 'number' ? meta.count : null) };
}

function readRecords(file: unknown): CatalogueRecord[] {
  const procedures = Array.isArray(file) ? file : (file as Partial<CatalogueFile> | null)?.procedures;
  if (!Array.isArray(procedures)) {
    throw new TypeError('Catalogue file must be an array of procedures or an object with a "procedures" array');
  }
  return procedures.filter((p): p is CatalogueRecord => typeof p === 'object' && p !== null);
}

function buildReport(entries: CatalogueParseResult[], declaredCount: number | null): CatalogueImportReport {
  const byTimeStatus = zeroes<TimeStatus>(['parsed', 'unit_missing', 'not_given', 'not_applicable', 'unrecognised']);
  const byFeeStatus = zeroes<FeeStatus>(['amount', 'free', 'not_given', 'foreign_currency', 'suspect', 'unrecognised']);
  const rules = zeroes<DefaultTimeRule>(['all_channels_agree', 'in_person', 'longest', 'template']);
  const issueCounts: CatalogueImportReport['issueCounts'] = {};
  const counts = { withParsedTime: 0, withDefaultTime: 0, withUnitMissingTime: 0, onlyUnitMissingTime: 0,
    withoutTime: 0, onTheSpot: 0, withDocuments: 0, needingReview: 0 };
  const review: ReviewItem[] = [];
  let rowCount = 0;
  let documentCount = 0;

  for (const { procedure, issues } of entries) {
    const rows = procedure.channelOptions;
    rowCount += rows.length;
    rows.forEach((r) => { byTimeStatus[r.timeStatus]++; byFeeStatus[r.fee.status]++; });
    const parsed = rows.some((r) => r.timeStatus === 'parsed');
    const bare = rows.some((r) => r.timeStatus === 'unit_missing');
    if (parsed) counts.withParsedTime++;
    if (bare) counts.withUnitMissingTime++;
    if (bare && !parsed) counts.onlyUnitMissingTime++;
    if (!bare && !parsed) counts.withoutTime++;
    const defaultCase = procedure.cases[0];
    if (defaultCase?.processingTimeRule) {
      counts.withDefaultTime++;
      rules[defaultCase.processingTimeRule]++;
    }
    if (procedure.onTheSpot) counts.onTheSpot++;
    const documents = procedure.cases.reduce((n, c) => n + c.documents.length, 0);
    documentCount += documents;
    if (documents > 0) counts.withDocuments++;

    const kinds = new Set<IssueKind>();
    for (const found of issues) {
      const count = (issueCounts[found.kind] ??= { occurrences: 0, procedures: 0 });
      count.occurrences++;
      if (!kinds.has(found.kind)) count.procedures++;
      kinds.add(found.kind);
      if (found.severity === 'review') review.push({ code: procedure.code, name: procedure.name, ...found });
    }
    if (issues.some((i) => i.severity === 'review')) counts.needingReview++;
  }
  return {
    total: entries.length,
    declaredCount,
    procedures: counts,
    defaultTimeRules: rules,
    channelRows: { total: rowCount, byTimeStatus, byFeeStatus },
    documents: { total: documentCount },
    issueCounts,
    review,
  };
}

function zeroes<K extends string>(keys: K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** A plain-text summary for the CLI and logs (the review list itself is in report.review). */
export function formatCatalogueReport(report: CatalogueImportReport): string {
  const p = report.procedures;
  const lines = [
    `Procedures / thủ tục: ${report.total}${report.declaredCount === null ? '' : ` (file says ${report.declaredCount})`}`,
    `  with a parsed processing time / có thời hạn đọc được: ${p.withParsedTime}`,
    `  with a default duration / có thời hạn mặc định: ${p.withDefaultTime}`,
    `  with a bare number (unit missing — review) / thiếu đơn vị: ${p.withUnitMissingTime} (only bare: ${p.onlyUnitMissingTime})`,
    `  without any time / không có thời hạn: ${p.withoutTime}`,
    `  on the spot / giải quyết trong ngày: ${p.onTheSpot}`,
    `  with documents / có thành phần hồ sơ: ${p.withDocuments} (${report.documents.total} documents)`,
    `  needing review / cần rà soát: ${p.needingReview}`,
    `Channel rows / dòng hình thức nộp: ${report.channelRows.total}`,
    `  time: ${Object.entries(report.channelRows.byTimeStatus).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `  fee: ${Object.entries(report.channelRows.byFeeStatus).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `Default duration rule: ${Object.entries(report.defaultTimeRules).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    'Issues (occurrences / procedures):',
    ...Object.entries(report.issueCounts).map(([k, v]) => `  ${k}: ${v!.occurrences} / ${v!.procedures}`),
  ];
  return lines.join('\n');
}
