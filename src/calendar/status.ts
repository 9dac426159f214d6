// Deadline status (early / on time / late; within deadline / overdue) and its human phrase.
//
// Finished items compare local dates (UTC+7): the law speaks of the due DATE. Open items use the same
// date rule, so an open item is "overdue" only once it can no longer finish "on time".

import { localDay } from './dates.ts';
import { workingTimeBetween } from './due.ts';
import type { WorkingCalendar } from './working-calendar.ts';

export type DeadlineStatus = 'early' | 'on_time' | 'late' | 'within_deadline' | 'overdue';

export interface Phrase {
  vi: string;
  en: string;
}

export const DEADLINE_STATUS_LABELS: Record<DeadlineStatus, Phrase> = {
  early: { vi: 'Trước hạn', en: 'Early' },
  on_time: { vi: 'Đúng hạn', en: 'On time' },
  late: { vi: 'Trễ hạn', en: 'Late' },
  within_deadline: { vi: 'Đang giải quyết trong hạn', en: 'In progress, within deadline' },
  overdue: { vi: 'Đang giải quyết quá hạn', en: 'In progress, overdue' },
};

export interface DeadlineInput {
  dueAt: Date;
  /** When the item was finished; absent or null while it is open. */
  finishedAt?: Date | null;
  /** Required for open items. */
  now?: Date;
}

export function classifyDeadline({ dueAt, finishedAt, now }: DeadlineInput): DeadlineStatus {
  const dueDay = localDay(dueAt);
  if (finishedAt) {
    const doneDay = localDay(finishedAt);
    return doneDay < dueDay ? 'early' : doneDay === dueDay ? 'on_time' : 'late';
  }
  if (!now) throw new RangeError('now is required to classify an open item');
  return localDay(now) > dueDay ? 'overdue' : 'within_deadline';
}

export interface DeadlineDescription extends Phrase {
  status: DeadlineStatus;
  /** Working ms left (positive) or past the due time (negative); for finished items, measured at finishing. */
  workingMs: number;
}

/** "còn 2 ngày 3 giờ" / "2 days 3 hours left", "quá hạn 1 ngày" / "1 day overdue", "Trước hạn 1 ngày" / "1 day early". */
export function describeDeadline(cal: WorkingCalendar, input: DeadlineInput): DeadlineDescription {
  const status = classifyDeadline(input);
  const reference = input.finishedAt ?? input.now!;
  const workingMs = workingTimeBetween(cal, reference, input.dueAt);
  const amount = formatWorkingTime(Math.abs(workingMs), cal.dayLengthMs);
  const label = DEADLINE_STATUS_LABELS[status];
  switch (status) {
    case 'within_deadline':
      if (workingMs <= 0) return { status, workingMs, vi: 'đến hạn hôm nay', en: 'due today' };
      return { status, workingMs, vi: `còn ${amount.vi}`, en: `${amount.en} left` };
    case 'overdue':
      if (workingMs > -60_000) return { status, workingMs, vi: 'quá hạn', en: 'overdue' };
      return { status, workingMs, vi: `quá hạn ${amount.vi}`, en: `${amount.en} overdue` };
    case 'early':
      return { status, workingMs, vi: `${label.vi} ${amount.vi}`, en: `${amount.en} early` };
    case 'late':
      if (workingMs > -60_000) return { status, workingMs, ...label };
      return { status, workingMs, vi: `${label.vi} ${amount.vi}`, en: `${amount.en} late` };
    default:
      return { status, workingMs, ...label };
  }
}

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** Working time as at most two units: days (of `dayLengthMs`) and hours, or hours and minutes. */
export function formatWorkingTime(ms: number, dayLengthMs: number): Phrase {
  const days = Math.floor(ms / dayLengthMs);
  const rest = ms - days * dayLengthMs;
  const hours = Math.floor(rest / HOUR_MS);
  const minutes = Math.floor((rest - hours * HOUR_MS) / MINUTE_MS);
  const parts: Array<[number, string, string]> = [];
  if (days > 0) parts.push([days, 'ngày', 'day'], [hours, 'giờ', 'hour']);
  else if (hours > 0) parts.push([hours, 'giờ', 'hour'], [minutes, 'phút', 'minute']);
  else if (minutes > 0) parts.push([minutes, 'phút', 'minute']);
  else return { vi: 'dưới 1 phút', en: 'less than a minute' };
  const shown = parts.filter(([n], i) => i === 0 || n > 0);
  return {
    vi: shown.map(([n, vi]) => `${n} ${vi}`).join(' '),
    en: shown.map(([n, , en]) => `${n} ${en}${n === 1 ? '' : 's'}`).join(' '),
  };
}
