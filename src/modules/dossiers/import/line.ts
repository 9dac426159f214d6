// One line of a historical import (JSON Lines, one dossier per line), checked and normalised. Pure: no database,
// no clock (`now` comes in). What needs the database — the unit at the receipt date, the procedure, a code that
// is already stored — is checked by the import command with the record this returns.

import { nfc } from '../../../platform/text.ts';
import { normalisePhone } from '../domain/applicant.ts';
import type { DossierState } from '../domain/states.ts';

export const importOutcomes = ['returned', 'finished', 'refused', 'withdrawn', 'stopped', 'in_progress'] as const;
export type ImportOutcome = (typeof importOutcomes)[number];

export const ratingLevels = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied'] as const;
export type RatingLevel = (typeof ratingLevels)[number];

export const importChannels = ['counter', 'online', 'post'] as const;
export type ImportChannel = (typeof importChannels)[number];

/** The local state an outcome becomes; `refused` is a refusal after appraisal, not at the counter. */
export const stateOfOutcome: Record<ImportOutcome, DossierState> = {
  returned: 'returned',
  finished: 'result_ready',
  refused: 'refused',
  withdrawn: 'withdrawn',
  stopped: 'stopped',
  in_progress: 'in_progress',
};

export interface ImportRating {
  attitude: RatingLevel;
  overall: RatingLevel | null;
}

export interface ImportRecord {
  code: string;
  procedureCode: string;
  procedureName: string | null;
  field: string | null;
  unitCode: string;
  channel: ImportChannel;
  receivedAt: Date;
  dueAt: Date;
  /** Result ready or refusal decided; for withdrawn and stopped, when the dossier was withdrawn or stopped. */
  finishedAt: Date | null;
  returnedAt: Date | null;
  outcome: ImportOutcome;
  supplementRounds: number;
  applicant: { fullName: string; phone: string; idNumber: string | null };
  rating: ImportRating | null;
}

export interface LineIssue {
  field: string;
  message: string;
  messageVi: string;
}

export type ParsedLine = { ok: true; record: ImportRecord } | { ok: false; issues: LineIssue[] };

const topFields = new Set([
  'code', 'procedureCode', 'procedureName', 'field', 'unitCode', 'channel', 'receivedAt', 'dueAt', 'finishedAt',
  'returnedAt', 'outcome', 'supplementRounds', 'applicant', 'rating',
]);
const applicantFields = new Set(['fullName', 'phone', 'idNumber']);
const ratingFields = new Set(['attitude', 'overall']);

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return leap ? 29 : monthDays[month - 1];
}

/** RFC 3339 with an offset (Z or ±hh:mm) and real calendar fields; null otherwise (JS Date would roll 30 Feb over). */
export function parseRfc3339(text: string): Date | null {
  const m = RFC3339.exec(text);
  if (!m) return null;
  const year = +m[1], month = +m[2], day = +m[3], hour = +m[4], minute = +m[5], second = +m[6];
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (m[8]) {
    const oh = +m[9], om = +m[10];
    if (oh > 23 || om > 59) return null;
    offsetMinutes = (m[8] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const ms = m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000);
}

const MAX_TEXT = 500;

/** Collects the issues of one line; each getter returns a value or undefined after recording why. */
class LineReader {
  readonly issues: LineIssue[] = [];

  constructor(private readonly now: Date) {}

  issue(field: string, message: string, messageVi: string): undefined {
    this.issues.push({ field, message, messageVi });
    return undefined;
  }

  text(obj: Record<string, unknown>, key: string, path: string, required: boolean): string | null | undefined {
    const v = obj[key];
    if (v === undefined || v === null || (typeof v === 'string' && !v.trim())) {
      return required ? this.issue(path, 'Required.', 'Bắt buộc.') : null;
    }
    if (typeof v !== 'string') return this.issue(path, 'Must be a string.', 'Phải là chuỗi ký tự.');
    if (v.length > MAX_TEXT) return this.issue(path, `At most ${MAX_TEXT} characters.`, `Tối đa ${MAX_TEXT} ký tự.`);
    return nfc(v.trim());
  }

  oneOf<T extends string>(obj: Record<string, unknown>, key: string, path: string, values: readonly T[], required: boolean): T | null | undefined {
    const v = obj[key];
    if (v === undefined || v === null) return required ? this.issue(path, 'Required.', 'Bắt buộc.') : null;
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
      return this.issue(path, `Must be one of ${values.join(', ')}.`, `Phải là một trong các giá trị ${values.join(', ')}.`);
    }
    return v as T;
  }

  instant(obj: Record<string, unknown>, key: string, required: boolean, notAfterNow: boolean): Date | null | undefined {
    const v = obj[key];
    if (v === undefined || v === null || v === '') return required ? this.issue(key, 'Required.', 'Bắt buộc.') : null;
    const d = typeof v === 'string' ? parseRfc3339(v) : null;
    if (!d) {
      return this.issue(key, 'Must be an RFC 3339 date-time with an offset, e.g. 2025-03-14T09:30:00+07:00.',
        'Phải là thời điểm theo RFC 3339 có múi giờ, ví dụ 2025-03-14T09:30:00+07:00.');
    }
    if (notAfterNow && d.getTime() > this.now.getTime()) return this.issue(key, 'Is in the future.', 'Là thời điểm trong tương lai.');
    return d;
  }

  unknownKeys(obj: Record<string, unknown>, known: Set<string>, prefix: string): void {
    for (const k of Object.keys(obj)) {
      if (!known.has(k)) this.issue(`${prefix}${k}`, 'Unknown field.', 'Trường không được hỗ trợ.');
    }
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** 12-digit citizen ID (CCCD), or the 9-digit identity card (CMND) that historical dossiers still carry. */
function checkIdNumber(r: LineReader, id: string | null | undefined): string | null | undefined {
  if (!id) return id;
  const compact = id.replace(/\s/g, '');
  if (!/^(\d{9}|\d{12})$/.test(compact)) {
    return r.issue('applicant.idNumber', 'Must be a 12-digit citizen ID or a 9-digit identity card number.', 'Phải là số CCCD 12 chữ số hoặc CMND 9 chữ số.');
  }
  return compact;
}

function readApplicant(r: LineReader, value: unknown): ImportRecord['applicant'] | undefined {
  if (!isObject(value)) {
    return r.issue('applicant', value === undefined ? 'Required.' : 'Must be an object.', value === undefined ? 'Bắt buộc.' : 'Phải là một đối tượng.');
  }
  r.unknownKeys(value, applicantFields, 'applicant.');
  const fullName = r.text(value, 'fullName', 'applicant.fullName', true);
  const phoneText = r.text(value, 'phone', 'applicant.phone', true);
  const idNumber = checkIdNumber(r, r.text(value, 'idNumber', 'applicant.idNumber', false));
  let phone: string | null | undefined = phoneText ? normalisePhone(phoneText) : undefined;
  if (phoneText && !phone) {
    phone = r.issue('applicant.phone', 'Must be a Vietnamese phone number, e.g. 0912 345 678.', 'Phải là số điện thoại Việt Nam, ví dụ 0912 345 678.');
  }
  if (!fullName || !phone || idNumber === undefined) return undefined;
  return { fullName: fullName.replace(/\s+/g, ' '), phone, idNumber };
}

function readRating(r: LineReader, value: unknown): ImportRating | null | undefined {
  if (value === undefined || value === null) return null;
  if (!isObject(value)) return r.issue('rating', 'Must be an object.', 'Phải là một đối tượng.');
  r.unknownKeys(value, ratingFields, 'rating.');
  const attitude = r.oneOf(value, 'attitude', 'rating.attitude', ratingLevels, true);
  const overall = r.oneOf(value, 'overall', 'rating.overall', ratingLevels, false);
  if (!attitude || overall === undefined) return undefined;
  return { attitude, overall };
}

function readRounds(r: LineReader, value: unknown): number | undefined {
  if (value === undefined || value === null) return r.issue('supplementRounds', 'Required (0 when none).', 'Bắt buộc (0 nếu không có).');
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 99) {
    return r.issue('supplementRounds', 'Must be a whole number from 0 to 99.', 'Phải là số nguyên từ 0 đến 99.');
  }
  return value;
}

/** The timestamps each outcome needs, and their order: receivedAt ≤ finishedAt ≤ returnedAt, receivedAt ≤ dueAt. */
function checkTimes(r: LineReader, t: Pick<ImportRecord, 'outcome' | 'receivedAt' | 'dueAt' | 'finishedAt' | 'returnedAt'>): void {
  const { outcome, receivedAt, dueAt, finishedAt, returnedAt } = t;
  if (dueAt < receivedAt) r.issue('dueAt', 'Is before receivedAt.', 'Trước thời điểm tiếp nhận (receivedAt).');
  if (outcome === 'in_progress') {
    if (finishedAt) r.issue('finishedAt', 'An in-progress dossier has no finishedAt.', 'Hồ sơ đang giải quyết không có finishedAt.');
  } else if (!finishedAt) {
    const closing = outcome === 'withdrawn' || outcome === 'stopped';
    r.issue('finishedAt', closing ? `Required for ${outcome}: when the dossier was ${outcome}.` : `Required for ${outcome}.`,
      closing ? `Bắt buộc với ${outcome}: thời điểm rút hoặc dừng xử lý hồ sơ.` : `Bắt buộc với kết quả ${outcome}.`);
  }
  if (outcome === 'returned' && !returnedAt) r.issue('returnedAt', 'Required for returned.', 'Bắt buộc với kết quả returned.');
  if (returnedAt && outcome !== 'returned' && outcome !== 'refused') {
    r.issue('returnedAt', outcome === 'finished' ? 'A returned result has outcome returned.' : `Not allowed for ${outcome}.`,
      outcome === 'finished' ? 'Đã trả kết quả thì outcome phải là returned.' : `Không dùng với kết quả ${outcome}.`);
  }
  if (finishedAt && finishedAt < receivedAt) r.issue('finishedAt', 'Is before receivedAt.', 'Trước thời điểm tiếp nhận (receivedAt).');
  if (returnedAt && finishedAt && returnedAt < finishedAt) r.issue('returnedAt', 'Is before finishedAt.', 'Trước thời điểm có kết quả (finishedAt).');
}

/** Parses and checks one line (without its trailing newline). */
export function parseImportLine(text: string, now: Date): ParsedLine {
  const r = new LineReader(now);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    r.issue('json', `Not valid JSON: ${(err as Error).message}`, `Không phải JSON hợp lệ: ${(err as Error).message}`);
    return { ok: false, issues: r.issues };
  }
  if (!isObject(value)) {
    r.issue('json', 'Each line must be one JSON object.', 'Mỗi dòng phải là một đối tượng JSON.');
    return { ok: false, issues: r.issues };
  }
  r.unknownKeys(value, topFields, '');
  const code = r.text(value, 'code', 'code', true);
  if (code && !/^[0-9A-Za-z][0-9A-Za-z._\-/]{0,99}$/.test(code)) {
    r.issue('code', 'Letters, digits and . - _ / only, at most 100 characters.', 'Chỉ gồm chữ, số và . - _ /, tối đa 100 ký tự.');
  }
  const procedureCode = r.text(value, 'procedureCode', 'procedureCode', true);
  const procedureName = r.text(value, 'procedureName', 'procedureName', false);
  const field = r.text(value, 'field', 'field', false);
  const unitCode = r.text(value, 'unitCode', 'unitCode', true);
  const channel = r.oneOf(value, 'channel', 'channel', importChannels, true);
  const outcome = r.oneOf(value, 'outcome', 'outcome', importOutcomes, true);
  const receivedAt = r.instant(value, 'receivedAt', true, true);
  const dueAt = r.instant(value, 'dueAt', true, false);
  const finishedAt = r.instant(value, 'finishedAt', false, true);
  const returnedAt = r.instant(value, 'returnedAt', false, true);
  const supplementRounds = readRounds(r, value.supplementRounds);
  const applicant = readApplicant(r, value.applicant);
  const rating = readRating(r, value.rating);
  if (outcome && receivedAt && dueAt && finishedAt !== undefined && returnedAt !== undefined) {
    checkTimes(r, { outcome, receivedAt, dueAt, finishedAt, returnedAt });
  }
  if (rating && outcome && outcome !== 'returned') {
    r.issue('rating', 'Only a dossier whose result was returned can be rated.', 'Chỉ hồ sơ đã trả kết quả mới có đánh giá.');
  }
  if (r.issues.length) return { ok: false, issues: r.issues };
  return {
    ok: true,
    record: {
      code: code!, procedureCode: procedureCode!, procedureName: procedureName ?? null, field: field ?? null, unitCode: unitCode!,
      channel: channel!, receivedAt: receivedAt!, dueAt: dueAt!, finishedAt: finishedAt ?? null, returnedAt: returnedAt ?? null,
      outcome: outcome!, supplementRounds: supplementRounds!, applicant: applicant!, rating: rating ?? null,
    },
  };
}

/** The row's time columns: finished_at only for a result or refusal; closed_at when nothing more will happen. */
export function timesOf(record: ImportRecord): { finishedAt: Date | null; closedAt: Date | null; returnedAt: Date | null } {
  switch (record.outcome) {
    case 'in_progress':
      return { finishedAt: null, closedAt: null, returnedAt: null };
    case 'withdrawn':
    case 'stopped':
      return { finishedAt: null, closedAt: record.finishedAt, returnedAt: null };
    default:
      return { finishedAt: record.finishedAt, closedAt: record.finishedAt, returnedAt: record.returnedAt };
  }
}

/** What is stored for a dossier, in the terms of a line (see repository.ts, storedByCode). */
export interface StoredDossier {
  unitId: string;
  procedureCode: string;
  procedureName: string;
  field: string | null;
  channel: string;
  state: string;
  receivedAt: Date | null;
  dueAt: Date | null;
  finishedAt: Date | null;
  closedAt: Date | null;
  returnedAt: Date | null;
  supplementRounds: number;
  applicantName: string;
  applicantPhone: string | null;
  applicantIdNumber: string | null;
  rating: ImportRating | null;
}

const sameTime = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/** The fields of a line that differ from the stored dossier (empty: identical, the line is skipped). */
export function differences(record: ImportRecord, unitId: string, stored: StoredDossier): string[] {
  const times = timesOf(record);
  const out: string[] = [];
  const check = (field: string, same: boolean) => { if (!same) out.push(field); };
  check('unitCode', stored.unitId === unitId);
  check('procedureCode', stored.procedureCode === record.procedureCode);
  if (record.procedureName !== null) check('procedureName', stored.procedureName === record.procedureName);
  if (record.field !== null) check('field', stored.field === record.field);
  check('channel', stored.channel === record.channel);
  check('outcome', stored.state === stateOfOutcome[record.outcome]);
  check('receivedAt', sameTime(stored.receivedAt, record.receivedAt));
  check('dueAt', sameTime(stored.dueAt, record.dueAt));
  check('finishedAt', sameTime(stored.finishedAt, times.finishedAt) && sameTime(stored.closedAt, times.closedAt));
  check('returnedAt', sameTime(stored.returnedAt, times.returnedAt));
  check('supplementRounds', stored.supplementRounds === record.supplementRounds);
  check('applicant.fullName', stored.applicantName === record.applicant.fullName);
  check('applicant.phone', stored.applicantPhone === record.applicant.phone);
  check('applicant.idNumber', stored.applicantIdNumber === record.applicant.idNumber);
  check('rating', (stored.rating?.attitude ?? null) === (record.rating?.attitude ?? null) && (stored.rating?.overall ?? null) === (record.rating?.overall ?? null));
  return out;
}

/**
 * A 53-bit fingerprint of everything a record says (cyrb53 over its fields): two lines with the same code are the
 * same dossier when their fingerprints agree. Cheap enough for every line; a false match needs a 2^-53 collision.
 */
export function fingerprint(r: ImportRecord): number {
  const t = (d: Date | null) => (d ? d.getTime() : '');
  const text = [
    r.code, r.procedureCode, r.procedureName ?? '', r.field ?? '', r.unitCode, r.channel, t(r.receivedAt), t(r.dueAt), t(r.finishedAt),
    t(r.returnedAt), r.outcome, r.supplementRounds, r.applicant.fullName, r.applicant.phone, r.applicant.idNumber ?? '',
    r.rating?.attitude ?? '', r.rating?.overall ?? '',
  ].join('\u0001');
  let h1 = 0xdeadbeef, h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
