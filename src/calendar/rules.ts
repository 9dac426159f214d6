// Reading CalendarRules: validation, the content version, and where each holiday rule falls in a year.

import { canonicalJson, contentHash } from './hash.ts';
import { clockMinutes, dayNumber, isIsoDate, weekday, yearOfDay } from './dates.ts';
import { dayOfLunar, LUNAR_MAX_YEAR, LUNAR_MIN_YEAR } from './lunar.ts';
import type { CalendarRules, HolidayRule, OfficeHours, OfficeHoursRule, ScheduleEntry } from './types.ts';

const versions = new WeakMap<CalendarRules, string>();

/**
 * Identifies the exact rule content ('cal-' + 16 hex digits of a hash of the canonical JSON), so a dossier
 * can pin the rules its due date was computed with. Rules objects are treated as immutable.
 */
export function ruleVersion(rules: CalendarRules): string {
  let version = versions.get(rules);
  if (!version) {
    version = `cal-${contentHash(canonicalJson(rules))}`;
    versions.set(rules, version);
  }
  return version;
}

/** Problems that make rules unusable, as readable sentences (empty when valid). */
export function validateRules(rules: CalendarRules): string[] {
  const shape = checkShape(rules);
  if (shape.length > 0) return shape;
  const problems: string[] = [];
  const weekend = rules.weekendDays;
  if (!weekend.every((d) => Number.isInteger(d) && d >= 0 && d <= 6)) problems.push('weekendDays must be 0 (Sunday) … 6 (Saturday)');
  if (weekend.length >= 7) problems.push('weekendDays leaves no working day');
  rules.holidayRules.forEach((r) => problems.push(...checkHolidayRule(r, `holiday rule ${r.id}`)));
  const years = new Set<number>();
  for (const s of rules.schedules) {
    if (years.has(s.year)) problems.push(`schedule ${s.year} is listed twice`);
    years.add(s.year);
    problems.push(...checkEntries(s.entries, `schedule ${s.year}`, s.year));
  }
  if (rules.officeHours.length === 0) problems.push('officeHours needs at least one rule');
  rules.officeHours.forEach((h, i) => problems.push(...checkOfficeHours(h, `officeHours[${i}]`)));
  for (const [unitId, unit] of Object.entries(rules.units ?? {})) {
    (unit.holidayRules ?? []).forEach((r) => problems.push(...checkHolidayRule(r, `unit ${unitId} rule ${r.id}`)));
    problems.push(...checkEntries(unit.entries ?? [], `unit ${unitId}`));
    (unit.officeHours ?? []).forEach((h, i) => problems.push(...checkOfficeHours(h, `unit ${unitId} officeHours[${i}]`)));
  }
  return problems;
}

/** Rules usually arrive as stored JSON: check the containers before reading them. */
function checkShape(rules: CalendarRules): string[] {
  if (rules === null || typeof rules !== 'object') return ['rules must be an object'];
  const arrays = ['weekendDays', 'holidayRules', 'schedules', 'officeHours'] as const;
  const problems = arrays.filter((key) => !Array.isArray(rules[key])).map((key) => `${key} must be an array`);
  if (rules.units !== undefined && (rules.units === null || typeof rules.units !== 'object')) problems.push('units must be an object');
  return problems;
}

const RULE_KINDS = new Set(['solar', 'lunar', 'adjacent']);
const ENTRY_KINDS = new Set(['holiday', 'observed', 'swap_day_off', 'makeup_workday', 'holiday_unconfirmed']);
const CONFIDENCES = new Set(['high', 'medium', 'low', 'estimate']);

function checkHolidayRule(r: HolidayRule, where: string): string[] {
  if (!RULE_KINDS.has(r.kind)) return [`${where}: unknown kind ${String(r.kind)}`];
  const problems: string[] = [];
  if (!isIsoDate(r.from) || (r.to !== undefined && !isIsoDate(r.to))) problems.push(`${where}: from/to must be YYYY-MM-DD`);
  const maxDay = r.kind === 'lunar' ? 30 : new Date(Date.UTC(2024, r.month, 0)).getUTCDate();
  if (!Number.isInteger(r.month) || r.month < 1 || r.month > 12 || !Number.isInteger(r.day) || r.day < 1 || r.day > maxDay) {
    problems.push(`${where}: no such ${r.kind === 'lunar' ? 'lunar ' : ''}date ${r.day}/${r.month}`);
  }
  if (r.kind === 'lunar' && (r.offsetFrom ?? 0) > (r.offsetTo ?? 0)) problems.push(`${where}: offsetFrom is after offsetTo`);
  return problems;
}

function checkEntries(entries: ScheduleEntry[], where: string, year?: number): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (!isIsoDate(entry.date)) {
      problems.push(`${where}: bad date ${entry.date}`);
      continue;
    }
    if (year !== undefined && yearOfDay(dayNumber(entry.date)) !== year) problems.push(`${where}: ${entry.date} is not in ${year}`);
    if (!ENTRY_KINDS.has(entry.kind)) problems.push(`${where}: ${entry.date} has unknown kind ${String(entry.kind)}`);
    if (!CONFIDENCES.has(entry.confidence)) problems.push(`${where}: ${entry.date} has unknown confidence ${String(entry.confidence)}`);
    if (seen.has(entry.date)) problems.push(`${where}: ${entry.date} is listed twice`);
    seen.add(entry.date);
  }
  return problems;
}

function checkOfficeHours(h: OfficeHoursRule, where: string): string[] {
  try {
    if (!isIsoDate(h.from) || (h.to !== undefined && !isIsoDate(h.to))) return [`${where}: from/to must be YYYY-MM-DD`];
    if (h.sessions.length === 0) return [`${where}: needs at least one session`];
    let previousEnd = -1;
    for (const s of h.sessions) {
      const [start, end] = [clockMinutes(s.start), clockMinutes(s.end)];
      if (start >= end || start < previousEnd) return [`${where}: sessions must be increasing and not overlap`];
      previousEnd = end;
    }
    clockMinutes(h.cutoff);
    if (h.season) {
      seasonKey(h.season.from);
      seasonKey(h.season.to);
    }
    return [];
  } catch (error) {
    return [`${where}: ${(error as Error).message}`];
  }
}

/** 'MM-DD' → month * 100 + day, for season comparisons. */
export function seasonKey(monthDay: string): number {
  const m = /^(\d{2})-(\d{2})$/.exec(monthDay);
  if (!m) throw new RangeError(`Not an MM-DD season bound: ${monthDay}`);
  return Number(m[1]) * 100 + Number(m[2]);
}

/** Returns a lookup of the office hours in force on a day: the last matching rule wins. */
export function officeHoursLookup(list: OfficeHoursRule[]): (day: number) => OfficeHours | undefined {
  const compiled = list.map((rule) => ({
    rule,
    from: dayNumber(rule.from),
    to: rule.to === undefined ? Infinity : dayNumber(rule.to),
    season: rule.season ? [seasonKey(rule.season.from), seasonKey(rule.season.to)] : undefined,
  }));
  const seasonal = compiled.some((c) => c.season);
  return (day) => {
    const date = seasonal ? new Date(day * 86_400_000) : undefined;
    const key = date ? (date.getUTCMonth() + 1) * 100 + date.getUTCDate() : 0;
    for (let i = compiled.length - 1; i >= 0; i--) {
      const { rule, from, to, season } = compiled[i];
      if (day < from || day > to) continue;
      if (season) {
        const [a, b] = season;
        const inSeason = a <= b ? key >= a && key <= b : key >= a || key <= b;
        if (!inSeason) continue;
      }
      return rule;
    }
    return undefined;
  };
}

export interface Occurrence {
  day: number;
  rule: HolidayRule;
}

/** Days on which a rule puts a holiday within Gregorian `year`, honouring its validity dates. */
export function occurrencesInYear(rule: HolidayRule, year: number, weekendDays: number[]): Occurrence[] {
  const days: number[] = [];
  if (rule.kind === 'solar') {
    days.push(Date.UTC(year, rule.month - 1, rule.day) / 86_400_000);
  } else if (rule.kind === 'adjacent') {
    const base = Date.UTC(year, rule.month - 1, rule.day) / 86_400_000;
    const beforeIsRest = weekendDays.includes(weekday(base - 1));
    days.push(beforeIsRest || weekday(base + 1) === 5 ? base + 1 : base - 1);
  } else {
    for (const lunarYear of [year - 1, year]) {
      if (lunarYear < LUNAR_MIN_YEAR || lunarYear > LUNAR_MAX_YEAR) continue;
      const anchor = lunarDayOrLast(rule.month, rule.day, lunarYear);
      for (let offset = rule.offsetFrom ?? 0; offset <= (rule.offsetTo ?? 0); offset++) days.push(anchor + offset);
    }
  }
  const from = dayNumber(rule.from);
  const to = rule.to === undefined ? Infinity : dayNumber(rule.to);
  return days.filter((d) => yearOfDay(d) === year && d >= from && d <= to).map((day) => ({ day, rule }));
}

/** A lunar 30th in a 29-day month falls on the month's last day. */
function lunarDayOrLast(month: number, day: number, year: number): number {
  try {
    return dayOfLunar({ day, month, year, leap: false });
  } catch (error) {
    if (day !== 30) throw error;
    return dayOfLunar({ day: 29, month, year, leap: false });
  }
}
