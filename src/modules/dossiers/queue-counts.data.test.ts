// The queue counts come from counts the database maintains (migrations/0013_queue_counts.sql). They must equal a
// recount from the dossiers after a bulk load that switches row triggers off, after ordinary updates and deletes,
// and the counts the staff see must equal counting the dossiers in reach one by one.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { unitInReach, unitUnder, type Reach } from '../../access/reach.ts';
import { systemActor } from '../../audit/audit.ts';
import { addWorkingTime, localDate, localInstant, type WorkingCalendar } from '../../calendar/index.ts';
import { demoSeeders } from '../../demo/seeders.ts';
import { seedDemo } from '../../demo/seed.ts';
import type { Database } from '../../platform/db/engine.ts';
import { createTestDatabase, testEngine } from '../../platform/db/testing.ts';
import { calendarFor } from '../calendar/repository.ts';
import { generateProvince } from '../generate/generate.ts';
import { openStates } from './domain/states.ts';
import { queueCounts } from './queries.ts';
import { purgeEmptyQueueCounts } from './repository.ts';

const queueStates = [...openStates, 'result_ready', 'submitted_online'];
const open = [...openStates];

/** The maintained counts, without keys that went back to zero. */
async function maintained(database: Database): Promise<string[]> {
  const { rows } = await sql<{ k: string }>`select concat_ws('|', unit_id, state, due_day, assigned, step_role, n) as k
    from dossier_queue_counts where n <> 0 order by 1`.execute(database.db);
  return rows.map((r) => r.k);
}

async function recounted(database: Database): Promise<string[]> {
  const { rows } = await sql<{ k: string }>`select concat_ws('|', unit_id, state, dossier_queue_due_day(state, due_at), assignee_id is not null, step_role, count(*)) as k
    from dossiers where state = any(${queueStates}::text[]) group by unit_id, state, dossier_queue_due_day(state, due_at), assignee_id is not null, step_role
    order by 1`.execute(database.db);
  return rows.map((r) => r.k);
}

/** Every queue counted over the dossiers in reach, one by one (what the maintained counts replace). */
async function countedOneByOne(database: Database, reach: Reach, userId: string, grants: { role: string; unitId: string }[], calendar: WorkingCalendar, now: Date) {
  const startOfToday = localInstant(localDate(now), '00:00');
  const dueSoonUntil = addWorkingTime(calendar, now, 2 * calendar.dayLengthMs);
  const waiting = grants.map((g) => sql<boolean>`(d.step_role = ${g.role} and ${unitUnder('d.unit_id', [g.unitId])})`);
  const mine = sql<boolean>`((d.assignee_id = ${userId}::uuid and d.state = any(${[...open, 'result_ready']}::text[]))
    or (d.assignee_id is null and d.state in ('received', 'in_progress', 'result_ready') and (${waiting.length ? sql.join(waiting, sql` or `) : sql`false`})))`;
  const { rows } = await sql<Record<string, string>>`select
      count(*) filter (where ${mine}) as mine,
      count(*) filter (where d.assignee_id is null and d.state in ('received', 'in_progress')) as unassigned,
      count(*) filter (where d.state = any(${open}::text[]) and d.due_at >= ${startOfToday} and d.due_at <= ${dueSoonUntil}) as due_soon,
      count(*) filter (where d.state = any(${open}::text[]) and d.due_at < ${startOfToday}) as overdue,
      count(*) filter (where d.state = 'supplement_requested') as waiting_supplement,
      count(*) filter (where d.state = 'result_ready') as ready_to_return,
      count(*) filter (where d.state = 'submitted_online') as submitted_online
    from dossiers d where ${unitInReach('d.unit_id', reach)} and d.state = any(${queueStates}::text[])`.execute(database.db);
  return Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)]));
}

describe(`queue counts from the maintained counts (${testEngine})`, () => {
  let database: Database;
  const now = new Date('2025-12-31T09:30:00+07:00');

  before(async () => {
    database = await createTestDatabase();
    await seedDemo(database, { password: 'demo-password-1', now: new Date('2025-12-31T00:00:00Z'), seeders: demoSeeders });
    await generateProvince(database, {
      provinceCode: '24', count: 1500, from: '2025-09-01', to: '2026-01-01', seed: 3, now,
      actor: systemActor('test:queue-counts'), checkReferences: false, batchSize: 500,
    });
  });
  after(() => database.close());

  test('after a bulk load with row triggers off, the counts equal a recount', async () => {
    const counts = await maintained(database);
    assert.ok(counts.length > 10, `some dossiers wait in queues: ${counts.length} keys`);
    assert.deepEqual(counts, await recounted(database));
  });

  test('after assignments, state and due-date changes and deletions, the counts still equal a recount', async () => {
    const official = await database.db.selectFrom('users').select('id').where('username', '=', 'bonglai.chuyenvien').executeTakeFirstOrThrow();
    const waiting = await database.db.selectFrom('dossiers').select(['id', 'state']).where('state', 'in', queueStates).orderBy('id').limit(60).execute();
    assert.ok(waiting.length >= 30);
    const ids = (from: number, to: number) => waiting.slice(from, to).map((d) => d.id);
    await database.db.updateTable('dossiers').set({ assignee_id: official.id }).where('id', 'in', ids(0, 10)).execute();
    await database.db.updateTable('dossiers').set({ state: 'result_ready' }).where('id', 'in', ids(10, 20)).execute();
    await database.db.updateTable('dossiers').set({ due_at: sql`due_at + interval '3 days'` }).where('id', 'in', ids(20, 25)).execute();
    await database.db.updateTable('dossiers').set({ state: 'returned', assignee_id: null }).where('id', 'in', ids(25, 28)).execute();
    await database.db.deleteFrom('dossier_idempotency').where('dossier_id', 'in', ids(28, 30)).execute();
    await sql`delete from dossiers where id = any(${ids(28, 30)}::uuid[]) and not exists (select 1 from dossier_events e where e.dossier_id = dossiers.id)`.execute(database.db);
    // One statement moving many dossiers at once, in both directions.
    await database.db.updateTable('dossiers').set({ state: sql`case when state = 'in_progress' then 'received' else state end` }).where('state', 'in', queueStates).execute();
    assert.deepEqual(await maintained(database), await recounted(database));
  });

  test('the counts that went back to zero are purged; the others stay', async () => {
    const rows = () => database.db.selectFrom('dossier_queue_counts').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const zero = await database.db.selectFrom('dossier_queue_counts').select('unit_id').where('n', '=', '0').execute();
    assert.ok(zero.length > 0, 'the updates above emptied some keys');
    const before = Number((await rows()).n);
    assert.equal(await purgeEmptyQueueCounts(database.db), zero.length);
    assert.equal(Number((await rows()).n), before - zero.length);
    assert.deepEqual(await maintained(database), await recounted(database));
  });

  for (const username of ['bonglai.motcua1', 'bonglai.chuyenvien', 'tinh.baocao', 'admin']) {
    test(`${username}: every queue's count equals counting the dossiers in reach`, async () => {
      const user = await database.db.selectFrom('users').select(['id', 'unit_id']).where('username', '=', username).executeTakeFirstOrThrow();
      const grants = await database.db.selectFrom('role_grants').select(['role', 'unit_id as unitId']).where('user_id', '=', user.id).execute();
      const reach: Reach = username === 'admin' ? 'all' : grants.map((g) => g.unitId);
      const { calendar } = await calendarFor(database.db, user.unit_id);
      const assigned = await database.db.updateTable('dossiers').set({ assignee_id: user.id })
        .where('id', 'in', (eb) => eb.selectFrom('dossiers').select('id').where('state', 'in', open)
          .where(sql<boolean>`assignee_id is distinct from ${user.id}::uuid`).orderBy('id').limit(3))
        .executeTakeFirst();
      assert.equal(Number(assigned.numUpdatedRows), 3);
      for (const at of [now, new Date('2025-12-26T16:45:00+07:00'), new Date('2025-12-27T10:00:00+07:00'), new Date('2026-01-05T08:00:00+07:00')]) {
        const counts = await queueCounts(database.db, reach, user.id, grants, undefined, calendar, at);
        assert.deepEqual(counts, await countedOneByOne(database, reach, user.id, grants, calendar, at), `${username} at ${at.toISOString()}`);
      }
    });
  }
});
