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

/** A problem that makes rules unusable, as a sentence in English and in Vietnamese. */
export interface RuleProblem {
  en: string;
  vi: string;
}

/** Where in the rules a problem is, in both languages. */
type Place = RuleProblem;

const at = (where: Place, en: string, vi: string): RuleProblem => ({ en: `${where.en}: ${en}`, vi: `${where.vi}: ${vi}` });

/** Problems that make rules unusable (empty when valid). */
export function validateRules(rules: CalendarRules): RuleProblem[] {
  const shape = checkShape(rules);
  if (shape.length > 0) return shape;
  const problems: RuleProblem[] = [];
  const weekend = rules.weekendDays;
  if (!weekend.every((d) => Number.isInteger(d) && d >= 0 && d <= 6)) {
    problems.push({ en: 'weekendDays must be 0 (Sunday) … 6 (Saturday)', vi: 'ngày nghỉ cuối tuần phải từ 0 (Chủ nhật) đến 6 (Thứ bảy)' });
  }
  if (weekend.length >= 7) problems.push({ en: 'weekendDays leaves no working day', vi: 'ngày nghỉ cuối tuần không để lại ngày làm việc nào' });
  rules.holidayRules.forEach((r) => problems.push(...checkHolidayRule(r, { en: `holiday rule ${r.id}`, vi: `quy tắc ngày lễ ${r.id}` })));
  const years = new Set<number>();
  for (const s of rules.schedules) {
    if (years.has(s.year)) problems.push({ en: `schedule ${s.year} is listed twice`, vi: `lịch nghỉ năm ${s.year} bị khai hai lần` });
    years.add(s.year);
    problems.push(...checkEntries(s.entries, { en: `schedule ${s.year}`, vi: `lịch nghỉ năm ${s.year}` }, s.year));
  }
  if (rules.officeHours.length === 0) problems.push({ en: 'officeHours needs at least one rule', vi: 'cần ít nhất một quy định giờ làm việc' });
  rules.officeHours.forEach((h, i) => problems.push(...checkOfficeHours(h, { en: `officeHours[${i}]`, vi: `giờ làm việc thứ ${i + 1}` })));
  for (const [unitId, unit] of Object.entries(rules.units ?? {})) {
    (unit.holidayRules ?? []).forEach((r) => problems.push(...checkHolidayRule(r, { en: `unit ${unitId} rule ${r.id}`, vi: `đơn vị ${unitId}, quy tắc ${r.id}` })));
    problems.push(...checkEntries(unit.entries ?? [], { en: `unit ${unitId}`, vi: `đơn vị ${unitId}` }));
    (unit.officeHours ?? []).forEach((h, i) => problems.push(...checkOfficeHours(h, { en: `unit ${unitId} officeHours[${i}]`, vi: `đơn vị ${unitId}, giờ làm việc thứ ${i + 1}` })));
  }
  return problems;
}

/** Rules usually arrive as stored JSON: check the containers before reading them. */
function checkShape(rules: CalendarRules): RuleProblem[] {
  if (rules === null || typeof rules !== 'object') return [{ en: 'rules must be an object', vi: 'quy tắc lịch phải là một đối tượng JSON' }];
  const arrays = ['weekendDays', 'holidayRules', 'schedules', 'officeHours'] as const;
  const problems = arrays.filter((key) => !Array.isArray(rules[key])).map((key) => ({ en: `${key} must be an array`, vi: `${key} phải là một danh sách` }));
  if (rules.units !== undefined && (rules.units === null || typeof rules.units !== 'object')) {
    problems.push({ en: 'units must be an object', vi: 'units phải là một đối tượng JSON' });
  }
  return problems;
}

const RULE_KINDS = new Set(['solar', 'lunar', 'adjacent']);
const ENTRY_KINDS = new Set(['holiday', 'observed', 'swap_day_off', 'makeup_workday', 'holiday_unconfirmed']);
const CONFIDENCES = new Set(['high', 'medium', 'low', 'estimate']);

const badDates = (where: Place) => at(where, 'from/to must be YYYY-MM-DD', 'ngày bắt đầu/kết thúc phải theo dạng YYYY-MM-DD');

function checkHolidayRule(r: HolidayRule, where: Place): RuleProblem[] {
  if (!RULE_KINDS.has(r.kind)) return [at(where, `unknown kind ${String(r.kind)}`, `loại quy tắc không có: ${String(r.kind)}`)];
  const problems: RuleProblem[] = [];
  if (!isIsoDate(r.from) || (r.to !== undefined && !isIsoDate(r.to))) problems.push(badDates(where));
  const maxDay = r.kind === 'lunar' ? 30 : new Date(Date.UTC(2024, r.month, 0)).getUTCDate();
  if (!Number.isInteger(r.month) || r.month < 1 || r.month > 12 || !Number.isInteger(r.day) || r.day < 1 || r.day > maxDay) {
    const lunar = r.kind === 'lunar';
    problems.push(at(where, `no such ${lunar ? 'lunar ' : ''}date ${r.day}/${r.month}`, `không có ngày ${r.day}/${r.month}${lunar ? ' âm lịch' : ''}`));
  }
  if (r.kind === 'lunar' && (r.offsetFrom ?? 0) > (r.offsetTo ?? 0)) {
    problems.push(at(where, 'offsetFrom is after offsetTo', 'số ngày lệch đầu (offsetFrom) lớn hơn số ngày lệch cuối (offsetTo)'));
  }
  return problems;
}

function checkEntries(entries: ScheduleEntry[], where: Place, year?: number): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (!isIsoDate(entry.date)) {
      problems.push(at(where, `bad date ${entry.date}`, `ngày không hợp lệ: ${entry.date}`));
      continue;
    }
    if (year !== undefined && yearOfDay(dayNumber(entry.date)) !== year) problems.push(at(where, `${entry.date} is not in ${year}`, `ngày ${entry.date} không thuộc năm ${year}`));
    if (!ENTRY_KINDS.has(entry.kind)) problems.push(at(where, `${entry.date} has unknown kind ${String(entry.kind)}`, `ngày ${entry.date} có loại không xác định: ${String(entry.kind)}`));
    if (!CONFIDENCES.has(entry.confidence)) {
      problems.push(at(where, `${entry.date} has unknown confidence ${String(entry.confidence)}`, `ngày ${entry.date} có mức tin cậy không xác định: ${String(entry.confidence)}`));
    }
    if (seen.has(entry.date)) problems.push(at(where, `${entry.date} is listed twice`, `ngày ${entry.date} bị khai hai lần`));
    seen.add(entry.date);
  }
  return problems;
}

function checkOfficeHours(h: OfficeHoursRule, where: Place): RuleProblem[] {
  try {
    if (!isIsoDate(h.from) || (h.to !== undefined && !isIsoDate(h.to))) return [badDates(where)];
    if (h.sessions.length === 0) return [at(where, 'needs at least one session', 'cần ít nhất một buổi làm việc')];
    let previousEnd = -1;
    for (const s of h.sessions) {
      const [start, end] = [clockMinutes(s.start), clockMinutes(s.end)];
      if (start >= end || start < previousEnd) return [at(where, 'sessions must be increasing and not overlap', 'các buổi làm việc phải theo thứ tự và không chồng lên nhau')];
      previousEnd = end;
    }
    clockMinutes(h.cutoff);
    if (h.season) {
      seasonKey(h.season.from);
      seasonKey(h.season.to);
    }
    return [];
  } catch (error) {
    return [at(where, (error as Error).message, 'giờ phải theo dạng HH:MM và mốc mùa theo dạng MM-DD')];
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
