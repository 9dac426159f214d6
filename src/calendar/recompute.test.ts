import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatLocal } from './dates.ts';
import { DEFAULT_CALENDAR_RULES } from './data/default-rules.ts';
import { computeDueDate } from './due.ts';
import { changedDates, recomputeDueDates, type OpenItem } from './recompute.ts';
import { getCalendar } from './working-calendar.ts';
import type { CalendarRules, Duration } from './types.ts';

const at = (local: string) => new Date(`${local}+07:00`);
const oldRules = DEFAULT_CALENDAR_RULES;

// An administrator confirms Vietnam Culture Day 24/11/2026 as a day off.
const newRules: CalendarRules = structuredClone(oldRules);
newRules.schedules.find((s) => s.year === 2026)!.entries.find((e) => e.date === '2026-11-24')!.kind = 'holiday';

function item(id: string, start: string, duration: Duration, extra: Partial<OpenItem> = {}): OpenItem {
  const base = { id, start: at(start), duration, ...extra };
  return { ...base, dueAt: computeDueDate(getCalendar(oldRules, extra.unitIds ?? []), base).dueAt };
}

describe('recomputing open items after a rule change', () => {
  const items = [
    item('spans-the-day', '2026-11-20T10:00', { kind: 'working_days', amount: 3 }), // Mon 23, Tue 24, Wed 25 → Mon, Wed, Thu 26
    item('ends-before', '2026-11-16T10:00', { kind: 'working_days', amount: 3 }), // due Thu 19
    item('starts-after', '2026-11-25T10:00', { kind: 'working_days', amount: 3 }),
    item('hours-through-it', '2026-11-23T16:00', { kind: 'working_hours', amount: 2 }), // due Tue 24 08:30
    // Due Thu 19; paused Thu 19 → Wed 25 with one day left: due Wed 25 either way (touched, not moved).
    item('paused-over-it', '2026-11-16T10:00', { kind: 'working_days', amount: 3 }, {
      pauses: [{ from: at('2026-11-19T07:30'), to: at('2026-11-25T07:30') }],
    }),
  ];

  test('only items whose span touches the changed day are recomputed, and the moved ones reported', () => {
    const result = recomputeDueDates(oldRules, newRules, items);
    assert.equal(result.touched, 3);
    const moved = Object.fromEntries(result.changed.map((c) => [c.id, formatLocal(c.newDueAt)]));
    assert.deepEqual(moved, {
      'spans-the-day': '2026-11-26T17:00:00+07:00',
      'hours-through-it': '2026-11-25T08:30:00+07:00',
    });
    assert.equal(result.changed.find((c) => c.id === 'spans-the-day')?.newDueDate, '2026-11-26');
    assert.equal(result.fromVersion, getCalendar(oldRules).ruleVersion);
    assert.equal(result.toVersion, getCalendar(newRules).ruleVersion);
    assert.notEqual(result.fromVersion, result.toVersion);
  });

  test('the answers equal a full recomputation with the new rules', () => {
    const result = recomputeDueDates(oldRules, newRules, items);
    const moved = new Map(result.changed.map((c) => [c.id, c.newDueAt.getTime()]));
    for (const it of items) {
      const full = computeDueDate(getCalendar(newRules), it).dueAt.getTime();
      assert.equal(moved.get(it.id) ?? it.dueAt.getTime(), full, it.id);
    }
  });

  test('a change of office hours touches every item of the unit', () => {
    const hoursChanged = structuredClone(oldRules);
    hoursChanged.units = { w: { officeHours: [{ from: '2026-01-01', sessions: [{ start: '07:30', end: '16:30' }], cutoff: '15:00' }] } };
    const unitItems = [item('a', '2026-03-02T10:00', { kind: 'working_days', amount: 1 }, { unitIds: ['w'] })];
    const result = recomputeDueDates(oldRules, hoursChanged, unitItems);
    assert.equal(result.touched, 1);
    assert.equal(formatLocal(result.changed[0].newDueAt), '2026-03-03T16:30:00+07:00');
  });

  test('identical rules change nothing', () => {
    const result = recomputeDueDates(oldRules, structuredClone(oldRules), items);
    assert.deepEqual([result.touched, result.changed.length], [0, 0]);
  });

  test('changed dates between two rule sets', () => {
    assert.deepEqual(changedDates(getCalendar(oldRules), getCalendar(newRules), '2026-01-01', '2026-12-31'), ['2026-11-24']);
  });
});
