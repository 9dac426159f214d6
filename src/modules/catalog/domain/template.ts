// A province's own procedure list, filled in a downloadable template (CSV or XLSX with the same columns).
// Row 1 holds the Vietnamese headers, row 2 the English ones; one row per case, so a procedure with several
// cases (trường hợp) takes several rows with the same code. Procedure-level cells may be repeated on every row
// or left empty after the first; if repeated they must agree.

import ExcelJS from 'exceljs';
import { foldVietnamese } from '../../../platform/text.ts';
import { readCsv, writeCsv } from './csv.ts';
import { parseDocumentLine } from './documents.ts';
import { MINIMUM_PLAUSIBLE_FEE_VND, readVndAmount } from './fee.ts';
import { parseProcessingTime } from './processing-time.ts';
import type {
  Channel,
  DurationKind,
  Fee,
  OnlineLevel,
  ParsedProcedure,
  ProcedureCase,
  ProcedureLevel,
  ProcessingTime,
  RequiredDocument,
} from './types.ts';

export interface TemplateColumn {
  key: TemplateKey;
  headerVi: string;
  headerEn: string;
  /** Needed on the first row of each procedure. */
  required: boolean;
  hintVi: string;
  hintEn: string;
  /** Allowed values, offered as a drop-down in the XLSX template. */
  choices?: readonly string[];
}

export type TemplateKey =
  | 'code' | 'name' | 'field' | 'level' | 'case_name' | 'processing_amount' | 'processing_kind' | 'fee_vnd'
  | 'fee_note' | 'documents' | 'channels' | 'online_level' | 'online_partial_reason' | 'on_the_spot'
  | 'implementing_body' | 'decision_number' | 'result';

const KIND_CHOICES = ['ngày làm việc', 'giờ làm việc', 'ngày', 'trong ngày'] as const;

export const catalogueTemplateColumns: readonly TemplateColumn[] = [
  { key: 'code', headerVi: 'Mã thủ tục', headerEn: 'Procedure code', required: true,
    hintVi: 'Mã quốc gia (vd 1.001193) hoặc mã riêng của tỉnh', hintEn: 'National code (e.g. 1.001193) or the province’s own code' },
  { key: 'name', headerVi: 'Tên thủ tục', headerEn: 'Procedure name', required: true,
    hintVi: 'Tên đầy đủ của thủ tục', hintEn: 'Full name of the procedure' },
  { key: 'field', headerVi: 'Lĩnh vực', headerEn: 'Field', required: false,
    hintVi: 'Vd: Hộ tịch, Chứng thực, Đất đai', hintEn: 'E.g. Hộ tịch (civil status), Chứng thực (certification)' },
  { key: 'level', headerVi: 'Cấp thực hiện', headerEn: 'Level', required: false,
    hintVi: 'Cấp xã, Cấp tỉnh, Cấp bộ, Cơ quan khác; nhiều cấp cách nhau bằng dấu phẩy',
    hintEn: 'Commune, province, ministry or other; several separated by commas' },
  { key: 'case_name', headerVi: 'Trường hợp', headerEn: 'Case name', required: false,
    hintVi: 'Để trống nếu thủ tục chỉ có một trường hợp', hintEn: 'Leave empty when the procedure has a single case' },
  { key: 'processing_amount', headerVi: 'Thời hạn giải quyết (số)', headerEn: 'Processing time (amount)', required: false,
    hintVi: 'Số ngày hoặc số giờ, vd 20 hoặc 0,5', hintEn: 'Number of days or hours, e.g. 20 or 0.5' },
  { key: 'processing_kind', headerVi: 'Đơn vị thời hạn', headerEn: 'Processing time unit', required: false,
    hintVi: 'ngày làm việc, giờ làm việc, ngày (ngày lịch) hoặc trong ngày',
    hintEn: 'working days, working hours, calendar days or same day', choices: KIND_CHOICES },
  { key: 'fee_vnd', headerVi: 'Phí, lệ phí (đồng)', headerEn: 'Fee (VND)', required: false,
    hintVi: 'Số tiền bằng đồng, vd 70000 hoặc 70.000; 0 là miễn phí; để trống nếu chưa có thông tin',
    hintEn: 'Amount in đồng, e.g. 70000 or 70.000; 0 means free; empty means not known' },
  { key: 'fee_note', headerVi: 'Ghi chú phí', headerEn: 'Fee note', required: false,
    hintVi: 'Vd: tính theo trang, đối tượng được miễn', hintEn: 'E.g. per page, who is exempt' },
  { key: 'documents', headerVi: 'Thành phần hồ sơ (mỗi dòng một giấy tờ)', headerEn: 'Required documents (one per line)', required: false,
    hintVi: 'Mỗi giấy tờ một dòng, vd: Tờ khai (01 bản chính); Văn bản ủy quyền (nếu có)',
    hintEn: 'One document per line, e.g. "Tờ khai (01 bản chính)"; "(nếu có)" marks it optional' },
  { key: 'channels', headerVi: 'Hình thức nộp', headerEn: 'Channels', required: false,
    hintVi: 'trực tiếp; bưu chính; trực tuyến', hintEn: 'in person; post; online' },
  { key: 'online_level', headerVi: 'Mức độ dịch vụ công trực tuyến', headerEn: 'Online service level', required: false,
    hintVi: 'toàn trình, một phần, hoặc để trống nếu chưa xác định', hintEn: 'full, partial, or empty when unknown',
    choices: ['toàn trình', 'một phần'] },
  { key: 'online_partial_reason', headerVi: 'Lý do chỉ trực tuyến một phần', headerEn: 'Reason for partial online', required: false,
    hintVi: 'Bắt buộc khi mức độ là "một phần"', hintEn: 'Required when the level is partial' },
  { key: 'on_the_spot', headerVi: 'Giải quyết ngay', headerEn: 'On the spot', required: false,
    hintVi: 'có hoặc không; để trống thì theo đơn vị thời hạn ("trong ngày" là có)',
    hintEn: 'yes or no; when empty, "same day" time means yes', choices: ['có', 'không'] },
  { key: 'implementing_body', headerVi: 'Cơ quan thực hiện', headerEn: 'Implementing body', required: false,
    hintVi: 'Vd: UBND cấp xã', hintEn: 'E.g. commune people’s committee' },
  { key: 'decision_number', headerVi: 'Số quyết định công bố', headerEn: 'Deciding document number', required: false,
    hintVi: 'Vd: 163/QĐ-BTP', hintEn: 'E.g. 163/QĐ-BTP' },
  { key: 'result', headerVi: 'Kết quả giải quyết', headerEn: 'Result', required: false,
    hintVi: 'Vd: Giấy khai sinh', hintEn: 'E.g. birth certificate' },
];

export interface TemplateRowError {
  /** Spreadsheet row number (row 1 is the Vietnamese header). */
  row: number;
  field: TemplateKey | 'header';
  message: string;
  messageVi: string;
}

export interface TemplateParseResult {
  /** Procedures whose rows have no error; a procedure with any error is left out as a whole. */
  procedures: ParsedProcedure[];
  errors: TemplateRowError[];
}

// ---------------------------------------------------------------------------------------------------------------
// Building the template

export function buildCatalogueTemplateCsv(): string {
  const rows = [catalogueTemplateColumns.map((c) => c.headerVi), catalogueTemplateColumns.map((c) => c.headerEn)];
  // The byte-order mark makes Excel open the file as UTF-8 instead of mangling the diacritics.
  return '\uFEFF' + writeCsv(rows);
}

export async function buildCatalogueTemplateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Thủ tục', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = catalogueTemplateColumns.map((c) => ({ key: c.key, width: c.key === 'documents' ? 60 : 24 }));
  sheet.addRow(catalogueTemplateColumns.map((c) => c.headerVi)).font = { bold: true };
  sheet.addRow(catalogueTemplateColumns.map((c) => c.headerEn)).font = { italic: true, color: { argb: 'FF666666' } };
  catalogueTemplateColumns.forEach((column, i) => {
    sheet.getRow(1).getCell(i + 1).note = `${column.hintVi}\n— ${column.hintEn}`;
    if (!column.choices) return;
    for (let row = 3; row <= 500; row++) {
      sheet.getRow(row).getCell(i + 1).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${column.choices.join(',')}"`],
      };
    }
  });
  sheet.getColumn('documents').alignment = { wrapText: true, vertical: 'top' };
  // Text format keeps codes such as 1.001190 from being turned into the number 1.00119.
  sheet.getColumn('code').numFmt = '@';

  const guide = workbook.addWorksheet('Hướng dẫn - Guide');
  guide.columns = [{ width: 34 }, { width: 30 }, { width: 12 }, { width: 60 }, { width: 60 }];
  guide.addRow(['Cột (tiếng Việt)', 'Column (English)', 'Bắt buộc / Required', 'Hướng dẫn', 'Guidance']).font = { bold: true };
  for (const c of catalogueTemplateColumns) {
    guide.addRow([c.headerVi, c.headerEn, c.required ? 'có / yes' : '', c.hintVi, c.hintEn]);
  }
  guide.addRow([]);
  guide.addRow(['Mỗi dòng là một trường hợp; thủ tục nhiều trường hợp dùng nhiều dòng cùng mã.',
    'One row per case; a procedure with several cases uses several rows with the same code.']);
  const written = await workbook.xlsx.writeBuffer();
  return Buffer.from(written as unknown as ArrayBuffer);
}

// ---------------------------------------------------------------------------------------------------------------
// Reading a filled template

export function parseCatalogueTemplateCsv(text: string): TemplateParseResult {
  return parseCatalogueTemplateRows(readCsv(text));
}

export async function parseCatalogueTemplateXlsx(data: Buffer): Promise<TemplateParseResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return headerError('the file is not a readable XLSX workbook', 'tệp không phải bảng tính XLSX đọc được');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return headerError('the workbook has no sheet', 'bảng tính không có trang nào');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let i = 1; i <= catalogueTemplateColumns.length + 10; i++) cells.push(row.getCell(i).text ?? '');
    rows[rowNumber - 1] = cells;
  });
  return parseCatalogueTemplateRows(Array.from(rows, (r) => r ?? []));
}

/** Rows as read from either file type; row 0 is the Vietnamese header. */
export function parseCatalogueTemplateRows(rows: string[][]): TemplateParseResult {
  if (rows.length === 0) return headerError('the file is empty', 'tệp trống');
  const columnIndex = mapHeader(rows[0]);
  const missing = catalogueTemplateColumns.filter((c) => c.required && columnIndex[c.key] === undefined);
  if (missing.length > 0) {
    const names = missing.map((c) => `"${c.headerVi}"`).join(', ');
    return headerError(`required columns missing: ${names}`, `thiếu cột bắt buộc: ${names}`);
  }
  const firstData = rows.length > 1 && isEnglishHeader(rows[1]) ? 2 : 1;
  const errors: TemplateRowError[] = [];
  const byCode = new Map<string, { procedure: ParsedProcedure; firstRow: number; failed: boolean }>();
  for (let i = firstData; i < rows.length; i++) {
    const cells = readCells(rows[i], columnIndex);
    if (Object.values(cells).every((v) => v === '')) continue;
    const rowNumber = i + 1;
    const rowErrors: TemplateRowError[] = [];
    const fail = (field: TemplateKey, message: string, messageVi: string) =>
      rowErrors.push({ row: rowNumber, field, message, messageVi });
    const templateCase = readCase(cells, fail);
    if (!cells.code) fail('code', 'procedure code is required', 'cần nhập mã thủ tục');
    const existing = byCode.get(cells.code);
    if (!existing) {
      const procedure = readProcedure(cells, templateCase, fail);
      if (cells.code) byCode.set(cells.code, { procedure, firstRow: rowNumber, failed: rowErrors.length > 0 });
    } else {
      checkAgreement(cells, existing.procedure, existing.firstRow, fail);
      if (existing.procedure.cases.some((c) => c.name === templateCase.name)) {
        fail('case_name', `case "${templateCase.name ?? ''}" appears twice for ${cells.code}`,
          `trường hợp "${templateCase.name ?? ''}" của thủ tục ${cells.code} bị lặp`);
      }
      existing.procedure.cases.push(templateCase);
      if (rowErrors.length > 0) existing.failed = true;
    }
    errors.push(...rowErrors);
  }
  const procedures = [...byCode.values()].filter((p) => !p.failed).map((p) => p.procedure);
  return { procedures, errors };
}

type Cells = Record<TemplateKey, string>;
type Fail = (field: TemplateKey, message: string, messageVi: string) => void;

function headerError(message: string, messageVi: string): TemplateParseResult {
  return { procedures: [], errors: [{ row: 1, field: 'header', message, messageVi }] };
}

function mapHeader(header: string[]): Partial<Record<TemplateKey, number>> {
  const index: Partial<Record<TemplateKey, number>> = {};
  header.forEach((cell, i) => {
    const folded = foldVietnamese(cell);
    const column = catalogueTemplateColumns.find((c) =>
      [c.headerVi, c.headerEn, c.key].some((name) => foldVietnamese(name) === folded));
    if (column && index[column.key] === undefined) index[column.key] = i;
  });
  return index;
}

function isEnglishHeader(row: string[]): boolean {
  const english = new Set(catalogueTemplateColumns.flatMap((c) => [foldVietnamese(c.headerEn), c.key]));
  const filled = row.filter((cell) => cell.trim() !== '');
  return filled.length > 0 && filled.filter((cell) => english.has(foldVietnamese(cell))).length * 2 >= filled.length;
}

function readCells(row: string[], index: Partial<Record<TemplateKey, number>>): Cells {
  const cells = {} as Cells;
  for (const column of catalogueTemplateColumns) {
    const at = index[column.key];
    const value = at === undefined ? '' : (row[at] ?? '');
    cells[column.key] = column.key === 'documents' ? value.normalize('NFC').trim() : value.normalize('NFC').replace(/\s+/g, ' ').trim();
  }
  return cells;
}

function readProcedure(cells: Cells, firstCase: ProcedureCase, fail: Fail): ParsedProcedure {
  if (!cells.name) fail('name', 'procedure name is required', 'cần nhập tên thủ tục');
  const online = readOnlineLevel(cells, fail);
  const onTheSpot = readOnTheSpot(cells.on_the_spot, fail) ?? firstCase.processingTime?.kind === 'same_day';
  return {
    code: cells.code,
    name: cells.name,
    field: cells.field || null,
    levels: readLevels(cells.level, fail),
    levelText: cells.level || null,
    procedureType: null,
    implementingBody: cells.implementing_body || null,
    competentAuthority: null,
    decisionNumber: cells.decision_number || null,
    legalBasis: [],
    legalBasisText: null,
    results: cells.result ? [{ name: cells.result, code: null }] : [],
    resultText: cells.result || null,
    subjects: [],
    subjectsText: null,
    conditionsText: null,
    stepsText: null,
    receivingAddress: null,
    channels: readChannels(cells.channels, fail),
    channelOptions: [],
    onlineLevel: online.level,
    onlineLevelReason: online.reason,
    onTheSpot,
    cases: [firstCase],
    documentNotes: [],
    documentsText: null,
    sourceUrl: null,
  };
}

// Procedure-level cells repeated on a later row must say the same as on the procedure's first row.
function checkAgreement(cells: Cells, procedure: ParsedProcedure, firstRow: number, fail: Fail): void {
  const firstValues: Partial<Record<TemplateKey, string | null>> = {
    name: procedure.name, field: procedure.field, level: procedure.levelText,
    implementing_body: procedure.implementingBody, decision_number: procedure.decisionNumber, result: procedure.resultText,
  };
  for (const [key, first] of Object.entries(firstValues) as Array<[TemplateKey, string | null]>) {
    if (cells[key] && first !== null && foldVietnamese(cells[key]) !== foldVietnamese(first)) {
      fail(key, `differs from row ${firstRow} of the same procedure ("${first}")`,
        `khác với dòng ${firstRow} của cùng thủ tục ("${first}")`);
    }
  }
}

function readCase(cells: Cells, fail: Fail): ProcedureCase {
  const documents = cells.documents
    .split(/\r?\n/)
    .map((line) => parseDocumentLine(line))
    .filter((d): d is RequiredDocument => d !== null);
  const time = readTime(cells, fail);
  return {
    name: cells.case_name || null,
    processingTime: time,
    processingTimeText: [cells.processing_amount, cells.processing_kind].filter(Boolean).join(' ') || null,
    processingTimeRule: time ? 'template' : null,
    fee: readFee(cells, fail),
    documents,
  };
}

const KINDS: Record<string, DurationKind> = {
  'ngay lam viec': 'working_days', working_days: 'working_days', 'working days': 'working_days',
  'gio lam viec': 'working_hours', gio: 'working_hours', working_hours: 'working_hours', 'working hours': 'working_hours',
  ngay: 'calendar_days', 'ngay lich': 'calendar_days', calendar_days: 'calendar_days', 'calendar days': 'calendar_days',
  'trong ngay': 'same_day', 'giai quyet ngay': 'same_day', same_day: 'same_day', 'same day': 'same_day',
};

function readTime(cells: Cells, fail: Fail): ProcessingTime | null {
  const amountText = cells.processing_amount;
  const kindText = foldVietnamese(cells.processing_kind);
  if (!amountText && !kindText) return null;
  if (!kindText) {
    // "20 ngày làm việc" typed in the amount cell is fine; a bare "20" is not.
    const reading = parseProcessingTime(amountText);
    if (reading.time) return reading.time;
    fail('processing_kind', `unit missing for processing time "${amountText}"`,
      `thiếu đơn vị thời hạn cho "${amountText}" (ngày làm việc, giờ làm việc, ngày, trong ngày)`);
    return null;
  }
  const kind = KINDS[kindText];
  if (!kind) {
    fail('processing_kind', `unknown unit "${cells.processing_kind}"`,
      `đơn vị thời hạn không hợp lệ "${cells.processing_kind}" (chọn: ${KIND_CHOICES.join(', ')})`);
    return null;
  }
  if (kind === 'same_day') return { amount: 0, kind };
  const amount = /^\d+(?:[.,]\d+)?$/.test(amountText) ? Number(amountText.replace(',', '.')) : NaN;
  if (!(amount > 0)) {
    fail('processing_amount', `processing time must be a positive number, got "${amountText}"`,
      `thời hạn giải quyết phải là số dương, nhận được "${amountText}"`);
    return null;
  }
  return { amount, kind };
}

function readFee(cells: Cells, fail: Fail): Fee | null {
  const text = cells.fee_vnd;
  const note = cells.fee_note || null;
  const base = { foreignAmount: null, suggestedAmountVnd: null, per: null, note, feeText: text };
  if (!text) return note ? { ...base, status: 'not_given', amountVnd: null } : null;
  const folded = foldVietnamese(text).replace(/\s*(?:vnd|dong|d)$/, '');
  if (folded === 'mien phi' || folded === '0') return { ...base, status: 'free', amountVnd: 0 };
  const amount = readVndAmount(folded);
  if (amount === null) {
    fail('fee_vnd', `fee "${text}" is not an amount in VND`, `mức phí "${text}" không phải số tiền (đồng)`);
    return null;
  }
  if (amount < MINIMUM_PLAUSIBLE_FEE_VND) {
    fail('fee_vnd', `fee ${amount} VND is below 1,000 VND; write thousands in full (e.g. 20000 or 20.000)`,
      `mức phí ${amount} đồng nhỏ hơn 1.000 đồng; ghi đủ số, vd 20000 hoặc 20.000`);
    return null;
  }
  return { ...base, status: 'amount', amountVnd: amount };
}

const CHANNEL_NAMES: Record<string, Channel> = {
  'truc tiep': 'in_person', in_person: 'in_person', 'in person': 'in_person',
  'buu chinh': 'post', 'dich vu buu chinh': 'post', 'buu chinh cong ich': 'post', post: 'post',
  'truc tuyen': 'online', online: 'online',
};

function readChannels(text: string, fail: Fail): Channel[] {
  const channels = new Set<Channel>();
  for (const part of text.split(/[;,\n]/).map((p) => p.trim()).filter(Boolean)) {
    const channel = CHANNEL_NAMES[foldVietnamese(part)];
    if (channel) channels.add(channel);
    else fail('channels', `unknown channel "${part}"`, `hình thức nộp không hợp lệ "${part}" (trực tiếp; bưu chính; trực tuyến)`);
  }
  return (['in_person', 'post', 'online'] as const).filter((c) => channels.has(c));
}

const LEVEL_NAMES: Record<string, ProcedureLevel> = {
  'cap xa': 'commune', xa: 'commune', commune: 'commune',
  'cap tinh': 'province', tinh: 'province', province: 'province',
  'cap bo': 'ministry', bo: 'ministry', ministry: 'ministry',
  'co quan khac': 'other', other: 'other',
};

function readLevels(text: string, fail: Fail): ProcedureLevel[] {
  const levels = new Set<ProcedureLevel>();
  for (const part of text.split(/[;,]/).map((p) => p.trim()).filter(Boolean)) {
    const level = LEVEL_NAMES[foldVietnamese(part)];
    if (level) levels.add(level);
    else fail('level', `unknown level "${part}"`, `cấp thực hiện không hợp lệ "${part}" (Cấp xã, Cấp tỉnh, Cấp bộ, Cơ quan khác)`);
  }
  return [...levels];
}

function readOnlineLevel(cells: Cells, fail: Fail): { level: OnlineLevel; reason: string | null } {
  const folded = foldVietnamese(cells.online_level);
  const reason = cells.online_partial_reason || null;
  if (folded === '' || folded === 'chua xac dinh' || folded === 'unknown') return { level: 'unknown', reason: null };
  if (folded === 'toan trinh' || folded === 'full') return { level: 'full', reason: null };
  if (folded === 'mot phan' || folded === 'partial') {
    // Decree 224/2026 requires a published reason for every service that is only partly online.
    if (!reason) {
      fail('online_partial_reason', 'a reason is required when the online level is partial',
        'cần nêu lý do khi dịch vụ công trực tuyến chỉ một phần');
    }
    return { level: 'partial', reason };
  }
  fail('online_level', `unknown online level "${cells.online_level}"`,
    `mức độ dịch vụ công trực tuyến không hợp lệ "${cells.online_level}" (toàn trình, một phần)`);
  return { level: 'unknown', reason: null };
}

function readOnTheSpot(text: string, fail: Fail): boolean | null {
  const folded = foldVietnamese(text);
  if (folded === '') return null;
  if (['co', 'yes', 'true', '1', 'x'].includes(folded)) return true;
  if (['khong', 'no', 'false', '0'].includes(folded)) return false;
  fail('on_the_spot', `expected yes or no, got "${text}"`, `cần ghi "có" hoặc "không", nhận được "${text}"`);
  return null;
}
