import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatLocal, VN_OFFSET_MS } from './dates.ts';

// What formatLocal computes by arithmetic, said with the Date API.
const byDateApi = (ms: number) => `${new Date(ms + VN_OFFSET_MS).toISOString().slice(0, ms % 1000 === 0 ? 19 : 23)}+07:00`;

test('formatLocal writes the Vietnamese wall clock with +07:00, milliseconds only when there are some', () => {
  assert.equal(formatLocal(new Date('2026-01-10T10:00:00Z')), '2026-01-10T17:00:00+07:00');
  assert.equal(formatLocal(Date.parse('2025-12-31T17:00:00.007Z')), '2026-01-01T00:00:00.007+07:00');
  assert.equal(formatLocal(Date.parse('2024-02-29T16:59:59.999Z')), '2024-02-29T23:59:59.999+07:00');
  assert.equal(formatLocal(Date.parse('1969-12-31T16:59:59.090Z')), '1969-12-31T23:59:59.090+07:00');
});

test('formatLocal agrees with the Date API from year 1000 to 9999, before and after 1970', () => {
  const low = Date.parse('1000-01-01T00:00:00Z');
  const high = Date.parse('9999-12-31T16:00:00Z');
  let seed = 7;
  const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  for (let i = 0; i < 50_000; i++) {
    const ms = Math.floor(low + random() * (high - low));
    const instant = i % 3 === 0 ? ms - (ms % 1000) : ms;
    assert.equal(formatLocal(instant), byDateApi(instant), String(instant));
  }
});

test('formatLocal keeps the Date API form outside years 1000-9999', () => {
  for (const iso of ['0500-06-01T00:00:00Z', '0999-12-31T16:59:59.5Z']) assert.equal(formatLocal(Date.parse(iso)), byDateApi(Date.parse(iso)));
});
