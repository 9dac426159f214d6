import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatVnd, formatVnDate, formatVnDateTime, formatVnDateTimeShort, formatVnLongDate, formatVnTime, vnDateLine,
} from './format.ts';

test('dates and times are Vietnamese wall time (UTC+7), whatever the process time zone', () => {
  // 17:30 UTC on 31 Jan is 00:30 on 1 Feb in Vietnam.
  const lateNight = new Date('2026-01-31T17:30:00Z');
  assert.equal(formatVnDate(lateNight), '01/02/2026');
  assert.equal(formatVnTime(lateNight), '00:30');
  assert.equal(formatVnDateTime(lateNight), '00 giờ 30 phút, ngày 01/02/2026');
  assert.equal(formatVnDateTimeShort(lateNight), '01/02/2026 00:30');
  // 16:59 UTC is still the same Vietnamese day (23:59).
  assert.equal(formatVnDateTimeShort(new Date('2026-12-31T16:59:00Z')), '31/12/2026 23:59');
  assert.equal(formatVnDate(new Date('2026-12-31T17:00:00Z')), '01/01/2027');
});

test('calendar dates (YYYY-MM-DD) print as they are', () => {
  assert.equal(formatVnDate('2026-01-09'), '09/01/2026');
  assert.throws(() => formatVnDate('2026-1-9'), RangeError);
  assert.throws(() => formatVnDate(new Date('nonsense')), RangeError);
});

test('long dates follow Decree 30/2020: a leading zero for days below 10 and months below 3', () => {
  assert.equal(formatVnLongDate('2026-01-09'), 'ngày 09 tháng 01 năm 2026');
  assert.equal(formatVnLongDate('2026-02-05'), 'ngày 05 tháng 02 năm 2026');
  assert.equal(formatVnLongDate('2026-03-05'), 'ngày 05 tháng 3 năm 2026');
  assert.equal(formatVnLongDate('2026-12-25'), 'ngày 25 tháng 12 năm 2026');
  assert.equal(vnDateLine('Bồng Lai', new Date('2026-01-09T01:05:00Z')), 'Bồng Lai, ngày 09 tháng 01 năm 2026');
  assert.equal(vnDateLine('Bồng Lai'.normalize('NFD'), '2026-01-09'), 'Bồng Lai, ngày 09 tháng 01 năm 2026'.normalize('NFC'));
});

test('amounts in đồng group thousands with dots', () => {
  assert.equal(formatVnd(0), '0 đồng');
  assert.equal(formatVnd(8000), '8.000 đồng');
  assert.equal(formatVnd(1250000), '1.250.000 đồng');
  assert.equal(formatVnd(-50000), '-50.000 đồng');
  assert.throws(() => formatVnd(Number.NaN), RangeError);
});
