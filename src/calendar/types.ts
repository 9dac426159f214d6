// The calendar's rule data. Everything here is plain JSON so storage can persist it as is and an
// administrator can change it without a code change; the module only ever receives it as an argument.

import type { IsoDate } from './dates.ts';

export type Confidence = 'high' | 'medium' | 'low' | 'estimate';

/** A day listed in an official yearly schedule (or a unit's own list). */
export type ScheduleEntryKind =
  | 'holiday' // statutory holiday (ngày lễ, Tết)
  | 'observed' // compensatory day off for a holiday on a weekly rest day (nghỉ bù)
  | 'swap_day_off' // weekday off swapped against a make-up Saturday (nghỉ hoán đổi)
  | 'makeup_workday' // Saturday (or Sunday) worked instead (làm bù)
  | 'holiday_unconfirmed'; // announced, legal basis not verified: NOT a rest day until confirmed

export interface ScheduleEntry {
  date: IsoDate;
  kind: ScheduleEntryKind;
  name: string;
  nameEn: string;
  source: string;
  confidence: Confidence;
}

/** One year's official civil-service schedule: when present it is authoritative for that year. */
export interface YearSchedule {
  year: number;
  summary: string;
  entries: ScheduleEntry[];
}

interface RuleBase {
  id: string;
  name: string;
  nameEn: string;
  /** First and last dates (inclusive) on which the rule can produce a holiday. */
  from: IsoDate;
  to?: IsoDate;
  /** A holiday falling on a rest day moves to the next working day (Labour Code 2019 art. 111(3)); default true. */
  compensate?: boolean;
  source: string;
}

/** A fixed Gregorian date, e.g. 30/4. */
export interface SolarHolidayRule extends RuleBase {
  kind: 'solar';
  month: number;
  day: number;
}

/** A lunar date, optionally a span around it: Tết is lunar 1/1 with offsets −1…+3 (5 days). */
export interface LunarHolidayRule extends RuleBase {
  kind: 'lunar';
  month: number;
  day: number;
  offsetFrom?: number;
  offsetTo?: number;
}

/**
 * One day adjacent to a fixed date (Quốc khánh 2/9 + 1 adjacent day since 2021). The day before is taken,
 * unless it is a weekly rest day or the day after is a Friday (then the day after: a long weekend), which
 * reproduces every official choice 2021–2026.
 */
export interface AdjacentHolidayRule extends RuleBase {
  kind: 'adjacent';
  month: number;
  day: number;
}

export type HolidayRule = SolarHolidayRule | LunarHolidayRule | AdjacentHolidayRule;

export interface OfficeSession {
  start: string; // 'HH:MM' local time
  end: string;
}

export interface OfficeHours {
  sessions: OfficeSession[];
  /** Paper dossiers received after this time count from the next working day. */
  cutoff: string;
}

/** Office hours in force from a date (inclusive), optionally only in a season 'MM-DD'…'MM-DD' each year. */
export interface OfficeHoursRule extends OfficeHours {
  from: IsoDate;
  to?: IsoDate;
  season?: { from: string; to: string };
}

/** A unit's (province's, commune's, agency's) own additions. */
export interface UnitCalendar {
  name?: string;
  /** Recurring days off of the unit, e.g. a provincial anniversary. */
  holidayRules?: HolidayRule[];
  /** One-off days: a rest day ('holiday', 'swap_day_off'…) or a worked day ('makeup_workday'). */
  entries?: ScheduleEntry[];
  /** When present, replaces the national office hours (later rules override earlier ones). */
  officeHours?: OfficeHoursRule[];
}

export interface CalendarRules {
  /** Human label, e.g. 'VN civil service'. The exact content is identified by ruleVersion(). */
  label: string;
  /** Weekly rest days, 0 = Sunday … 6 = Saturday. */
  weekendDays: number[];
  holidayRules: HolidayRule[];
  /** Official schedules by year; a listed year ignores the holiday rules. */
  schedules: YearSchedule[];
  /** Later rules override earlier ones for the days they cover. */
  officeHours: OfficeHoursRule[];
  units?: Record<string, UnitCalendar>;
}

export type DurationKind = 'working_days' | 'same_day' | 'working_hours' | 'calendar_days';

export type Duration =
  | { kind: 'working_days'; amount: number }
  | { kind: 'same_day' }
  | { kind: 'working_hours'; amount: number }
  | { kind: 'calendar_days'; amount: number };

/** An interval during which the clock was stopped; pass `to: now` for a pause still running. */
export interface Pause {
  from: Date;
  to: Date;
}
