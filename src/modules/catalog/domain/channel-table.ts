// Splitting the catalogue's flattened channel table (cách thức thực hiện). The crawl joined the table's cells
// without separators: "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp20 Ngày làm việcKhông có thông tin…".
// Each row is: channel name, time, fee, optional fee note in parentheses, then the free-text description.
// A row starts where a channel name is immediately followed by its time cell (a digit or a capital, as in
// "Trực tiếp20…", "Trực tiếpKhông có thông tin…"); the same names inside descriptions ("- Trực tiếp: nộp hồ sơ…",
// "Trực tuyến qua Cổng…") are followed by a space or punctuation and stay in the description.

import { foldVietnamese } from '../../../platform/text.ts';
import { amountsInNote, parseFee } from './fee.ts';
import { parseProcessingTime } from './processing-time.ts';
import type { Channel, ChannelOption, Fee, ImportIssue, TimeReading } from './types.ts';
import { issue } from './issues.ts';

const HEADER = 'Hình thức nộpThời gianPhí, lệ phíMô tả';
const CHANNELS: Record<string, Channel> = {
  'Trực tiếp': 'in_person',
  'Trực tuyến': 'online',
  'Dịch vụ bưu chính': 'post',
};
const ROW_START = /(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)(?=\d|\p{Lu})/gu;

const TIME_WITH_UNIT = /^\d+(?:[.,]\d+)?\s*(?:ngày làm việc|ngày|giờ làm việc|giờ)/iu;
const TIME_SAME_DAY = /^(?:Trong ngày(?: làm việc)?|Ngay trong ngày|Giải quyết ngay)/iu;
const FEE_START = /Miễn phí|Không có thông tin|\d[\d.,]*\s*(?:VNĐ|Việt Nam Đồng|VND|USD)/u;
const TIME_NOT_APPLICABLE = new RegExp(`^Không phải trả kết quả.*?(?=${FEE_START.source}|$)`, 'su');
const TIME_NOT_GIVEN = /^(?:Không có thông tin|Không quy định|Không)/u;
const FEE_TOKEN = /^\s*(?:Miễn phí|Không có thông tin|\d[\d.,]*\s*(?:VNĐ|Việt Nam Đồng|VND|Đồng|USD))/u;
const MERGED_RUN = /^(\d[\d.,]*)\s*(VNĐ|Việt Nam Đồng|VND|USD)/u;

export const UNUSUALLY_LONG_DAYS = 180;

export interface ChannelTable {
  rows: ChannelOption[];
  issues: ImportIssue[];
}

export function parseChannelTable(raw: string): ChannelTable {
  const text = raw.startsWith(HEADER) ? raw.slice(HEADER.length) : raw;
  const starts = [...text.matchAll(ROW_START)];
  const issues: ImportIssue[] = [];
  const leading = text.slice(0, starts[0]?.index ?? text.length).trim();
  if (leading) {
    issues.push(issue('channel_text_unassigned', 'review', 'cach_thuc_thuc_hien', leading,
      'text before the first channel row could not be assigned to a channel',
      'đoạn văn trước dòng hình thức nộp đầu tiên không gắn được với hình thức nộp nào'));
  }
  if (starts.length === 0) {
    issues.push(issue('channels_missing', 'review', 'cach_thuc_thuc_hien', raw,
      'no channel row (Trực tiếp / Trực tuyến / Dịch vụ bưu chính) found',
      'không tìm thấy hình thức nộp nào'));
  }
  const rows = starts.map((start, i) => {
    const end = starts[i + 1]?.index ?? text.length;
    const sourceText = text.slice(start.index, end);
    const row = parseRow(start[1], sourceText.slice(start[1].length), sourceText);
    issues.push(...row.issues);
    return row.option;
  });
  return { rows, issues };
}

interface TimeToken {
  token: string;
  rest: string;
}

function readTimeToken(body: string): TimeToken | null {
  for (const pattern of [TIME_WITH_UNIT, TIME_SAME_DAY, TIME_NOT_APPLICABLE, TIME_NOT_GIVEN]) {
    const match = pattern.exec(body);
    if (match) return { token: match[0], rest: body.slice(match[0].length) };
  }
  if (MERGED_RUN.test(body)) return null;
  const bare = /^\d+(?:,\d+)?/.exec(body);
  if (bare) return { token: bare[0], rest: body.slice(bare[0].length) };
  // Free text in the time cell, up to the fee: read by parseProcessingTime, usually reported as unrecognised.
  const free = new RegExp(`^(.*?)(?=${FEE_START.source})`, 'su').exec(body);
  return free ? { token: free[1], rest: body.slice(free[1].length) } : { token: '', rest: body };
}

interface ParsedRow {
  option: ChannelOption;
  issues: ImportIssue[];
}

function parseRow(channelText: string, body: string, sourceText: string): ParsedRow {
  const timeToken = readTimeToken(body);
  if (timeToken === null) return parseMergedRow(channelText, body, sourceText);
  const { fee, note } = readFeeAndNote(timeToken.rest);
  const reading: TimeReading = timeToken.token === ''
    ? { status: 'unrecognised', time: null, bareAmount: null, text: '' }
    : parseProcessingTime(timeToken.token);
  return finishRow(channelText, reading, timeToken.token.trim(), fee, note, sourceText, []);
}

function readFeeAndNote(afterTime: string): { fee: Fee; note: string | null } {
  const feeMatch = FEE_TOKEN.exec(afterTime);
  const feeText = feeMatch ? feeMatch[0].trim() : '';
  let rest = feeMatch ? afterTime.slice(feeMatch[0].length) : afterTime;
  let feeNote: string | null = null;
  if (feeMatch && rest.startsWith('(')) {
    const close = matchingParenthesis(rest);
    feeNote = clean(rest.slice(1, close === -1 ? rest.length : close));
    rest = close === -1 ? '' : rest.slice(close + 1);
  }
  const fee: Fee = feeMatch
    ? parseFee(feeText, feeNote)
    : { status: 'unrecognised', amountVnd: null, foreignAmount: null, suggestedAmountVnd: null, per: null, note: null, feeText: '' };
  return { fee, note: clean(rest) };
}

/**
 * "Trực tuyến120 VNĐ(20.000 vnđ/tờ khai)": a bare time ran into the fee. Split it only where the note confirms
 * the fee ("1" + "20" because the note says 20.000); otherwise leave both for review.
 */
function parseMergedRow(channelText: string, body: string, sourceText: string): ParsedRow {
  const run = MERGED_RUN.exec(body)!;
  const [whole, digits, currency] = run;
  const { fee: unsplitFee, note } = readFeeAndNote(body);
  const noteAmounts = amountsInNote(unsplitFee.note);
  for (let k = 1; k < digits.length; k++) {
    const timePart = digits.slice(0, k);
    const feePart = digits.slice(k);
    if (!/^\d+$/.test(timePart) || /^[0,.]/.test(feePart)) continue;
    const fee = parseFee(`${feePart} ${currency}`, unsplitFee.note);
    const exact = fee.amountVnd !== null && noteAmounts.includes(fee.amountVnd);
    const truncated = fee.status === 'suspect' && fee.suggestedAmountVnd !== null;
    if (!exact && !truncated) continue;
    const split = issue('time_fee_run_together', exact ? 'info' : 'review', 'cach_thuc_thuc_hien', whole,
      `time and fee ran together in "${whole}"; read as time "${timePart}" and fee "${feePart} ${currency}" because the note mentions that amount`,
      `thời hạn và phí bị dính liền "${whole}"; đọc là thời hạn "${timePart}" và phí "${feePart} ${currency}" theo số tiền trong ghi chú`);
    return finishRow(channelText, parseProcessingTime(timePart), timePart, fee, note, sourceText, [split]);
  }
  const unknownFee: Fee = { ...unsplitFee, status: 'unrecognised', amountVnd: null, suggestedAmountVnd: null };
  const reading: TimeReading = { status: 'unit_missing', time: null, bareAmount: null, text: digits };
  const ambiguous = issue('time_fee_run_together', 'review', 'cach_thuc_thuc_hien', whole,
    `time and fee ran together in "${whole}" and nothing says where one ends; neither is used`,
    `thời hạn và phí bị dính liền "${whole}", không xác định được ranh giới; không sử dụng cả hai`);
  return finishRow(channelText, reading, digits, unknownFee, note, sourceText, [ambiguous]);
}

function finishRow(
  channelText: string,
  reading: TimeReading,
  timeText: string,
  fee: Fee,
  note: string | null,
  sourceText: string,
  extra: ImportIssue[],
): ParsedRow {
  const option: ChannelOption = {
    channel: CHANNELS[channelText],
    channelText,
    timeStatus: reading.status,
    processingTime: reading.time,
    timeText,
    fee,
    note,
    sourceText,
  };
  return { option, issues: [...extra, ...timeIssues(option, reading), ...feeIssues(option)] };
}

function timeIssues(row: ChannelOption, reading: TimeReading): ImportIssue[] {
  const where = `${row.channelText}: "${row.timeText}"`;
  switch (reading.status) {
    case 'unit_missing':
      return [issue('time_unit_missing', 'review', 'cach_thuc_thuc_hien', row.sourceText,
        `unit missing — review (${where}); the number is not used as a duration`,
        `thiếu đơn vị thời hạn — cần rà soát (${where}); con số không được dùng làm thời hạn`)];
    case 'not_given':
      return [issue('time_not_given', 'info', 'cach_thuc_thuc_hien', row.sourceText,
        `no processing time published (${where})`, `không công bố thời hạn giải quyết (${where})`)];
    case 'not_applicable':
      return [issue('time_not_applicable', 'info', 'cach_thuc_thuc_hien', row.sourceText,
        `the catalogue says no result is returned (${where})`, `danh mục ghi không trả kết quả (${where})`)];
    case 'unrecognised':
      return [issue('time_unrecognised', 'review', 'cach_thuc_thuc_hien', row.sourceText,
        `processing time not understood (${where})`, `không đọc được thời hạn giải quyết (${where})`)];
    case 'parsed':
      return parsedTimeIssues(row);
  }
}

function parsedTimeIssues(row: ChannelOption): ImportIssue[] {
  const time = row.processingTime!;
  const found: ImportIssue[] = [];
  if ((time.kind === 'calendar_days' || time.kind === 'working_days') && time.amount > UNUSUALLY_LONG_DAYS) {
    found.push(issue('time_unusually_long', 'review', 'cach_thuc_thuc_hien', row.sourceText,
      `${row.channelText}: "${row.timeText}" is longer than ${UNUSUALLY_LONG_DAYS} days; parsed, please confirm`,
      `${row.channelText}: "${row.timeText}" dài hơn ${UNUSUALLY_LONG_DAYS} ngày; đã đọc, cần xác nhận`));
  }
  // "7 Ngày" in the time column but "07 ngày làm việc" in the description: kept as published, flagged.
  if (time.kind === 'calendar_days' && row.note) {
    const says = new RegExp(`(?:^|\\D)0*${time.amount} (?:\\(\\S+\\) )?ngay lam viec`);
    if (says.test(foldVietnamese(row.note))) {
      found.push(issue('time_kind_conflicts_with_note', 'review', 'cach_thuc_thuc_hien', row.sourceText,
        `${row.channelText}: time column says "${row.timeText}" (calendar days) but the description says working days`,
        `${row.channelText}: cột thời hạn ghi "${row.timeText}" (ngày) nhưng phần mô tả ghi ngày làm việc`));
    }
  }
  return found;
}

function feeIssues(row: ChannelOption): ImportIssue[] {
  const fee = row.fee;
  const where = `${row.channelText}: "${fee.feeText}"`;
  switch (fee.status) {
    case 'suspect': {
      const hint = fee.suggestedAmountVnd === null ? '' : `; the note suggests ${fee.suggestedAmountVnd} VNĐ`;
      const hintVi = fee.suggestedAmountVnd === null ? '' : `; ghi chú gợi ý ${fee.suggestedAmountVnd} đồng`;
      return [issue('fee_suspect_amount', 'review', 'cach_thuc_thuc_hien', row.sourceText,
        `fee below 1,000 VNĐ, probably cut at a thousands dot (${where})${hint}; not used`,
        `mức phí dưới 1.000 đồng, có thể bị mất phần sau dấu chấm (${where})${hintVi}; không sử dụng`)];
    }
    case 'unrecognised':
      return [issue('fee_unrecognised', 'review', 'cach_thuc_thuc_hien', row.sourceText,
        `fee not understood (${row.channelText})`, `không đọc được mức phí (${row.channelText})`)];
    case 'foreign_currency':
      return [issue('fee_foreign_currency', 'info', 'cach_thuc_thuc_hien', row.sourceText,
        `fee in a foreign currency (${where})`, `phí bằng ngoại tệ (${where})`)];
    case 'not_given':
      return [issue('fee_not_given', 'info', 'cach_thuc_thuc_hien', row.sourceText,
        `no fee information (${where})`, `không có thông tin phí (${where})`)];
    default:
      return [];
  }
}

/** Index of the parenthesis closing the one at position 0, or -1 when the text ends first. */
export function matchingParenthesis(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

function clean(text: string): string | null {
  const trimmed = text.replace(/[ \t\u00a0]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
  return trimmed === '' ? null : trimmed;
}
