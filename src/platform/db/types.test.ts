import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import { installTypeParsers, parseTimestamptz } from './types.ts';

// node-postgres' own parser, the reference (taken before ours is installed).
const general = pg.types.getTypeParser(1184) as (text: string) => Date | number | null;

test('parseTimestamptz reads what PostgreSQL writes as the general parser does', () => {
  const offsets = ['+00', '+07', '-03', '+05:30', '-03:30', '+05:45', '+07:06:40', '-00:25:21', '+14'];
  const fractions = ['', '.1', '.12', '.123', '.1234', '.999999', '.000001', '.05'];
  let seed = 11;
  const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  for (let i = 0; i < 20_000; i++) {
    const at = new Date(Date.parse('1000-01-02T00:00:00Z') + random() * (Date.parse('9999-12-30T00:00:00Z') - Date.parse('1000-01-02T00:00:00Z')));
    const text = `${at.toISOString().slice(0, 19).replace('T', ' ')}${fractions[i % fractions.length]}${offsets[i % offsets.length]}`;
    const ours = parseTimestamptz(text);
    assert.ok(ours, text);
    assert.equal(ours.getTime(), (general(text) as Date).getTime(), text);
  }
});

test('parseTimestamptz leaves infinity, BC, years outside 1000-9999 and other date styles to the general parser', () => {
  for (const text of ['infinity', '-infinity', '0044-03-15 12:00:00+00 BC', '0999-12-31 23:59:59+07', '10000-01-01 00:00:00+00',
    '01/10/2026 10:00:00.00 UTC', 'Sat Jan 10 10:00:00 2026 UTC', '2026-01-10 10:00:00', '2026-01-10 10:00:00+7', '2026-01-10 10:00:00+07:3']) {
    assert.equal(parseTimestamptz(text), null, text);
  }
  installTypeParsers();
  const installed = pg.types.getTypeParser(1184) as (text: string) => Date | number | null;
  assert.equal(installed('infinity'), Infinity);
  assert.equal((installed('0044-03-15 12:00:00+00 BC') as Date).getTime(), (general('0044-03-15 12:00:00+00 BC') as Date).getTime());
  assert.equal((installed('2026-01-10 10:00:00.5+07') as Date).toISOString(), '2026-01-10T03:00:00.500Z');
});
