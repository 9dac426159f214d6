// Calendar-date arithmetic on 'YYYY-MM-DD' strings (dates in Vietnam, no time of day, no time zone involved).
import { isIsoDate } from '../../../calendar/index.ts';

export { isIsoDate };

const DAY_MS = 86_400_000;

function parts(date: string): [number, number, number] {
  if (!isIsoDate(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

/** The date of a UTC calendar day; month may overflow (13 → January next year) and day 0 is the month's eve. */
export function dateOf(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

export function monthStart(date: string): string {
  const [y, m] = parts(date);
  return dateOf(y, m, 1);
}

export function monthEnd(date: string): string {
  const [y, m] = parts(date);
  return dateOf(y, m + 1, 0);
}

/** First day of the month `n` months after the month of `date`. */
export function addMonths(date: string, n: number): string {
  const [y, m] = parts(date);
  return dateOf(y, m + n, 1);
}

/** The same day `n` years later; 29 February becomes 28 February in a common year. */
export function addYears(date: string, n: number): string {
  const [y, m, d] = parts(date);
  const lastDay = Number(dateOf(y + n, m + 1, 0).slice(8, 10));
  return dateOf(y + n, m, Math.min(d, lastDay));
}

/** 'YYYY-MM-01' of every month that overlaps [from, to], in order. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = monthStart(from); m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

export function yearOf(date: string): number {
  return parts(date)[0];
}
