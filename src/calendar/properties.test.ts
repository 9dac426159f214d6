import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { dayNumber, isoDate, localDate } from './dates.ts';
import { DEFAULT_CALENDAR_RULES } from './data/default-rules.ts';
import { addWorkingTime, computeDueDate, effectiveReceipt, workingTimeBetween } from './due.ts';
import { dayOfLunar, lunarOfDay, lunarToSolar, solarToLunar } from './lunar.ts';
import { getCalendar } from './working-calendar.ts';
import type { Duration, Pause } from './types.ts';

const official = getCalendar(DEFAULT_CALENDAR_RULES);
const rulesOnly = getCalendar({ ...DEFAULT_CALENDAR_RULES, schedules: [] });
const calendars = fc.constantFrom(official, rulesOnly);
const runs = { numRuns: 400 };

const instant = fc.date({ min: new Date('2019-06-01T00:00:00Z'), max: new Date('2031-06-01T00:00:00Z'), noInvalidDate: true });
const duration: fc.Arbitrary<Duration> = fc.oneof(
  fc.integer({ min: 0, max: 60 }).map((amount) => ({ kind: 'working_days' as const, amount })),
  fc.integer({ min: 0, max: 20 }).map((n) => ({ kind: 'working_days' as const, amount: n + 0.5 })),
  fc.constant({ kind: 'same_day' as const }),
  fc.integer({ min: 0, max: 400 }).map((quarters) => ({ kind: 'working_hours' as const, amount: quarters / 4 })),
  fc.integer({ min: 0, max: 90 }).map((amount) => ({ kind: 'calendar_days' as const, amount })),
);
const pause: fc.Arbitrary<Pause> = fc
  .tuple(instant, fc.integer({ min: 1, max: 20 * 86_400_000 }))
  .map(([from, length]) => ({ from, to: new Date(from.getTime() + length) }));
const withAmount = (d: Duration, amount: number): Duration => (d.kind === 'same_day' ? d : { ...d, amount });

describe('due-date properties', () => {
  test('a due date is always a working day, never before the receipt', () => {
    fc.assert(
      fc.property(calendars, instant, duration, fc.array(pause, { maxLength: 3 }), (cal, start, d, pauses) => {
        const { dueAt, dueDate } = computeDueDate(cal, { start, duration: d, pauses });
        assert.equal(cal.isWorkingDay(dueDate), true, `${dueDate} is a rest day`);
        assert.equal(localDate(dueAt), dueDate);
        assert.ok(dueAt.getTime() >= Math.min(start.getTime(), effectiveReceipt(cal, start).getTime()));
      }),
      runs,
    );
  });

  test('more time never gives an earlier date; a later start never does either', () => {
    fc.assert(
      fc.property(calendars, instant, duration, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 5 * 86_400_000 }), (cal, start, d, extra, delay) => {
        const base = computeDueDate(cal, { start, duration: d }).dueAt.getTime();
        const amount = 'amount' in d ? d.amount : 0;
        const longer = computeDueDate(cal, { start, duration: withAmount(d, amount + extra) }).dueAt.getTime();
        const later = computeDueDate(cal, { start: new Date(start.getTime() + delay), duration: d }).dueAt.getTime();
        assert.ok(longer >= base, 'longer duration gave an earlier due date');
        assert.ok(later >= base, 'later start gave an earlier due date');
      }),
      runs,
    );
  });

  test('a pause never gives an earlier date', () => {
    fc.assert(
      fc.property(calendars, instant, duration, fc.array(pause, { maxLength: 2 }), pause, (cal, start, d, pauses, extra) => {
        const before = computeDueDate(cal, { start, duration: d, pauses }).dueAt.getTime();
        const after = computeDueDate(cal, { start, duration: d, pauses: [...pauses, extra] }).dueAt.getTime();
        assert.ok(after >= before);
      }),
      runs,
    );
  });

  test('working_days N+1 is exactly one working day after N', () => {
    fc.assert(
      fc.property(calendars, instant, fc.integer({ min: 0, max: 60 }), (cal, start, n) => {
        const dueN = computeDueDate(cal, { start, duration: { kind: 'working_days', amount: n } }).dueDate;
        const dueN1 = computeDueDate(cal, { start, duration: { kind: 'working_days', amount: n + 1 } }).dueDate;
        assert.equal(dueN1, cal.nextWorkingDay(dueN));
      }),
      runs,
    );
  });

  test('working time adds up, and adding working time is its inverse', () => {
    fc.assert(
      fc.property(calendars, instant, instant, instant, fc.integer({ min: 0, max: 400 * 3_600_000 }), (cal, a, b, c, ms) => {
        assert.equal(workingTimeBetween(cal, a, b) + workingTimeBetween(cal, b, c), workingTimeBetween(cal, a, c));
        assert.equal(workingTimeBetween(cal, a, addWorkingTime(cal, a, ms)), ms);
      }),
      runs,
    );
  });
});

describe('lunar properties', () => {
  const day = fc.integer({ min: dayNumber('1900-01-01'), max: dayNumber('2199-12-31') });

  test('solar → lunar → solar is the identity, and lunar days are 1…30', () => {
    fc.assert(
      fc.property(day, (d) => {
        const lunar = solarToLunar(isoDate(d));
        assert.ok(lunar.day >= 1 && lunar.day <= 30);
        assert.equal(lunarToSolar(lunar), isoDate(d));
      }),
      { numRuns: 2000 },
    );
  });

  test('consecutive days are consecutive lunar days or a new month', () => {
    fc.assert(
      fc.property(day.filter((d) => d < dayNumber('2199-12-31')), (d) => {
        const [a, b] = [lunarOfDay(d), lunarOfDay(d + 1)];
        if (b.day === 1) assert.ok(a.day === 29 || a.day === 30);
        else assert.deepEqual(b, { ...a, day: a.day + 1 });
        assert.equal(dayOfLunar(b) - dayOfLunar(a), 1);
      }),
      { numRuns: 2000 },
    );
  });
});
