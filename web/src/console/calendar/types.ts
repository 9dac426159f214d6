// Shapes of the calendar API (src/modules/calendar/routes.ts) and of its rule data (src/calendar/types.ts).

export const entryKinds = ['holiday', 'observed', 'swap_day_off', 'makeup_workday', 'holiday_unconfirmed'] as const;
export type EntryKind = (typeof entryKinds)[number];
export const confidences = ['high', 'medium', 'low', 'estimate'] as const;
export type Confidence = (typeof confidences)[number];
export type RestKind = 'weekend' | 'holiday' | 'observed' | 'swap_day_off';

export interface ScheduleEntry {
  date: string;
  kind: EntryKind;
  name: string;
  nameEn: string;
  source: string;
  confidence: Confidence;
}

export interface OfficeHoursRule {
  from: string;
  to?: string;
  season?: { from: string; to: string };
  sessions: Array<{ start: string; end: string }>;
  cutoff: string;
}

export interface UnitCalendar {
  name?: string;
  /** Recurring days of the unit; not editable on these pages, sent back unchanged. */
  holidayRules?: Array<{ id: string; name: string }>;
  entries?: ScheduleEntry[];
  officeHours?: OfficeHoursRule[];
}

export interface CalendarRules {
  label: string;
  weekendDays: number[];
  holidayRules: Array<{ id: string; name: string; nameEn: string }>;
  schedules: Array<{ year: number; summary: string; entries: ScheduleEntry[] }>;
  officeHours: OfficeHoursRule[];
  units?: Record<string, UnitCalendar>;
}

export interface RulesAnswer {
  ruleVersion: string;
  rules: CalendarRules;
  history: Array<{ id: number; version: string; note: string | null; createdAt: string; createdBy: string | null }>;
}

export interface RestDaysAnswer {
  year: number;
  ruleVersion: string;
  basis: 'official_schedule' | 'rules';
  restDays: Array<{ date: string; kind: RestKind; name: string; nameEn: string }>;
  makeupWorkdays: Array<{ date: string; name: string; nameEn: string }>;
  unconfirmed: Array<{ date: string; name: string }>;
}

export interface ChangeAnswer {
  ruleVersion: string;
  recomputed: Record<string, { touched: number; changed: number }>;
}

export interface DueDateAnswer {
  dueAt: string;
  dueDate: string;
  ruleVersion: string;
}
