import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { intake } from './test/helpers.ts';
import { timelinesOutOfStep } from './test/timelines.ts';

// Confirming 24/11/2026 as a day off moves only the open dossiers whose period contains it.
let t: TestApp;
before(async () => {
  t = await createTestApp({ now: new Date('2026-11-16T02:00:00Z') }); // Monday 16/11 09:00
});
after(() => t.close());

test('a schedule change recomputes the touched open dossiers and says how many', async () => {
  const desk = await t.login('bonglai.motcua1');
  const early = (await intake(t, desk)).json(); // 3 working days → Thu 19/11
  t.setNow('2026-11-20T02:00:00Z'); // Friday 20/11
  const desk2 = await t.login('bonglai.motcua2');
  const touched = (await intake(t, desk2)).json(); // → Wed 25/11, across Tue 24/11
  const due = async (id: string) => (await t.as(await t.login('bonglai.lanhdao'), { url: `/api/v1/dossiers/${id}` })).json();
  assert.equal((await due(touched.id)).dueAt, '2026-11-25T17:00:00+07:00');

  const admin = await t.login('admin');
  const rules = (await t.as(admin, { url: '/api/v1/calendar/rules' })).json();
  const y2026 = rules.rules.schedules.find((s: { year: number }) => s.year === 2026);
  const entries = y2026.entries.map((e: { date: string; kind: string }) => (e.date === '2026-11-24' ? { ...e, kind: 'holiday' } : e));
  const put = await t.as(admin, { method: 'PUT', url: '/api/v1/calendar/schedules/2026', payload: { schedule: { summary: y2026.summary, entries }, note: 'Ngày Văn hóa Việt Nam' } });
  assert.equal(put.statusCode, 200, put.body);
  assert.deepEqual(put.json().recomputed.dossiers, { touched: 1, changed: 1 });

  const moved = await due(touched.id);
  assert.equal(moved.dueAt, '2026-11-26T17:00:00+07:00');
  assert.equal(moved.appointmentAt, '2026-11-26T17:00:00+07:00');
  assert.equal(moved.calendarRuleVersion, put.json().ruleVersion);
  assert.equal(moved.timeline.at(-1).action, 'recompute_due');
  assert.deepEqual(await timelinesOutOfStep(t.database.db), []);
  assert.equal((await due(early.id)).dueAt, '2026-11-19T17:00:00+07:00');
  const stats = await t.database.db.selectFrom('dossier_stats').select(['period_start', 'due']).where('period', '=', 'day').where('due', '>', 0).orderBy('period_start').execute();
  assert.deepEqual(stats.map((s) => `${s.period_start}:${s.due}`), ['2026-11-19:1', '2026-11-26:1']);
});
