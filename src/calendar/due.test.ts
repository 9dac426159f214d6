import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatLocal } from './dates.ts';
import { DEFAULT_CALENDAR_RULES } from './data/default-rules.ts';
import { addWorkingTime, computeDueDate, effectiveReceipt, toDuration, workingDaysBetween, workingTimeBetween, type DueDateInput } from './due.ts';
import { getCalendar } from './working-calendar.ts';
import type { CalendarRules, Duration } from './types.ts';

const cal = getCalendar(DEFAULT_CALENDAR_RULES);
const at = (local: string) => new Date(`${local}+07:00`);
const wd = (amount: number): Duration => ({ kind: 'working_days', amount });
const hours = (amount: number): Duration => ({ kind: 'working_hours', amount });
const days = (amount: number): Duration => ({ kind: 'calendar_days', amount });
const due = (start: string, duration: Duration, extra: Partial<DueDateInput> = {}, calendar = cal) =>
  formatLocal(computeDueDate(calendar, { start: at(start), duration, ...extra }).dueAt).slice(0, 16);

type Row = [start: string, duration: Duration, expected: string];
function table(rows: Row[]): void {
  for (const [start, duration, expected] of rows) {
    const amount = 'amount' in duration ? duration.amount : '';
    test(`${start} + ${amount} ${duration.kind} → ${expected}`, () => assert.equal(due(start, duration), expected));
  }
}

describe('the issue’s examples', () => {
  table([
    ['2026-01-09T10:00', wd(1), '2026-01-10T17:00'], // make-up Saturday
    ['2026-01-09T16:00', wd(1), '2026-01-12T17:00'], // after the cut-off: counted from Saturday 10/1
    ['2025-10-04T09:00', wd(2), '2025-10-08T17:00'], // received on a Saturday
    ['2026-01-09T15:30', hours(4), '2026-01-10T10:00'],
    ['2025-01-20T09:00', days(10), '2025-02-03T17:00'], // 30/1 is Tết: next working day
  ]);

  test('due result carries the date, the effective start and the rule version', () => {
    const result = computeDueDate(cal, { start: at('2026-01-09T16:00'), duration: wd(1) });
    assert.equal(result.dueDate, '2026-01-12');
    assert.equal(formatLocal(result.effectiveStart), '2026-01-10T07:30:00+07:00');
    assert.equal(result.ruleVersion, cal.ruleVersion);
    assert.equal(result.pausedMs, 0);
  });
});

describe('Tết 2025 (off 25/1–2/2), before and after the 15:00 cut-off', () => {
  table([
    ['2025-01-24T10:00', wd(1), '2025-02-03T17:00'],
    ['2025-01-24T16:00', wd(1), '2025-02-04T17:00'],
    ['2025-01-23T14:59', wd(3), '2025-02-04T17:00'],
    ['2025-01-23T15:01', wd(3), '2025-02-05T17:00'],
    ['2025-01-24T15:00', { kind: 'same_day' }, '2025-01-24T17:00'], // 15:00 is still before the cut-off
    ['2025-01-24T16:00', { kind: 'same_day' }, '2025-02-03T17:00'],
    ['2025-01-28T10:00', wd(1), '2025-02-04T17:00'], // received during Tết
    ['2025-01-24T14:00', hours(8), '2025-02-03T14:00'], // hours ignore the cut-off
    ['2025-01-24T16:00', hours(8), '2025-02-03T16:00'], // 1 h on Friday, 7 h on Monday
  ]);
});

describe('Tết 2026 (off 14–22/2), before and after the cut-off', () => {
  table([
    ['2026-02-13T10:00', wd(1), '2026-02-23T17:00'],
    ['2026-02-13T15:30', wd(1), '2026-02-24T17:00'],
    ['2026-02-12T09:00', wd(2), '2026-02-23T17:00'],
    ['2026-02-12T16:00', wd(2), '2026-02-24T17:00'],
    ['2026-02-10T09:00', days(5), '2026-02-23T17:00'], // 15/2 falls inside Tết
    ['2026-02-10T16:00', days(5), '2026-02-23T17:00'], // effective 11/2 + 5 = 16/2, also Tết
  ]);
});

describe('30/4–1/5/2025 with 2/5 swapped for Saturday 26/4', () => {
  table([
    ['2025-04-25T10:00', wd(1), '2025-04-26T17:00'], // the make-up Saturday counts
    ['2025-04-25T16:00', wd(1), '2025-04-28T17:00'], // effective receipt Saturday 26/4 07:30
    ['2025-04-26T09:00', wd(1), '2025-04-28T17:00'], // received on the make-up Saturday
    ['2025-04-26T16:00', wd(1), '2025-04-29T17:00'],
    ['2025-04-29T10:00', wd(1), '2025-05-05T17:00'], // 30/4, 1/5, 2/5 off, then the weekend
    ['2025-04-29T16:00', wd(1), '2025-05-06T17:00'],
  ]);
});

describe('1–2/1/2026 off with Saturday 10/1 worked', () => {
  table([
    ['2025-12-31T10:00', wd(1), '2026-01-05T17:00'],
    ['2025-12-31T16:00', wd(1), '2026-01-06T17:00'],
    ['2026-01-08T10:00', wd(2), '2026-01-10T17:00'],
    ['2026-01-08T16:00', wd(2), '2026-01-12T17:00'],
    ['2026-01-02T10:00', { kind: 'same_day' }, '2026-01-05T17:00'],
  ]);
});

describe('working hours and half days', () => {
  table([
    ['2026-01-08T07:00', hours(1), '2026-01-08T08:30'], // before opening: from 07:30
    ['2026-01-08T11:30', hours(1), '2026-01-08T14:00'], // lunch is not working time
    ['2026-01-08T12:15', hours(1), '2026-01-08T14:00'],
    ['2026-01-08T07:30', hours(8), '2026-01-08T17:00'], // ends at closing, not at the next opening
    ['2026-01-09T17:30', hours(1), '2026-01-10T08:30'],
    ['2026-01-09T18:00', hours(0), '2026-01-10T07:30'],
    ['2026-01-08T10:00', hours(0.5), '2026-01-08T10:30'],
    ['2025-01-20T09:00', wd(0.5), '2025-01-21T11:30'], // half of the next working day
    ['2025-01-20T09:00', wd(1.5), '2025-01-22T11:30'],
    ['2025-01-20T09:00', wd(0), '2025-01-20T17:00'],
  ]);

  test('bad durations and instants are refused', () => {
    assert.throws(() => due('2026-01-08T10:00', wd(1.25)), /whole or half days/);
    assert.throws(() => due('2026-01-08T10:00', days(1.5)), /whole days/);
    assert.throws(() => due('2026-01-08T10:00', wd(-1)), /from 0/);
    assert.throws(() => due('2026-01-08T10:00', { kind: 'weeks', amount: 1 } as unknown as Duration), /Unknown duration kind/);
    assert.throws(() => computeDueDate(cal, { start: new Date('nope'), duration: wd(1) }), /valid Date/);
    assert.throws(() => due('2200-01-02T10:00', wd(1)), /outside the supported range/);
  });

  test('durations from loose input (API, CLI)', () => {
    assert.deepEqual(toDuration('same_day', 3), { kind: 'same_day' });
    assert.deepEqual(toDuration('working_hours', 4), { kind: 'working_hours', amount: 4 });
    assert.throws(() => toDuration('working_days', Number.NaN), RangeError);
    assert.throws(() => toDuration('fortnights', 1), /Unknown duration kind/);
  });
});

describe('pauses and restarts', () => {
  const start = '2025-10-06T09:00'; // Monday; 5 working days → Monday 13/10 17:00
  const pause = (from: string, to: string) => ({ from: at(from), to: at(to) });

  test('without pauses', () => assert.equal(due(start, wd(5)), '2025-10-13T17:00'));

  test('a pause of one working day moves the due date one working day', () => {
    assert.equal(due(start, wd(5), { pauses: [pause('2025-10-08T07:30', '2025-10-09T07:30')] }), '2025-10-14T17:00');
  });

  test('a pause of two working hours moves it two working hours', () => {
    const result = computeDueDate(cal, { start: at(start), duration: wd(5), pauses: [pause('2025-10-08T09:00', '2025-10-08T11:00')] });
    assert.equal(formatLocal(result.dueAt), '2025-10-14T09:30:00+07:00');
    assert.equal(result.pausedMs, 2 * 3_600_000);
  });

  test('overlapping pauses count once; time outside office hours does not count', () => {
    const pauses = [pause('2025-10-08T09:00', '2025-10-08T11:00'), pause('2025-10-08T10:00', '2025-10-08T13:30')];
    assert.equal(due(start, wd(5), { pauses }), '2025-10-14T10:30'); // 09:00–11:30 + 13:00–13:30 = 3 h
    assert.equal(due(start, wd(5), { pauses: [pause('2025-10-10T17:00', '2025-10-13T07:30')] }), '2025-10-13T17:00');
  });

  test('a pause on the receipt day (before the clock starts) or after the due date changes nothing', () => {
    assert.equal(due(start, wd(5), { pauses: [pause('2025-10-06T10:00', '2025-10-06T12:00')] }), '2025-10-13T17:00');
    assert.equal(due(start, wd(5), { pauses: [pause('2025-10-14T08:00', '2025-10-14T10:00')] }), '2025-10-13T17:00');
  });

  test('a pause running past the due date extends by all of its working time', () => {
    // Paused Thursday 07:30 → Tuesday 07:30 = 3 working days, with 2 days left when it began.
    assert.equal(due(start, wd(5), { pauses: [pause('2025-10-09T07:30', '2025-10-14T07:30')] }), '2025-10-16T17:00');
  });

  test('a restart counts from the new start and forgets earlier pauses', () => {
    const pauses = [pause('2025-10-08T07:30', '2025-10-09T07:30')];
    assert.equal(due(start, wd(5), { pauses, restartAt: at('2025-10-15T16:00') }), '2025-10-23T17:00');
  });

  test('working-hours durations pause inside the hours', () => {
    assert.equal(due('2026-01-08T08:00', hours(4), { pauses: [pause('2026-01-08T09:00', '2026-01-08T10:00')] }), '2026-01-08T14:30'); // 13:30 + 1 h
  });
});

describe('working time between instants', () => {
  test('counts only office hours on working days, signed', () => {
    assert.equal(workingTimeBetween(cal, at('2026-01-09T15:30'), at('2026-01-10T10:00')), 4 * 3_600_000);
    assert.equal(workingTimeBetween(cal, at('2026-01-10T10:00'), at('2026-01-09T15:30')), -4 * 3_600_000);
    assert.equal(workingTimeBetween(cal, at('2025-01-24T17:00'), at('2025-02-03T07:30')), 0);
    assert.equal(workingDaysBetween(cal, at('2025-10-06T07:30'), at('2025-10-10T17:00')), 5);
  });

  test('adding working time to an instant (per-step deadlines)', () => {
    assert.equal(formatLocal(addWorkingTime(cal, at('2026-01-09T17:00'), 8 * 3_600_000)), '2026-01-10T17:00:00+07:00');
    assert.equal(formatLocal(addWorkingTime(cal, at('2026-01-09T16:00'), 2 * 3_600_000)), '2026-01-10T08:30:00+07:00');
    assert.throws(() => addWorkingTime(cal, at('2026-01-09T16:00'), -1), RangeError);
  });

  test('effective receipt under the cut-off', () => {
    assert.equal(formatLocal(effectiveReceipt(cal, at('2026-01-09T15:00'))), '2026-01-09T15:00:00+07:00');
    assert.equal(formatLocal(effectiveReceipt(cal, at('2026-01-09T15:00:01'))), '2026-01-10T07:30:00+07:00');
    assert.equal(formatLocal(effectiveReceipt(cal, at('2026-01-11T09:00'))), '2026-01-12T07:30:00+07:00');
    const hoursFrom = (start: string) => formatLocal(computeDueDate(cal, { start: at(start), duration: hours(1) }).effectiveStart);
    assert.equal(hoursFrom('2026-01-09T16:00'), '2026-01-09T16:00:00+07:00', 'no cut-off for hours');
    assert.equal(hoursFrom('2026-01-09T12:00'), '2026-01-09T13:00:00+07:00', 'the clock starts after lunch');
  });
});

describe('office hours per unit', () => {
  const rules: CalendarRules = {
    ...DEFAULT_CALENDAR_RULES,
    units: {
      'ward-a': {
        officeHours: [
          { from: '2020-01-01', sessions: [{ start: '08:00', end: '12:00' }, { start: '13:30', end: '16:30' }], cutoff: '16:00' },
          // Summer hours every year from 15/4 to 14/10.
          { from: '2020-01-01', season: { from: '04-15', to: '10-14' }, sessions: [{ start: '07:00', end: '11:00' }, { start: '13:30', end: '17:30' }], cutoff: '16:00' },
        ],
      },
    },
  };
  const ward = getCalendar(rules, ['ward-a']);

  test('the unit’s closing time and cut-off apply', () => {
    assert.equal(due('2026-01-08T15:30', wd(1), {}, ward), '2026-01-09T16:30'); // 15:30 is before this unit's 16:00 cut-off
    assert.equal(due('2026-01-08T16:10', wd(1), {}, ward), '2026-01-10T16:30');
    assert.equal(ward.dayLengthMs, 7 * 3_600_000);
  });

  test('seasonal hours apply inside the season only', () => {
    assert.equal(due('2026-06-08T10:00', wd(1), {}, ward), '2026-06-09T17:30');
    assert.equal(due('2026-06-08T10:30', hours(1), {}, ward), '2026-06-08T14:00');
    assert.deepEqual(ward.officeHours('2026-06-09')?.sessions[0], { start: '07:00', end: '11:00' });
    assert.equal(ward.officeHours('2026-06-13'), undefined, 'no hours on a Saturday');
  });
});

describe('window growth', () => {
  test('far dates work in both directions and keep earlier answers', () => {
    const rules = structuredClone(DEFAULT_CALENDAR_RULES);
    const fresh = getCalendar(rules);
    assert.equal(due('2150-03-02T10:00', wd(1), {}, fresh), '2150-03-03T17:00');
    assert.equal(due('1990-03-02T10:00', wd(1), {}, fresh), '1990-03-05T17:00');
    assert.equal(due('1900-01-01T10:00', wd(1), {}, fresh), '1900-01-02T17:00');
    assert.equal(due('2026-01-09T10:00', wd(1), {}, fresh), '2026-01-10T17:00');
    assert.throws(() => due('2199-12-30T10:00', wd(30), {}, fresh), /ends in 2199/);
  });
});
