import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from '../db/engine.ts';
import { createTestDatabase, testEngine } from '../db/testing.ts';
import { PgBossJobQueue } from './pgboss-queue.ts';
import type { JobQueue } from './queue.ts';
import { TableJobQueue } from './table-queue.ts';

// The job runner behind one interface: the embedded table queue everywhere, pg-boss on PostgreSQL.
let database: Database;
let now = new Date('2026-03-02T02:00:00Z');
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

async function exercise(queue: JobQueue) {
  const seen: string[] = [];
  let failures = 0;
  queue.register('demo.remind', async (payload) => {
    seen.push(String(payload.dueAt));
  });
  queue.register('demo.flaky', async () => {
    failures++;
    throw new Error('gateway down');
  });
  await queue.send('demo.remind', { dueAt: '2026-03-05' }, { singletonKey: 'd1' });
  await queue.send('demo.remind', { dueAt: '2026-03-06' }, { singletonKey: 'd1' }); // same key while pending: ignored
  await queue.send('demo.flaky', {}, { maxAttempts: 1 });
  const ran = await queue.drain();
  assert.ok(ran >= 2);
  assert.deepEqual(seen, ['2026-03-05']);
  assert.equal(failures, 1);
}

test('the embedded table queue runs due jobs once, dedupes singletons and records failures', async () => {
  const queue = new TableJobQueue(database, () => now);
  await exercise(queue);
  const failed = await database.db.selectFrom('jobs').select(['name', 'failed_at', 'last_error']).where('name', '=', 'demo.flaky').executeTakeFirstOrThrow();
  assert.ok(failed.failed_at);
  assert.match(failed.last_error ?? '', /gateway down/);
  // A job scheduled for later does not run before its time.
  await queue.send('demo.remind', { dueAt: 'later' }, { runAt: new Date(now.getTime() + 3_600_000) });
  assert.equal(await queue.drain(), 0);
  now = new Date(now.getTime() + 2 * 3_600_000);
  assert.equal(await queue.drain(), 1);
});

test('pg-boss behind the same interface (PostgreSQL only)', { skip: testEngine !== 'postgres' ? 'needs TEST_DATABASE_URL' : false }, async () => {
  const queue = new PgBossJobQueue(database.url!);
  try {
    await exercise(queue);
  } finally {
    await queue.stop();
  }
});
