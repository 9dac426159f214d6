import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { calendarFor } from '../calendar/repository.ts';
import { listDossiers, queueCounts, queues } from './queries.ts';
import { intake, listCaller } from './test/helpers.ts';

// The staff lists must be answered from an index whatever the table's size. The test tables are small, so the
// planner would rightly prefer a sequential scan: with `enable_seqscan = off` it shows which index it *can* use,
// and a list that has none is caught here instead of in production at ten million dossiers.

const users = ['bonglai.motcua1', 'bonglai.chuyenvien', 'tinh.baocao', 'admin'];

describe('staff list query plans', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  const caller = (username: string) => listCaller(t, username);

  /** The plan of the last query `run` sends, with sequential scans switched off, rolled back. */
  async function planOf(run: (db: Kysely<Schema>) => Promise<unknown>): Promise<string> {
    let captured: CompiledQuery | null = null;
    const db = new Kysely<Schema>({
      dialect: new PostgresDialect({ pool: t.database.pool }),
      log: (event) => {
        if (event.level === 'query') captured = event.query;
      },
    });
    let plan = '';
    await db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      await run(trx);
      const query = captured as CompiledQuery | null;
      assert.ok(query, 'no query was sent');
      const result = await trx.executeQuery<{ 'QUERY PLAN': string }>({ ...query, sql: `explain ${query.sql}` } as CompiledQuery<{ 'QUERY PLAN': string }>);
      plan = result.rows.map((r) => r['QUERY PLAN']).join('\n');
      throw new Error('roll back');
    }).catch((err: Error) => assert.equal(err.message, 'roll back'));
    return plan;
  }

  for (const username of users) {
    test(`${username}: every queue, the search by name and the queue counts read dossiers through an index`, async () => {
      const c = await caller(username);
      const { calendar } = await calendarFor(t.database.db, c.unitId);
      const now = new Date('2026-03-02T02:00:00Z');
      const base = { reach: c.reach, userId: c.userId, grants: c.grants, limit: 50, now, calendar };
      const cases: [string, Parameters<typeof listDossiers>[1]][] = [
        ...queues.map((queue) => [`queue ${queue}`, { ...base, queue }] as [string, Parameters<typeof listDossiers>[1]]),
        ['search by applicant name', { ...base, queue: 'all', q: 'Nguyễn Thị Hoa' }],
        ['search by code', { ...base, queue: 'all', q: 'H24.01-260302-0001' }],
      ];
      for (const [label, query] of cases) {
        const plan = await planOf((db) => listDossiers(db, query));
        assert.doesNotMatch(plan, /Seq Scan on dossiers/, `${username} ${label}:\n${plan}`);
      }
      const counts = await planOf((db) => queueCounts(db, c.reach, c.userId, c.grants, undefined, calendar, now));
      assert.doesNotMatch(counts, /Seq Scan on dossiers/, `${username} queue counts:\n${counts}`);
    });
  }

  test('a province list is the same whether its units are passed as values or as a sub-select (more than the limit)', async () => {
    const desk = await t.login('bonglai.motcua1');
    for (let i = 0; i < 3; i++) assert.equal((await intake(t, desk)).statusCode, 201);
    const c = await caller('tinh.baocao');
    const { calendar } = await calendarFor(t.database.db, c.unitId);
    const base = { reach: c.reach, userId: c.userId, grants: c.grants, limit: 2, now: t.ctx.clock(), calendar };
    let seen = 0;
    for (const queue of queues) {
      for (const q of [undefined, 'Nguyễn Thị']) {
        const byValues = await listDossiers(t.database.db, { ...base, queue, q });
        const bySubSelect = await listDossiers(t.database.db, { ...base, queue, q, maxListedUnits: 1 });
        assert.deepEqual(bySubSelect.items.map((d) => d.id), byValues.items.map((d) => d.id), `${queue} ${q ?? ''}`);
        assert.equal(bySubSelect.nextCursor, byValues.nextCursor);
        seen += byValues.items.length;
        const plan = await planOf((db) => listDossiers(db, { ...base, queue, q, maxListedUnits: 1 }));
        assert.doesNotMatch(plan, /Seq Scan on dossiers/, `${queue} ${q ?? ''}:\n${plan}`);
      }
    }
    assert.ok(seen > 0, 'the lists are not all empty');
  });
});
