import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CALENDAR_RULES } from './data/default-rules.ts';
import { classifyDeadline, describeDeadline, formatWorkingTime } from './status.ts';
import { getCalendar } from './working-calendar.ts';

const cal = getCalendar(DEFAULT_CALENDAR_RULES);
const at = (local: string) => new Date(`${local}+07:00`);
const dueAt = at('2026-01-14T17:00'); // Wednesday

describe('classification', () => {
  const rows: Array<[string, string | null, string | null, string]> = [
    ['finished the day before', '2026-01-13T16:59', null, 'early'],
    ['finished on the due date, even after the due time', '2026-01-14T17:30', null, 'on_time'],
    ['finished just after midnight (UTC+7) of the next day', '2026-01-15T00:01', null, 'late'],
    ['open before the due date', null, '2026-01-12T10:00', 'within_deadline'],
    ['open on the due date after the due time', null, '2026-01-14T18:00', 'within_deadline'],
    ['open the day after', null, '2026-01-15T07:00', 'overdue'],
  ];
  for (const [label, finished, now, expected] of rows) {
    test(`${label} → ${expected}`, () => {
      const status = classifyDeadline({ dueAt, finishedAt: finished ? at(finished) : null, now: now ? at(now) : undefined });
      assert.equal(status, expected);
    });
  }

  test('the date is the Vietnamese date, whatever the instant’s UTC date', () => {
    // 2026-01-14T23:30+07:00 is still 14/1 in Vietnam but 16:30 UTC; 2026-01-15T06:00+07:00 is 14/1 in UTC.
    assert.equal(classifyDeadline({ dueAt, finishedAt: new Date('2026-01-14T16:30:00Z') }), 'on_time');
    assert.equal(classifyDeadline({ dueAt, finishedAt: new Date('2026-01-14T23:00:00Z') }), 'late');
  });

  test('an open item needs now', () => assert.throws(() => classifyDeadline({ dueAt }), /now is required/));
});

describe('phrases', () => {
  test('remaining working time: "còn 2 ngày 3 giờ" / "2 days 3 hours left"', () => {
    const d = describeDeadline(cal, { dueAt, now: at('2026-01-12T14:00') }); // 3 h Monday + 2 days
    assert.deepEqual([d.vi, d.en, d.status], ['còn 2 ngày 3 giờ', '2 days 3 hours left', 'within_deadline']);
  });

  test('overdue: "quá hạn 1 ngày" / "1 day overdue"', () => {
    const d = describeDeadline(cal, { dueAt, now: at('2026-01-15T17:00') });
    assert.deepEqual([d.vi, d.en, d.workingMs], ['quá hạn 1 ngày', '1 day overdue', -8 * 3_600_000]);
  });

  test('overdue across a weekend counts working time only', () => {
    const d = describeDeadline(cal, { dueAt: at('2026-01-16T17:00'), now: at('2026-01-19T09:15') });
    assert.deepEqual([d.vi, d.en], ['quá hạn 1 giờ 45 phút', '1 hour 45 minutes overdue']);
    const weekend = describeDeadline(cal, { dueAt: at('2026-01-16T17:00'), now: at('2026-01-17T10:00') });
    assert.deepEqual([weekend.status, weekend.vi, weekend.en], ['overdue', 'quá hạn', 'overdue']);
  });

  test('due today after the due time; minutes; finished items', () => {
    assert.equal(describeDeadline(cal, { dueAt, now: at('2026-01-14T17:30') }).en, 'due today');
    assert.equal(describeDeadline(cal, { dueAt, now: at('2026-01-14T16:15') }).vi, 'còn 45 phút');
    const early = describeDeadline(cal, { dueAt, finishedAt: at('2026-01-13T17:00') });
    assert.deepEqual([early.vi, early.en], ['Trước hạn 1 ngày', '1 day early']);
    const late = describeDeadline(cal, { dueAt, finishedAt: at('2026-01-16T09:30') });
    assert.deepEqual([late.vi, late.en], ['Trễ hạn 1 ngày 2 giờ', '1 day 2 hours late']);
    assert.equal(describeDeadline(cal, { dueAt, finishedAt: at('2026-01-14T10:00') }).vi, 'Đúng hạn');
  });

  test('formatting keeps two units at most and handles singulars', () => {
    const day = 8 * 3_600_000;
    assert.deepEqual(formatWorkingTime(day + 60_000, day), { vi: '1 ngày', en: '1 day' });
    assert.deepEqual(formatWorkingTime(3_600_000 + 60_000, day), { vi: '1 giờ 1 phút', en: '1 hour 1 minute' });
    assert.deepEqual(formatWorkingTime(30_000, day), { vi: 'dưới 1 phút', en: 'less than a minute' });
  });
});
