// Public API of the working-time calendar. Pure: no I/O, no clock; rules and `now` come in as arguments.

export type {
  CalendarRules, Confidence, Duration, DurationKind, HolidayRule, LunarHolidayRule, SolarHolidayRule, AdjacentHolidayRule,
  OfficeHours, OfficeHoursRule, OfficeSession, Pause, ScheduleEntry, ScheduleEntryKind, UnitCalendar, YearSchedule,
} from './types.ts';
export type { IsoDate } from './dates.ts';
export type { LunarDate } from './lunar.ts';
export type { DayInfo, DayKind, YearOverview } from './working-calendar.ts';
export type { DueDateInput, DueDateResult } from './due.ts';
export type { DeadlineDescription, DeadlineInput, DeadlineStatus, Phrase } from './status.ts';
export type { DueDateChange, OpenItem, RecomputeResult } from './recompute.ts';

export { solarToLunar, lunarToSolar, lunarNewYear, LUNAR_MIN_YEAR, LUNAR_MAX_YEAR } from './lunar.ts';
export { DEFAULT_CALENDAR_RULES, VN_HOLIDAY_RULES } from './data/default-rules.ts';
export { VN_OFFICIAL_SCHEDULES } from './data/vn-schedules.ts';
export { ruleVersion, validateRules, type RuleProblem } from './rules.ts';
export { getCalendar, WorkingCalendar } from './working-calendar.ts';
export {
  addWorkingTime, checkDuration, computeDueDate, dueAtMs, effectiveReceipt, toDuration, workingDaysBetween, workingTimeBetween,
} from './due.ts';
export { classifyDeadline, describeDeadline, formatWorkingTime, DEADLINE_STATUS_LABELS } from './status.ts';
export { changedDates, recomputeDueDates } from './recompute.ts';
export { formatLocal, isIsoDate, localDate, localInstant } from './dates.ts';
