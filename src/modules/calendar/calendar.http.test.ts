import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { countRows, createTestApp, type TestApp } from '../../testing/app.ts';
import { recentUnitChain, unitChain } from './repository.ts';

describe('calendar API', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const due = async (start: string, amount: number | null, unit: string) => {
    const q = `start=${encodeURIComponent(start)}&unit=${unit}${amount === null ? '' : `&amount=${amount}`}`;
    return t.app.inject({ url: `/api/v1/calendar/due-date?${q}` });
  };

  test('due dates from the issue', async () => {
    const cases: [string, number | null, string, string][] = [
      ['2026-01-09T10:00:00+07:00', 1, 'working_days', '2026-01-10T17:00:00+07:00'],
      ['2026-01-09T16:00:00+07:00', 1, 'working_days', '2026-01-12T17:00:00+07:00'],
      ['2025-10-04T09:00:00+07:00', 2, 'working_days', '2025-10-08T17:00:00+07:00'],
      ['2026-01-09T15:30:00+07:00', 4, 'working_hours', '2026-01-10T10:00:00+07:00'],
      ['2025-01-20T09:00:00+07:00', 10, 'calendar_days', '2025-02-03T17:00:00+07:00'],
      ['2026-01-09T03:00:00Z', null, 'same_day', '2026-01-09T17:00:00+07:00'],
    ];
    for (const [start, amount, unit, expected] of cases) {
      const res = await due(start, amount, unit);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().dueAt, expected, `${start} + ${amount} ${unit}`);
      assert.match(res.json().ruleVersion, /^cal-/);
    }
    // An unencoded '+' arrives as a space and is repaired.
    const raw = await t.app.inject({ url: '/api/v1/calendar/due-date?start=2026-01-09T10:00:00+07:00&amount=1&unit=working_days' });
    assert.equal(raw.json().dueAt, '2026-01-10T17:00:00+07:00');
  });

  test('bad parameters get a 400 with the error shape', async () => {
    for (const url of [
      '/api/v1/calendar/due-date?start=yesterday&amount=1&unit=working_days',
      '/api/v1/calendar/due-date?start=2026-01-09T10:00:00Z&amount=1&unit=fortnights',
      '/api/v1/calendar/due-date?start=2026-01-09T10:00:00Z&unit=working_days',
      '/api/v1/calendar/due-date?start=2026-01-09T10:00:00Z&amount=-1&unit=working_days',
      '/api/v1/calendar/rest-days?year=abc',
      '/api/v1/calendar/lunar?date=2026-02-30',
    ]) {
      const res = await t.app.inject({ url });
      assert.equal(res.statusCode, 400, url);
      assert.ok(res.json().error.messageVi, url);
    }
  });

  test('rest days of 2026 and the lunar date of Tết', async () => {
    const res = await t.app.inject({ url: '/api/v1/calendar/rest-days?year=2026' });
    const body = res.json();
    const dates = new Map(body.restDays.map((d: { date: string; kind: string }) => [d.date, d.kind]));
    assert.equal(dates.get('2026-01-02'), 'swap_day_off');
    assert.equal(dates.get('2026-02-17'), 'holiday');
    assert.equal(dates.get('2026-04-27'), 'observed');
    assert.equal(dates.get('2026-02-14'), 'weekend');
    assert.equal(dates.has('2026-11-24'), false);
    assert.deepEqual(body.makeupWorkdays.map((d: { date: string }) => d.date), ['2026-01-10', '2026-08-22']);
    assert.equal(new Set(body.restDays.map((d: { date: string }) => d.date)).size, body.restDays.length);
    const lunar = await t.app.inject({ url: '/api/v1/calendar/lunar?date=2030-02-02' });
    assert.deepEqual(lunar.json(), { day: 1, month: 1, year: 2030, leap: false });
  });

  test('an administrator confirms 24/11/2026 as a day off: new rule version, audited, due dates move', async () => {
    const before = await due('2026-11-23T09:00:00+07:00', 1, 'working_days');
    assert.equal(before.json().dueAt, '2026-11-24T17:00:00+07:00');
    const rules = (await t.as(await t.login('admin'), { url: '/api/v1/calendar/rules' })).json();
    const y2026 = rules.rules.schedules.find((s: { year: number }) => s.year === 2026);
    const entries = y2026.entries.map((e: { date: string; kind: string }) => (e.date === '2026-11-24' ? { ...e, kind: 'holiday' } : e));
    const admin = await t.login('admin');
    const auditBefore = await countRows(t.database, 'audit_log');
    const put = await t.as(admin, { method: 'PUT', url: '/api/v1/calendar/schedules/2026', payload: { schedule: { summary: y2026.summary, entries }, note: 'Ngày Văn hóa Việt Nam được xác nhận' } });
    assert.equal(put.statusCode, 200, put.body);
    assert.notEqual(put.json().ruleVersion, rules.ruleVersion);
    assert.equal(await countRows(t.database, 'audit_log'), auditBefore + 1);
    const afterChange = await due('2026-11-23T09:00:00+07:00', 1, 'working_days');
    assert.equal(afterChange.json().dueAt, '2026-11-25T17:00:00+07:00');
    assert.equal(afterChange.json().ruleVersion, put.json().ruleVersion);

    const outside = await t.as(admin, { method: 'PUT', url: '/api/v1/calendar/schedules/2026', payload: { schedule: { summary: '', entries: [{ date: '2027-01-01', kind: 'holiday', name: 'x' }] } } });
    assert.equal(outside.statusCode, 400);
    assert.match(outside.json().error.messageVi, /Ngày 2027-01-01 không thuộc năm 2026/, outside.body);
    const overlapping = await t.as(admin, {
      method: 'PUT', url: '/api/v1/calendar/national-rules',
      payload: { holidayRules: [], officeHours: [{ from: '2020-01-01', sessions: [{ start: '13:00', end: '11:00' }], cutoff: '16:00' }] },
    });
    assert.equal(overlapping.statusCode, 400, overlapping.body);
    assert.match(overlapping.json().error.messageVi, /giờ làm việc thứ 1: các buổi làm việc phải theo thứ tự và không chồng lên nhau/, overlapping.body);
    const desk = await t.login('bonglai.motcua1');
    const denied = await t.as(desk, { method: 'PUT', url: '/api/v1/calendar/schedules/2026', payload: { schedule: null } });
    assert.equal(denied.statusCode, 403);
  });

  test('a ward administrator adds a local day off for the ward only', async () => {
    const ward = (await t.app.inject({ url: '/api/v1/units?code=09295' })).json().items[0];
    const other = (await t.app.inject({ url: '/api/v1/units?code=09187' })).json().items[0];
    const admin = await t.login('bonglai.quantri');
    const put = await t.as(admin, {
      method: 'PUT', url: `/api/v1/calendar/units/${ward.id}`,
      payload: { calendar: { entries: [{ date: '2026-06-15', kind: 'holiday', name: 'Ngày hội truyền thống phường' }] } },
    });
    assert.equal(put.statusCode, 200, put.body);
    const here = await t.app.inject({ url: `/api/v1/calendar/due-date?start=2026-06-12T09:00:00%2B07:00&amount=1&unit=working_days&unitId=${ward.id}` });
    const there = await t.app.inject({ url: `/api/v1/calendar/due-date?start=2026-06-12T09:00:00%2B07:00&amount=1&unit=working_days&unitId=${other.id}` });
    assert.equal(here.json().dueAt, '2026-06-16T17:00:00+07:00');
    assert.equal(there.json().dueAt, '2026-06-15T17:00:00+07:00');
    const notMine = await t.as(admin, { method: 'PUT', url: `/api/v1/calendar/units/${other.id}`, payload: { calendar: null } });
    assert.equal(notMine.statusCode, 403);
  });

  test('a unit\'s chain is remembered for a minute, then read again (a moved unit takes its new parents\' days)', async () => {
    const db = t.database.db;
    const ward = (await t.app.inject({ url: '/api/v1/units?code=09295' })).json().items[0];
    const otherWard = (await t.app.inject({ url: '/api/v1/units?code=09187' })).json().items[0];
    const t0 = Date.parse('2030-01-01T00:00:00Z'); // far from what other tests cached
    const chain = await recentUnitChain(db, ward.id, t0);
    assert.deepEqual(chain, await unitChain(db, ward.id));
    assert.equal(chain.at(-1), ward.id);
    const { parent_id: parentBefore } = await db.selectFrom('units').select('parent_id').where('id', '=', ward.id).executeTakeFirstOrThrow();
    await db.updateTable('units').set({ parent_id: otherWard.id }).where('id', '=', ward.id).execute();
    try {
      assert.deepEqual(await recentUnitChain(db, ward.id, t0 + 59_000), chain);
      const moved = await recentUnitChain(db, ward.id, t0 + 61_000);
      assert.deepEqual(moved, await unitChain(db, ward.id));
      assert.equal(moved.at(-2), otherWard.id);
    } finally {
      await db.updateTable('units').set({ parent_id: parentBefore }).where('id', '=', ward.id).execute();
    }
  });
});

test('CLI prints the same JSON as the API', () => {
  const env = { ...process.env, DATA_DIR: mkdtempSync(join(tmpdir(), 'gandan-cli-')), SEED_DEMO: 'false' };
  const bin = new URL('../../../bin/gandan.mjs', import.meta.url).pathname;
  const due = spawnSync(process.execPath, [bin, 'calendar', 'due', '--start', '2026-01-09T10:00:00+07:00', '--amount', '1', '--kind', 'working_days'], { env, encoding: 'utf8' });
  assert.equal(due.status, 0, due.stderr);
  assert.equal(JSON.parse(due.stdout).dueAt, '2026-01-10T17:00:00+07:00');
  const rest = spawnSync(process.execPath, [bin, 'calendar', 'rest-days', '2025'], { env, encoding: 'utf8' });
  assert.equal(rest.status, 0, rest.stderr);
  const kinds = new Map(JSON.parse(rest.stdout).restDays.map((d: { date: string; kind: string }) => [d.date, d.kind]));
  assert.equal(kinds.get('2025-05-02'), 'swap_day_off');
  const bad = spawnSync(process.execPath, [bin, 'calendar', 'due', '--start', 'soon', '--kind', 'working_days'], { env, encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /RFC 3339/);
});
