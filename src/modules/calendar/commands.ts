import type { Kysely, Transaction } from 'kysely';
import { validateRules, type CalendarRules, type ScheduleEntry, type UnitCalendar, type YearSchedule } from '../../calendar/index.ts';
import { audit, type AuditContext } from '../../audit/audit.ts';
import type { Schema } from '../../platform/db/schema.ts';
import { badRequest } from '../../platform/errors.ts';
import { currentRuleSet, insertRuleSet, type RuleSet } from './repository.ts';

// Changing the calendar appends a new rule set, audits it, and lets modules recompute the open items whose due
// dates the change moves (in the same transaction), reporting how many.

export type DueDateRecompute = (trx: Transaction<Schema>, from: RuleSet, to: RuleSet, now: Date) => Promise<{ touched: number; changed: number }>;

const recomputers: { name: string; run: DueDateRecompute }[] = [];

/** Modules with due dates (dossiers, petitions…) register how to recompute their open items. */
export function onCalendarChange(name: string, run: DueDateRecompute): void {
  if (!recomputers.some((r) => r.name === name)) recomputers.push({ name, run });
}

export interface CalendarChangeResult {
  ruleSet: RuleSet;
  recomputed: Record<string, { touched: number; changed: number }>;
}

async function applyChange(
  db: Kysely<Schema>, ctx: AuditContext, now: Date, note: string | null, change: (rules: CalendarRules) => CalendarRules, what: object,
): Promise<CalendarChangeResult> {
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom('calendar_rule_sets').select('id').forUpdate().execute(); // serialise concurrent edits
    const from = await currentRuleSet(trx);
    const rules = change(structuredClone(from.rules));
    const problems = validateRules(rules);
    if (problems.length) {
      throw badRequest('invalid_calendar', `The calendar change is invalid: ${problems.map((p) => p.en).join('; ')}`,
        `Thay đổi lịch không hợp lệ: ${problems.map((p) => p.vi).join('; ')}`, problems.map((p) => ({ field: 'rules', message: p.en, messageVi: p.vi })));
    }
    const to = await insertRuleSet(trx, rules, note, ctx.actorId);
    const recomputed: CalendarChangeResult['recomputed'] = {};
    for (const r of recomputers) recomputed[r.name] = await r.run(trx, from, to, now);
    await audit(trx, ctx, {
      action: 'calendar.change', subjectType: 'calendar', subjectId: to.version,
      before: { version: from.version }, after: { version: to.version, note, ...what, recomputed },
    });
    return { ruleSet: to, recomputed };
  });
}

function sortEntries(entries: ScheduleEntry[]): ScheduleEntry[] {
  return [...entries].sort((a, b) => a.date.localeCompare(b.date));
}

/** Replaces (or adds) one year's official schedule; `null` removes it so the holiday rules apply. */
export function setYearSchedule(db: Kysely<Schema>, ctx: AuditContext, now: Date, year: number, schedule: { summary: string; entries: ScheduleEntry[] } | null, note: string | null) {
  for (const e of schedule?.entries ?? []) {
    if (!e.date.startsWith(`${year}-`)) {
      throw badRequest('entry_outside_year', `${e.date} is not in ${year}.`, `Ngày ${e.date} không thuộc năm ${year}.`, [{ field: 'entries', message: `${e.date} is not in ${year}`, messageVi: `Ngày ${e.date} không thuộc năm ${year}` }]);
    }
  }
  return applyChange(db, ctx, now, note, (rules) => {
    const others = rules.schedules.filter((s) => s.year !== year);
    const next: YearSchedule[] = schedule ? [...others, { year, summary: schedule.summary, entries: sortEntries(schedule.entries) }] : others;
    return { ...rules, schedules: next.sort((a, b) => a.year - b.year) };
  }, { year, entries: schedule?.entries.length ?? 0 });
}

/** Replaces a unit's own days, holiday rules and office hours (a province's anniversary, a commune's hours). */
export function setUnitCalendar(db: Kysely<Schema>, ctx: AuditContext, now: Date, unitId: string, unit: UnitCalendar | null, note: string | null) {
  return applyChange(db, ctx, now, note, (rules) => {
    const units = { ...(rules.units ?? {}) };
    if (unit) units[unitId] = { ...unit, entries: unit.entries ? sortEntries(unit.entries) : undefined };
    else delete units[unitId];
    return { ...rules, units };
  }, { unitId });
}

/** Replaces the national holiday rules and office hours (e.g. a new statutory holiday from a date). */
export function setNationalRules(db: Kysely<Schema>, ctx: AuditContext, now: Date, change: Pick<CalendarRules, 'holidayRules' | 'officeHours'>, note: string | null) {
  return applyChange(db, ctx, now, note, (rules) => ({ ...rules, holidayRules: change.holidayRules, officeHours: change.officeHours }), { holidayRules: change.holidayRules.length });
}
