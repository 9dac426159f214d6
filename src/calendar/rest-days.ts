// Which days deviate from the plain week: holidays, compensatory days, swaps and make-up working days.
//
// A year with an official schedule is taken exactly as published; a year without one gets the
// holiday rules in force, with a holiday on a rest day compensated on the next working day.
// Then the unit chain (e.g. province, commune) adds its own recurring rules and one-off entries.

import { dayNumber, weekday } from './dates.ts';
import { occurrencesInYear, type Occurrence } from './rules.ts';
import type { CalendarRules, Confidence, HolidayRule, ScheduleEntry, ScheduleEntryKind } from './types.ts';

export type MarkKind = Exclude<ScheduleEntryKind, 'holiday_unconfirmed'>;

export interface DayMark {
  kind: MarkKind;
  name: string;
  nameEn: string;
  source: string;
  confidence: Confidence;
}

export interface DayMarks {
  marks: Map<number, DayMark>;
  /** Announced days that are not rest days until confirmed (kind holiday_unconfirmed). */
  unconfirmed: Map<number, ScheduleEntry>;
  /** Years whose national days come from an official schedule. */
  scheduledYears: Set<number>;
}

export function isRestMark(mark: DayMark | undefined): boolean {
  return mark !== undefined && mark.kind !== 'makeup_workday';
}

export function buildDayMarks(rules: CalendarRules, unitIds: readonly string[], fromYear: number, toYear: number): DayMarks {
  const result: DayMarks = { marks: new Map(), unconfirmed: new Map(), scheduledYears: new Set() };
  const schedules = new Map(rules.schedules.map((s) => [s.year, s]));
  const units = unitIds.map((id) => rules.units?.[id]).filter((u) => u !== undefined);
  for (let year = fromYear; year <= toYear; year++) {
    const schedule = schedules.get(year);
    if (schedule) {
      result.scheduledYears.add(year);
      for (const entry of schedule.entries) applyEntry(result, entry);
    } else {
      applyRules(result.marks, rules.holidayRules, year, rules.weekendDays);
    }
    for (const unit of units) applyRules(result.marks, unit.holidayRules ?? [], year, rules.weekendDays);
  }
  for (const unit of units) for (const entry of unit.entries ?? []) applyEntry(result, entry);
  return result;
}

function applyEntry(result: DayMarks, entry: ScheduleEntry): void {
  const day = dayNumber(entry.date);
  if (entry.kind === 'holiday_unconfirmed') {
    result.unconfirmed.set(day, entry);
    return;
  }
  const { kind, name, nameEn, source, confidence } = entry;
  result.marks.set(day, { kind, name, nameEn, source, confidence });
}

function applyRules(marks: Map<number, DayMark>, list: HolidayRule[], year: number, weekendDays: number[]): void {
  const occurrences = list.flatMap((rule) => occurrencesInYear(rule, year, weekendDays)).sort((a, b) => a.day - b.day);
  const isRest = (day: number) => weekendDays.includes(weekday(day)) || isRestMark(marks.get(day));
  const toCompensate: Occurrence[] = [];
  for (const occurrence of occurrences) {
    const { day, rule } = occurrence;
    if (isRest(day) && rule.compensate !== false) toCompensate.push(occurrence);
    if (!isRestMark(marks.get(day))) marks.set(day, markOf(rule, 'holiday'));
  }
  // Compensate only after the whole year is marked, so a Tết block's weekend days move past the block.
  for (const { day, rule } of toCompensate) {
    let next = day + 1;
    while (isRest(next)) next++;
    marks.set(next, markOf(rule, 'observed'));
  }
}

function markOf(rule: HolidayRule, kind: 'holiday' | 'observed'): DayMark {
  const observed = kind === 'observed';
  return {
    kind,
    name: observed ? `${rule.name} (nghỉ bù)` : rule.name,
    nameEn: observed ? `${rule.nameEn} (compensatory day off)` : rule.nameEn,
    source: rule.source,
    confidence: 'estimate',
  };
}
