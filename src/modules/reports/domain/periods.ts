// Reporting periods: month, quarter, half-year, nine months, year, or any range of dates (inclusive, in Vietnam).
//
// Two conventions for where a period starts:
// - calendar: a quarter is 1 January – 31 March, and so on;
// - cutoff (Decree 09/2019/NĐ-CP art. 12, the official reporting regime): the figures of a period are closed on
//   a cut-off day D (15 by default), so a month runs from D of the month before to D−1 of the month itself, a
//   quarter from D of the month before the quarter to D−1 of its last month (Q1: 15/12 – 14/3), a half-year
//   from D of the month before it (15/12 – 14/6), and a year from D December of the year before to D−1 December.
import { addDays, addYears, dateOf, daysBetween } from './dates.ts';

export const periodKinds = ['month', 'quarter', 'half', 'nine_months', 'year'] as const;
export type PeriodKind = (typeof periodKinds)[number];

export interface PeriodRef {
  kind: PeriodKind;
  year: number;
  /** Month 1–12, quarter 1–4, half 1–2; always 1 for nine_months and year. */
  index: number;
}

export type PeriodConvention = { kind: 'calendar' } | { kind: 'cutoff'; day: number };

export const CALENDAR: PeriodConvention = { kind: 'calendar' };
export const DEFAULT_CUTOFF_DAY = 15;

export interface DateRange {
  from: string;
  to: string;
}

/** First and last month (1–12) a period covers in calendar terms. */
function monthSpan(ref: PeriodRef): [number, number] {
  switch (ref.kind) {
    case 'month':
      return [ref.index, ref.index];
    case 'quarter':
      return [3 * ref.index - 2, 3 * ref.index];
    case 'half':
      return [6 * ref.index - 5, 6 * ref.index];
    case 'nine_months':
      return [1, 9];
    case 'year':
      return [1, 12];
  }
}

export function checkConvention(c: PeriodConvention): void {
  if (c.kind === 'cutoff' && !(Number.isInteger(c.day) && c.day >= 2 && c.day <= 28)) {
    throw new RangeError(`The cut-off day must be a whole number from 2 to 28, not ${c.day}`);
  }
}

export function periodRange(ref: PeriodRef, convention: PeriodConvention = CALENDAR): DateRange {
  checkConvention(convention);
  const [first, last] = monthSpan(ref);
  if (convention.kind === 'calendar') return { from: dateOf(ref.year, first, 1), to: dateOf(ref.year, last + 1, 0) };
  return { from: dateOf(ref.year, first - 1, convention.day), to: dateOf(ref.year, last, convention.day - 1) };
}

const maxIndex: Record<PeriodKind, number> = { month: 12, quarter: 4, half: 2, nine_months: 1, year: 1 };

export function isValidRef(ref: PeriodRef): boolean {
  return Number.isInteger(ref.year) && ref.year >= 1900 && ref.year <= 2200 && Number.isInteger(ref.index)
    && ref.index >= 1 && ref.index <= maxIndex[ref.kind];
}

/** '2026', '2026-H1', '2026-9M', '2026-Q3', '2026-03'. */
export function parsePeriodCode(code: string): PeriodRef | null {
  const m = /^(\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])|H([12])|(9M)))?$/.exec(code.trim().toUpperCase());
  if (!m) return null;
  const year = Number(m[1]);
  const ref: PeriodRef = m[2] ? { kind: 'month', year, index: Number(m[2]) }
    : m[3] ? { kind: 'quarter', year, index: Number(m[3]) }
      : m[4] ? { kind: 'half', year, index: Number(m[4]) }
        : m[5] ? { kind: 'nine_months', year, index: 1 }
          : { kind: 'year', year, index: 1 };
  return isValidRef(ref) ? ref : null;
}

export function periodCode(ref: PeriodRef): string {
  switch (ref.kind) {
    case 'month':
      return `${ref.year}-${String(ref.index).padStart(2, '0')}`;
    case 'quarter':
      return `${ref.year}-Q${ref.index}`;
    case 'half':
      return `${ref.year}-H${ref.index}`;
    case 'nine_months':
      return `${ref.year}-9M`;
    case 'year':
      return `${ref.year}`;
  }
}

/** The period just before: the previous month, quarter, half-year; the year before for a year or nine months. */
export function previousRef(ref: PeriodRef): PeriodRef {
  if (ref.kind === 'year' || ref.kind === 'nine_months') return { ...ref, year: ref.year - 1 };
  if (ref.index > 1) return { ...ref, index: ref.index - 1 };
  return { ...ref, year: ref.year - 1, index: maxIndex[ref.kind] };
}

/** The period a range is exactly, under the convention, if any (so "Quý I năm 2026" can be written). */
export function recognisePeriod(range: DateRange, convention: PeriodConvention = CALENDAR): PeriodRef | null {
  const year = Number((convention.kind === 'cutoff' ? range.to : range.from).slice(0, 4));
  const candidates: PeriodRef[] = [{ kind: 'year', year, index: 1 }, { kind: 'nine_months', year, index: 1 }];
  for (let i = 1; i <= 2; i++) candidates.push({ kind: 'half', year, index: i });
  for (let i = 1; i <= 4; i++) candidates.push({ kind: 'quarter', year, index: i });
  for (let i = 1; i <= 12; i++) candidates.push({ kind: 'month', year, index: i });
  return candidates.find((ref) => {
    const r = periodRange(ref, convention);
    return r.from === range.from && r.to === range.to;
  }) ?? null;
}

/** The previous period of the same kind, or, for any other range, the same number of days just before it. */
export function previousRange(range: DateRange, convention: PeriodConvention = CALENDAR): DateRange {
  const ref = recognisePeriod(range, convention);
  if (ref) return periodRange(previousRef(ref), convention);
  const length = daysBetween(range.from, range.to) + 1;
  return { from: addDays(range.from, -length), to: addDays(range.from, -1) };
}

/** The same period one year earlier ("cùng kỳ năm trước"). */
export function sameRangeLastYear(range: DateRange, convention: PeriodConvention = CALENDAR): DateRange {
  const ref = recognisePeriod(range, convention);
  if (ref) return periodRange({ ...ref, year: ref.year - 1 }, convention);
  return { from: addYears(range.from, -1), to: addYears(range.to, -1) };
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** "Tháng 3 năm 2026", "Quý I năm 2026", "6 tháng đầu năm 2026", "9 tháng đầu năm 2026", "Năm 2026". */
export function periodLabelVi(ref: PeriodRef): string {
  switch (ref.kind) {
    case 'month':
      return `Tháng ${ref.index} năm ${ref.year}`;
    case 'quarter':
      return `Quý ${ROMAN[ref.index - 1]} năm ${ref.year}`;
    case 'half':
      return `6 tháng ${ref.index === 1 ? 'đầu' : 'cuối'} năm ${ref.year}`;
    case 'nine_months':
      return `9 tháng đầu năm ${ref.year}`;
    case 'year':
      return `Năm ${ref.year}`;
  }
}

export function periodLabelEn(ref: PeriodRef): string {
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  switch (ref.kind) {
    case 'month':
      return `${months[ref.index - 1]} ${ref.year}`;
    case 'quarter':
      return `Q${ref.index} ${ref.year}`;
    case 'half':
      return `${ref.index === 1 ? 'First' : 'Second'} half of ${ref.year}`;
    case 'nine_months':
      return `First nine months of ${ref.year}`;
    case 'year':
      return `Year ${ref.year}`;
  }
}

function dmy(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/** "từ ngày 01/03/2026 đến ngày 15/03/2026". */
export function rangePhraseVi(range: DateRange): string {
  return range.from === range.to ? `ngày ${dmy(range.from)}` : `từ ngày ${dmy(range.from)} đến ngày ${dmy(range.to)}`;
}

export interface PeriodDescription {
  /** The period's name when the range is one ("Quý I năm 2026"), else "Từ ngày … đến ngày …". */
  vi: string;
  en: string;
  ref: PeriodRef | null;
  /** What to call the same period a year earlier: "cùng kỳ năm 2025". */
  sameLastYearVi: string;
}

export function describeRange(range: DateRange, convention: PeriodConvention = CALENDAR): PeriodDescription {
  const ref = recognisePeriod(range, convention);
  const lastYear = sameRangeLastYear(range, convention);
  const sameLastYearVi = `cùng kỳ năm ${ref ? ref.year - 1 : lastYear.to.slice(0, 4)}`;
  if (ref) return { vi: periodLabelVi(ref), en: periodLabelEn(ref), ref, sameLastYearVi };
  const phrase = rangePhraseVi(range);
  return {
    vi: phrase.charAt(0).toLocaleUpperCase('vi') + phrase.slice(1),
    en: range.from === range.to ? dmy(range.from) : `${dmy(range.from)} – ${dmy(range.to)}`,
    ref: null,
    sameLastYearVi,
  };
}
