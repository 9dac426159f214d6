// Calendar dates 'YYYY-MM-DD' without time zones: arithmetic in UTC on the date alone, so the browser's zone never
// shifts a day. Weeks start on Monday, as Vietnamese calendars do.
import type { Translate } from '../../i18n/I18nProvider.tsx';

const parts = (iso: string) => iso.split('-').map(Number) as [number, number, number];

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(iso: string): number {
  const [y, m, d] = parts(iso);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export const pad = (n: number) => String(n).padStart(2, '0');
export const isoOf = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The month's days as weeks of seven cells (Monday first); null pads the first and last week. */
export function monthWeeks(year: number, month: number): Array<Array<string | null>> {
  const first = (weekdayOf(isoOf(year, month, 1)) + 6) % 7; // Monday = 0
  const cells: Array<string | null> = Array.from({ length: first }, () => null);
  for (let day = 1; day <= daysInMonth(year, month); day++) cells.push(isoOf(year, month, day));
  while (cells.length % 7) cells.push(null);
  const weeks: Array<Array<string | null>> = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** '2026-09-02' → '2/9/2026', as dates are written in Vietnamese prose. */
export function shortDate(iso: string): string {
  const [y, m, d] = parts(iso);
  return `${d}/${m}/${y}`;
}

export const weekdayKey = (weekday: number) => `calendar.weekday.${weekday}` as `calendar.weekday.${0 | 1 | 2 | 3 | 4 | 5 | 6}`;
export const weekdayShortKey = (weekday: number) => `calendar.weekdayShort.${weekday}` as `calendar.weekdayShort.${0 | 1 | 2 | 3 | 4 | 5 | 6}`;

/** "Thứ Hai 2/9/2026". */
export function dayName(iso: string, t: Translate): string {
  return `${t(weekdayKey(weekdayOf(iso)))} ${shortDate(iso)}`;
}

/** The year and today's date in Vietnam. */
export function todayInVietnam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export const isIsoDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));
