// A compiled working calendar for one rule set and one unit chain.
//
// Per day of a window of years it keeps: the day's kind, its office-hours profile, the number of working
// days before it and the working milliseconds before it. Then "N-th working day after D" is one array
// lookup and "working time between two instants" is a subtraction, which is what makes a million due
// dates a second possible. The window grows on demand (a rebuild) when a date outside it is asked for.

import { clockMinutes, dayNumber, dayStartMs, firstDayOfYear, isoDate, MINUTE_MS, weekday, yearOfDay, type IsoDate } from './dates.ts';
import { LUNAR_MAX_YEAR, LUNAR_MIN_YEAR } from './lunar.ts';
import { buildDayMarks, type DayMark, type DayMarks } from './rest-days.ts';
import { officeHoursLookup, ruleVersion, validateRules } from './rules.ts';
import type { CalendarRules, OfficeHours, OfficeHoursRule, ScheduleEntry } from './types.ts';

export type DayKind = 'working' | 'weekend' | 'holiday' | 'observed' | 'swap_day_off' | 'makeup_workday' | 'closed';
const KINDS: DayKind[] = ['working', 'weekend', 'holiday', 'observed', 'swap_day_off', 'makeup_workday', 'closed'];
const WORKING = 0;
const WEEKEND = 1;
const MAKEUP = 5;
const CLOSED = 6; // no office hours in force

export interface Profile {
  hours: OfficeHours;
  key: string; // identifies the hours' content
  sessions: Array<[number, number]>; // ms after local midnight
  totalMs: number;
  openMs: number;
  closeMs: number;
  cutoffMs: number;
}

export interface DayInfo {
  date: IsoDate;
  working: boolean;
  kind: DayKind;
  name: string;
  nameEn: string;
  source?: string;
  confidence?: string;
  /** Office hours of the day when it is a working day. */
  officeHours?: OfficeHours;
}

export interface YearOverview {
  year: number;
  ruleVersion: string;
  /** 'official_schedule' when the year's national days come from a published schedule, else 'rules'. */
  basis: 'official_schedule' | 'rules';
  restDays: DayInfo[];
  makeupWorkdays: DayInfo[];
  /** Announced but unconfirmed days (not rest days). */
  unconfirmed: ScheduleEntry[];
}

const WEEKDAY_VI = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DEFAULT_WINDOW: [number, number] = [1995, 2075];

export class WorkingCalendar {
  readonly ruleVersion: string;
  /** A nominal working day (the base office hours), used to express working time in days. */
  readonly dayLengthMs: number;
  private readonly hoursList: OfficeHoursRule[];
  private readonly profiles: Profile[] = [];
  private readonly profileByRule = new Map<OfficeHours, number>();
  private fromYear = 0;
  private toYear = -1;
  private first = 0; // day number of window index 0
  private kinds = new Uint8Array(0);
  private profileIndex = new Uint8Array(0);
  private workBefore = new Int32Array(1); // [i] = working days before window day i
  private workList = new Int32Array(0); // window index of the j-th working day
  private msBefore = new Float64Array(1); // [i] = working ms before window day i
  private dayMarks: DayMarks = { marks: new Map(), unconfirmed: new Map(), scheduledYears: new Set() };

  constructor(
    readonly rules: CalendarRules,
    readonly unitIds: readonly string[] = [],
  ) {
    const problems = validateRules(rules);
    if (problems.length > 0) throw new RangeError(`Invalid calendar rules: ${problems.map((p) => p.en).join('; ')}`);
    this.ruleVersion = ruleVersion(rules);
    const units = unitIds.map((id) => rules.units?.[id]);
    this.hoursList = [...rules.officeHours, ...units.flatMap((u) => u?.officeHours ?? [])];
    const base = [...this.hoursList].reverse().find((h) => !h.season && h.to === undefined) ?? this.hoursList[0];
    this.dayLengthMs = this.profileOf(base).totalMs;
    this.build(...DEFAULT_WINDOW);
  }

  // ---- day-number API used by the due-date code -------------------------------------------------

  /** Makes sure the window covers `day` (and a year beyond it). */
  ensure(day: number): void {
    if (day >= this.first && day < this.first + this.kinds.length) return;
    const year = yearOfDay(day);
    if (year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
      throw new RangeError(`Date outside the supported range ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}: ${isoDate(day)}`);
    }
    this.build(Math.min(this.fromYear, year - 1), Math.max(this.toYear, year + 1));
  }

  isWorkingDayNumber(day: number): boolean {
    this.ensure(day);
    const kind = this.kinds[day - this.first];
    return kind === WORKING || kind === MAKEUP;
  }

  /** The n-th (n ≥ 1) working day strictly after `day`. */
  workingDayAfter(day: number, n: number): number {
    this.ensure(day);
    for (;;) {
      const ordinal = this.workBefore[day - this.first + 1] + n - 1;
      if (ordinal < this.workList.length) return this.workList[ordinal] + this.first;
      this.growForward();
    }
  }

  workingDayOnOrAfter(day: number): number {
    return this.isWorkingDayNumber(day) ? day : this.workingDayAfter(day, 1);
  }

  profileOfDay(day: number): Profile {
    this.ensure(day);
    return this.profiles[this.profileIndex[day - this.first]];
  }

  /** What due-date arithmetic sees of a day: 'rest', or the content of its office hours. */
  timeSignature(day: number): string {
    return this.isWorkingDayNumber(day) ? this.profileOfDay(day).key : 'rest';
  }

  /** Closing instant (ms) of a working day. */
  closingMs(day: number): number {
    return dayStartMs(day) + this.profileOfDay(day).closeMs;
  }

  /** Working ms elapsed before instant `ms`, counted from the window start. Call ensure() on every instant first. */
  position(ms: number): number {
    const day = Math.floor((ms + 7 * 3_600_000) / 86_400_000);
    this.ensure(day);
    const i = day - this.first;
    const before = this.msBefore[i];
    const kind = this.kinds[i];
    if (kind !== WORKING && kind !== MAKEUP) return before;
    const t = ms - dayStartMs(day);
    let inside = 0;
    for (const [start, end] of this.profiles[this.profileIndex[i]].sessions) {
      if (t <= start) break;
      inside += Math.min(t, end) - start;
    }
    return before + inside;
  }

  /**
   * The instant at working position `p`. At a boundary, `endBiased` picks the end of the earlier session
   * (17:00, not 07:30 next day), which is what "due after N working hours" means.
   */
  instantAt(p: number, endBiased: boolean): number {
    while (p > this.msBefore[this.msBefore.length - 1] || (!endBiased && p === this.msBefore[this.msBefore.length - 1])) {
      this.growForward();
    }
    const msBefore = this.msBefore;
    let lo = 0;
    let hi = this.kinds.length - 1;
    // Find the working day i with msBefore[i] < p ≤ msBefore[i+1] (end-biased) or ≤ p < (start-biased).
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const inside = endBiased ? p <= msBefore[mid + 1] : p < msBefore[mid + 1];
      if (inside) hi = mid;
      else lo = mid + 1;
    }
    let rest = p - msBefore[lo];
    const day = lo + this.first;
    for (const [start, end] of this.profiles[this.profileIndex[lo]].sessions) {
      const length = end - start;
      if (endBiased ? rest <= length : rest < length) return dayStartMs(day) + start + rest;
      rest -= length;
    }
    return dayStartMs(day) + this.profiles[this.profileIndex[lo]].closeMs;
  }

  // ---- date-string API ----------------------------------------------------------------------------

  isWorkingDay(date: IsoDate): boolean {
    return this.isWorkingDayNumber(dayNumber(date));
  }

  /** The n-th working day after `date` (n ≥ 1). */
  nextWorkingDay(date: IsoDate, n = 1): IsoDate {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer: ${n}`);
    return isoDate(this.workingDayAfter(dayNumber(date), n));
  }

  dayInfo(date: IsoDate): DayInfo {
    return this.infoOf(dayNumber(date));
  }

  officeHours(date: IsoDate): OfficeHours | undefined {
    const day = dayNumber(date);
    return this.isWorkingDayNumber(day) ? this.profileOfDay(day).hours : undefined;
  }

  /** Rest days (one entry per date, weekends included) and make-up working days of a year. */
  yearOverview(year: number): YearOverview {
    const start = firstDayOfYear(year);
    const end = firstDayOfYear(year + 1);
    this.ensure(start);
    this.ensure(end);
    const restDays: DayInfo[] = [];
    const makeupWorkdays: DayInfo[] = [];
    for (let day = start; day < end; day++) {
      const info = this.infoOf(day);
      if (!info.working) restDays.push(info);
      else if (info.kind === 'makeup_workday') makeupWorkdays.push(info);
    }
    const unconfirmed = [...this.dayMarks.unconfirmed.entries()]
      .filter(([day]) => day >= start && day < end)
      .sort(([a], [b]) => a - b)
      .map(([, entry]) => entry);
    const basis = this.dayMarks.scheduledYears.has(year) ? 'official_schedule' : 'rules';
    return { year, ruleVersion: this.ruleVersion, basis, restDays, makeupWorkdays, unconfirmed };
  }

  // ---- building -------------------------------------------------------------------------------------

  private infoOf(day: number): DayInfo {
    this.ensure(day);
    const i = day - this.first;
    const kind = KINDS[this.kinds[i]];
    const working = kind === 'working' || kind === 'makeup_workday';
    const mark: DayMark | undefined = this.dayMarks.marks.get(day);
    const info: DayInfo = {
      date: isoDate(day),
      working,
      kind,
      name: mark?.name ?? (kind === 'closed' ? 'Không có giờ làm việc' : WEEKDAY_VI[weekday(day)]),
      nameEn: mark?.nameEn ?? (kind === 'closed' ? 'No office hours' : WEEKDAY_EN[weekday(day)]),
    };
    if (mark) Object.assign(info, { source: mark.source, confidence: mark.confidence });
    if (working) info.officeHours = this.profiles[this.profileIndex[i]].hours;
    return info;
  }

  private growForward(): void {
    if (this.toYear >= LUNAR_MAX_YEAR) throw new RangeError(`Working calendar ends in ${LUNAR_MAX_YEAR}`);
    this.build(this.fromYear, Math.min(LUNAR_MAX_YEAR, this.toYear + 10));
  }

  private build(fromYear: number, toYear: number): void {
    fromYear = Math.max(fromYear, LUNAR_MIN_YEAR);
    toYear = Math.min(toYear, LUNAR_MAX_YEAR);
    if (fromYear > toYear) throw new RangeError(`Working calendar covers ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}`);
    const first = firstDayOfYear(fromYear);
    const n = firstDayOfYear(toYear + 1) - first;
    const dayMarks = buildDayMarks(this.rules, this.unitIds, Math.max(LUNAR_MIN_YEAR, fromYear - 1), toYear);
    const hoursOn = officeHoursLookup(this.hoursList);
    const weekend = new Set(this.rules.weekendDays);
    const kinds = new Uint8Array(n);
    const profileIndex = new Uint8Array(n);
    const workBefore = new Int32Array(n + 1);
    const msBefore = new Float64Array(n + 1);
    const workList: number[] = [];
    for (let i = 0; i < n; i++) {
      const day = first + i;
      const hours = hoursOn(day);
      const mark = dayMarks.marks.get(day);
      let kind = mark ? KINDS.indexOf(mark.kind) : weekend.has(weekday(day)) ? WEEKEND : WORKING;
      if (!hours && (kind === WORKING || kind === MAKEUP)) kind = CLOSED;
      kinds[i] = kind;
      const working = kind === WORKING || kind === MAKEUP;
      if (hours) profileIndex[i] = this.profileIndexOf(hours);
      if (working) workList.push(i);
      workBefore[i + 1] = workBefore[i] + (working ? 1 : 0);
      msBefore[i + 1] = msBefore[i] + (working ? this.profiles[profileIndex[i]].totalMs : 0);
    }
    Object.assign(this, { fromYear, toYear, first, kinds, profileIndex, workBefore, msBefore, dayMarks });
    this.workList = Int32Array.from(workList);
  }

  private profileIndexOf(hours: OfficeHours): number {
    let index = this.profileByRule.get(hours);
    if (index === undefined) {
      this.profileOf(hours);
      index = this.profileByRule.get(hours)!;
    }
    return index;
  }

  private profileOf(hours: OfficeHours): Profile {
    const known = this.profileByRule.get(hours);
    if (known !== undefined) return this.profiles[known];
    const sessions = hours.sessions.map((s): [number, number] => [clockMinutes(s.start) * MINUTE_MS, clockMinutes(s.end) * MINUTE_MS]);
    const profile: Profile = {
      hours: { sessions: hours.sessions, cutoff: hours.cutoff },
      key: JSON.stringify([hours.sessions.map((x) => [x.start, x.end]), hours.cutoff]),
      sessions,
      totalMs: sessions.reduce((sum, [a, b]) => sum + b - a, 0),
      openMs: sessions[0][0],
      closeMs: sessions[sessions.length - 1][1],
      cutoffMs: clockMinutes(hours.cutoff) * MINUTE_MS,
    };
    if (this.profiles.length >= 255) throw new RangeError('Too many distinct office-hours rules');
    this.profileByRule.set(hours, this.profiles.length);
    this.profiles.push(profile);
    return profile;
  }
}

const cache = new WeakMap<CalendarRules, Map<string, WorkingCalendar>>();

/**
 * The compiled calendar for a rule set and a unit chain (e.g. [provinceId, communeId]: each unit's own days
 * and office hours apply, later units overriding earlier ones). Cached per rules object, so treat rules as
 * immutable: storage builds a new object for each version.
 */
export function getCalendar(rules: CalendarRules, unitIds: readonly string[] = []): WorkingCalendar {
  let perRules = cache.get(rules);
  if (!perRules) {
    perRules = new Map();
    cache.set(rules, perRules);
  }
  // Units without data of their own do not change the calendar, so they share one.
  const relevant = unitIds.filter((id) => rules.units?.[id] !== undefined);
  const key = relevant.join('\u0000');
  let calendar = perRules.get(key);
  if (!calendar) {
    calendar = new WorkingCalendar(rules, relevant);
    perRules.set(key, calendar);
  }
  return calendar;
}
