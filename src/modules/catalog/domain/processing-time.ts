// Reading processing times (thời hạn giải quyết) such as "20 Ngày làm việc", "Trong ngày", "04 giờ làm việc" or
// "0,5 ngày". A time is only parsed when it carries a unit: a bare "1" could be a day, a working day or an hour,
// and a wrong guess moves every appointment date, so it is reported for review instead.

import { foldVietnamese } from '../../../platform/text.ts';
import type { ChannelOption, DefaultTimeRule, DurationKind, ProcessingTime, TimeReading } from './types.ts';

// Matched against folded text (no diacritics), so "ngày" and "ngay" look alike: a number before the word is what
// makes it a day count; the same-day phrases below have no number.
const UNITS: ReadonlyArray<[RegExp, DurationKind]> = [
  [/^ngay lam viec\b/, 'working_days'],
  [/^ngay\b/, 'calendar_days'],
  [/^(?:gio|tieng) lam viec\b/, 'working_hours'],
  [/^(?:gio|tieng)\b/, 'working_hours'],
];
const UNSUPPORTED_UNITS = /^(?:phut|thang|nam|tuan)\b/;
const QUALIFIERS = /^(?:khong qua|toi da|trong thoi han|trong vong|trong)\s+/;
// "Trong ngày" but not "trong ngày làm việc tiếp theo" (next working day), hence the anchored end.
const SAME_DAY = /^(?:(?:giai quyet|tra ket qua|tra) ngay|(?:ngay )?trong (?:ngay|buoi)(?: lam viec)?)\s*(?:$|[,;(])/;
const NOT_GIVEN = /^(?:khong co thong tin|khong quy dinh|khong|chua co thong tin)?\W*$/;
const NOT_APPLICABLE = /^khong (?:phai )?tra ket qua/;

/** Parses a whole time text. Never guesses a unit. */
export function parseProcessingTime(text: string): TimeReading {
  const folded = foldVietnamese(text).replace(/[.;:]+$/, '').trim();
  const base = { text, time: null, bareAmount: null };
  if (NOT_GIVEN.test(folded)) return { ...base, status: 'not_given' };
  if (NOT_APPLICABLE.test(folded)) return { ...base, status: 'not_applicable' };
  if (SAME_DAY.test(folded)) return { ...base, status: 'parsed', time: { amount: 0, kind: 'same_day' } };

  const unqualified = folded.replace(QUALIFIERS, '');
  const number = /^(\d+\/\d+|\d+(?:[.,]\d+)?|mot nua|nua)\s*/.exec(unqualified);
  if (!number) return { ...base, status: 'unrecognised' };
  const amount = readAmount(number[1]);
  const rest = unqualified.slice(number[0].length);
  if (rest === '') return { ...base, status: 'unit_missing', bareAmount: amount };
  if (UNSUPPORTED_UNITS.test(rest) || amount === null || amount <= 0) return { ...base, status: 'unrecognised' };
  for (const [pattern, kind] of UNITS) {
    if (pattern.test(rest)) return { ...base, status: 'parsed', time: { amount, kind } };
  }
  return { ...base, status: 'unrecognised' };
}

function readAmount(token: string): number | null {
  if (token === 'nua' || token === 'mot nua') return 0.5;
  const fraction = /^(\d+)\/(\d+)$/.exec(token);
  if (fraction) return Number(fraction[2]) === 0 ? null : Number(fraction[1]) / Number(fraction[2]);
  // In a duration the comma is a decimal mark ("0,5 ngày"), unlike in fee amounts.
  const value = Number(token.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

/** Rough length in working hours, only to order durations of different kinds. */
export function approximateWorkingHours(time: ProcessingTime): number {
  switch (time.kind) {
    case 'same_day':
      return 4;
    case 'working_hours':
      return time.amount;
    case 'working_days':
      return time.amount * 8;
    case 'calendar_days':
      return (time.amount * 8 * 5) / 7;
  }
}

export function sameTime(a: ProcessingTime, b: ProcessingTime): boolean {
  return a.amount === b.amount && a.kind === b.kind;
}

export function formatProcessingTime(time: ProcessingTime): string {
  const labels: Record<DurationKind, string> = {
    working_days: 'ngày làm việc',
    working_hours: 'giờ làm việc',
    calendar_days: 'ngày',
    same_day: 'trong ngày',
  };
  return time.kind === 'same_day' ? labels.same_day : `${String(time.amount).replace('.', ',')} ${labels[time.kind]}`;
}

export interface DefaultTimeChoice {
  time: ProcessingTime;
  rule: DefaultTimeRule;
  text: string;
}

/**
 * The default case's duration, chosen from the channel rows that carry a parsed time:
 * 1. if every such row gives the same time, that time ('all_channels_agree');
 * 2. otherwise, if the in-person rows agree among themselves, the in-person time ('in_person'): the desk prints
 *    the paper appointment, and the other channels keep their own times on their rows;
 * 3. otherwise the longest one ('longest'), so that no appointment is set earlier than a published limit.
 * Rows without a unit never take part. Returns null when no row has a parsed time.
 */
export function chooseDefaultTime(options: readonly ChannelOption[]): DefaultTimeChoice | null {
  const timed = options.filter((o): o is ChannelOption & { processingTime: ProcessingTime } => o.processingTime !== null);
  if (timed.length === 0) return null;
  const first = timed[0];
  if (timed.every((o) => sameTime(o.processingTime, first.processingTime))) {
    return { time: first.processingTime, rule: 'all_channels_agree', text: first.timeText };
  }
  const inPerson = timed.filter((o) => o.channel === 'in_person');
  if (inPerson.length > 0 && inPerson.every((o) => sameTime(o.processingTime, inPerson[0].processingTime))) {
    return { time: inPerson[0].processingTime, rule: 'in_person', text: inPerson[0].timeText };
  }
  const longest = timed.reduce((a, b) =>
    approximateWorkingHours(b.processingTime) > approximateWorkingHours(a.processingTime) ? b : a,
  );
  return { time: longest.processingTime, rule: 'longest', text: longest.timeText };
}
