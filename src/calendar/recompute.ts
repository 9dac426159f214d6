// Which open items' due dates a rule change moves (issue 3 §6), so storage recomputes only those.
//
// A due date depends only on the calendar between the start and the later of the due date and the
// pause ends. So an item is recomputed only when a day in that span changed (rest ↔ working, or office
// hours); the others are reported unchanged without computing anything.

import { dayNumber, isoDate, localDay, type IsoDate } from './dates.ts';
import { computeDueDate } from './due.ts';
import { getCalendar, type WorkingCalendar } from './working-calendar.ts';
import type { CalendarRules, Duration, Pause } from './types.ts';

export interface OpenItem {
  id: string;
  start: Date;
  duration: Duration;
  pauses?: Pause[];
  restartAt?: Date;
  /** The due date stored for the item, computed with the old rules. */
  dueAt: Date;
  /** Unit chain whose own days and hours apply (see getCalendar). */
  unitIds?: string[];
}

export interface DueDateChange {
  id: string;
  oldDueAt: Date;
  newDueAt: Date;
  newDueDate: IsoDate;
}

export interface RecomputeResult {
  fromVersion: string;
  toVersion: string;
  /** Items whose span touches a changed day (and were therefore recomputed). */
  touched: number;
  changed: DueDateChange[];
}

export function recomputeDueDates(oldRules: CalendarRules, newRules: CalendarRules, items: OpenItem[]): RecomputeResult {
  const groups = new Map<string, OpenItem[]>();
  for (const item of items) {
    const key = (item.unitIds ?? []).join('\u0000');
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  let touched = 0;
  const changed: DueDateChange[] = [];
  for (const group of groups.values()) {
    const unitIds = group[0].unitIds ?? [];
    const [oldCal, newCal] = [getCalendar(oldRules, unitIds), getCalendar(newRules, unitIds)];
    const spans = group.map(spanOf);
    const changedDays = differingDays(oldCal, newCal, Math.min(...spans.map((s) => s[0])), Math.max(...spans.map((s) => s[1])));
    group.forEach((item, i) => {
      if (!anyWithin(changedDays, spans[i][0], spans[i][1])) return;
      touched++;
      const result = computeDueDate(newCal, item);
      if (result.dueAt.getTime() !== item.dueAt.getTime()) {
        changed.push({ id: item.id, oldDueAt: item.dueAt, newDueAt: result.dueAt, newDueDate: result.dueDate });
      }
    });
  }
  return { fromVersion: getCalendar(oldRules).ruleVersion, toVersion: getCalendar(newRules).ruleVersion, touched, changed };
}

/** First and last local day the item's due date can depend on. */
function spanOf(item: OpenItem): [number, number] {
  const start = item.restartAt ?? item.start;
  const ends = [item.dueAt, ...(item.pauses ?? []).map((p) => p.to)].map((d) => localDay(d));
  return [localDay(start), Math.max(...ends)];
}

/** Sorted days in [from, to] where the two calendars differ for time arithmetic. */
export function differingDays(a: WorkingCalendar, b: WorkingCalendar, from: number, to: number): number[] {
  const days: number[] = [];
  for (let day = from; day <= to; day++) if (a.timeSignature(day) !== b.timeSignature(day)) days.push(day);
  return days;
}

/** Dates (YYYY-MM-DD) that differ between two rule sets over an inclusive date range, for reports. */
export function changedDates(oldCal: WorkingCalendar, newCal: WorkingCalendar, from: IsoDate, to: IsoDate): IsoDate[] {
  return differingDays(oldCal, newCal, dayNumber(from), dayNumber(to)).map(isoDate);
}

function anyWithin(sortedDays: number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = sortedDays.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sortedDays[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < sortedDays.length && sortedDays[lo] <= to;
}
