import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { timelinesWritten } from './import/repository.ts';
import { intake } from './test/helpers.ts';
import { timelinesOutOfStep } from './test/timelines.ts';

// The timeline kept in each dossier row (migration 0016) by the database, whoever writes the events; intake and
// the actions put their pair in the row themselves (dossiers.http.test.ts checks the whole lifecycle).

describe('dossier timeline kept from its events', () => {
  let t: TestApp;
  let first: string;
  let second: string;
  before(async () => {
    t = await createTestApp({ now: new Date('2026-03-02T02:00:00Z') });
    const desk = await t.login('bonglai.motcua1');
    first = (await intake(t, desk)).json().id;
    second = (await intake(t, desk)).json().id;
  });
  after(() => t.close());

  const timeline = async (id: string) =>
    (await t.database.db.selectFrom('dossiers').select('timeline').where('id', '=', id).executeTakeFirstOrThrow()).timeline;

  test('intake writes the first pair', async () => {
    assert.deepEqual(await timeline(first), [['intake.complete', '2026-03-02T02:00:00.000Z']]);
  });

  test('events of several dossiers in one statement are appended to each, in the order of their ids', async () => {
    await sql`insert into dossier_events (dossier_id, at, actor_name, action, to_state) values
      (${first}, '2026-03-02T03:04:05.678+07:00', 'Hệ thống', 'note', 'received'),
      (${second}, '2026-03-02T04:00:00Z', 'Hệ thống', 'note', 'received'),
      (${first}, '2026-03-02T05:00:00.001Z', 'Hệ thống', 'assign', 'received')`.execute(t.database.db);
    assert.deepEqual(await timeline(first), [
      ['intake.complete', '2026-03-02T02:00:00.000Z'], ['note', '2026-03-01T20:04:05.678Z'], ['assign', '2026-03-02T05:00:00.001Z'],
    ]);
    assert.deepEqual((await timeline(second)).at(-1), ['note', '2026-03-02T04:00:00.000Z']);
    assert.deepEqual(await timelinesOutOfStep(t.database.db), []);
  });

  test('a writer that put the pair in the row already leaves nothing to append: the row gets no second version', async () => {
    const ctid = async (db: typeof t.database.db) =>
      (await sql<{ ctid: string }>`select ctid::text from dossiers where id = ${first}`.execute(db)).rows[0].ctid;
    const length = (await timeline(first)).length;
    await t.database.db.transaction().execute(async (trx) => {
      await sql`update dossiers set timeline = timeline || ${JSON.stringify([['note', '2026-03-02T08:00:00.000Z']])}::jsonb where id = ${first}`.execute(trx);
      const written = await ctid(trx);
      await sql`insert into dossier_events (dossier_id, at, actor_name, action, to_state)
        values (${first}, '2026-03-02T08:00:00Z', 'Hệ thống', 'note', 'received')`.execute(trx);
      assert.equal(await ctid(trx), written);
    });
    assert.equal((await timeline(first)).length, length + 1);
    assert.deepEqual(await timelinesOutOfStep(t.database.db), []);
  });

  test('each writer of events keeps the timeline whole: finished on the spot, a payment and its refund', async () => {
    const desk = await t.login('bonglai.motcua1');
    const done = (await intake(t, desk, { code: '2.000815', extra: { finishNow: { resultNumber: '7/2026' } } })).json();
    assert.deepEqual((await timeline(done.id)).map(([action]) => action), ['intake.complete', 'record_result', 'return_result']);
    const paid = (await intake(t, desk, { code: '2.000635' })).json();
    let d = (await t.as(desk, { url: `/api/v1/dossiers/${paid.id}` })).json();
    const pay = await t.as(desk, { method: 'POST', url: `/api/v1/dossiers/${paid.id}/payments`, payload: { version: d.version, amount: d.fees.total, method: 'cash' } });
    assert.equal(pay.statusCode, 200, pay.body);
    d = (await t.as(desk, { url: `/api/v1/dossiers/${paid.id}` })).json();
    const refund = await t.as(desk, {
      method: 'POST', url: `/api/v1/dossiers/${paid.id}/payments/${pay.json().payments[0].id}/refund`, payload: { version: d.version, amount: d.fees.total, reason: 'Thu nhầm' },
    });
    assert.equal(refund.statusCode, 200, refund.body);
    assert.deepEqual((await timeline(paid.id)).map(([action]) => action), ['intake.complete', 'payment', 'refund']);
    assert.deepEqual(await timelinesOutOfStep(t.database.db), []);
  });

  test('a bulk writer that wrote the pairs itself says so, and nothing is appended twice', async () => {
    const before = await timeline(second);
    await t.database.db.transaction().execute(async (trx) => {
      await timelinesWritten(trx);
      await sql`insert into dossier_events (dossier_id, at, actor_name, action, to_state)
        values (${second}, '2026-03-02T06:00:00Z', 'Hệ thống', 'note', 'received')`.execute(trx);
    });
    assert.deepEqual(await timeline(second), before);
    // The setting lasts for that transaction only.
    await sql`insert into dossier_events (dossier_id, at, actor_name, action, to_state)
      values (${second}, '2026-03-02T07:00:00Z', 'Hệ thống', 'note', 'received')`.execute(t.database.db);
    assert.deepEqual((await timeline(second)).at(-1), ['note', '2026-03-02T07:00:00.000Z']);
  });
});
