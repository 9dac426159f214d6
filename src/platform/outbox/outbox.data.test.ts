import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, beforeEach, describe, test } from 'node:test';
import { testConfig } from '../../testing/app.ts';
import { connectPostgres, type Database } from '../db/engine.ts';
import { createTestDatabase, testEngine } from '../db/testing.ts';
import {
  deliverPending, enqueue, outboxBackoffMs, PermanentDeliveryError, RECORD_EVERY_MS, type OutboxContext, type OutboxHandler, type OutboxLog,
} from './index.ts';
import './schema.ts';

const t0 = new Date('2026-03-02T02:00:00Z');
const quiet: OutboxLog = () => undefined;
const plus = (ms: number, from = t0) => new Date(from.getTime() + ms);

describe(`outbox enqueue and delivery (${testEngine})`, () => {
  let database: Database;
  let ctx: OutboxContext;

  before(async () => {
    database = await createTestDatabase();
    ctx = { config: testConfig(), database, clock: () => t0 };
  });
  after(() => database.close());
  beforeEach(async () => {
    await database.db.deleteFrom('outbox').execute();
  });

  const row = (id: number) => database.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  test('enqueue writes inside the caller transaction: a rollback leaves nothing; a dedupe key is idempotent', async () => {
    await assert.rejects(database.db.transaction().execute(async (trx) => {
      await enqueue(trx, { topic: 'test.echo', payload: { n: 1 }, now: t0 });
      throw new Error('the command failed');
    }), /the command failed/);
    assert.equal((await database.db.selectFrom('outbox').selectAll().execute()).length, 0);

    const first = await database.db.transaction().execute((trx) => enqueue(trx, { topic: 'test.echo', payload: { n: 1 }, dedupeKey: 'k1', now: t0 }));
    const again = await database.db.transaction().execute((trx) => enqueue(trx, { topic: 'test.echo', payload: { n: 2 }, dedupeKey: 'k1', now: t0 }));
    assert.equal(first.created, true);
    assert.deepEqual(again, { id: first.id, created: false });
    const stored = await row(first.id);
    assert.deepEqual(stored.payload, { n: 1 });
    assert.equal(stored.created_at.getTime(), t0.getTime());
    assert.equal(stored.available_at.getTime(), t0.getTime());
    assert.equal(stored.attempts, 0);
  });

  test('a due row is delivered once, outside any transaction, with its id as message id; a future row waits', async () => {
    const seen: string[] = [];
    const handler: OutboxHandler = async (m) => {
      // On PGlite (one connection) this query would hang if delivery held a transaction open.
      const r = await database.db.selectFrom('outbox').select('locked_until').where('id', '=', m.id).executeTakeFirstOrThrow();
      assert.ok(r.locked_until && r.locked_until > t0, 'the row is leased while it is being sent');
      seen.push(`${m.messageId}:${m.attempt}:${JSON.stringify(m.payload)}`);
    };
    const now = await enqueue(database.db, { topic: 'test.echo', payload: { hello: 'Xin chào' }, now: t0 });
    const later = await enqueue(database.db, { topic: 'test.echo', payload: {}, now: t0, availableAt: plus(60_000) });
    const summary = await deliverPending(ctx, { now: t0, handlers: { 'test.echo': handler }, log: quiet });
    assert.deepEqual(summary, { claimed: 1, delivered: 1, notSent: 0, failed: 0, dead: 0, lost: 0 });
    assert.deepEqual(seen, [`outbox-${now.id}:1:{"hello":"Xin chào"}`]);
    const done = await row(now.id);
    assert.equal(done.delivered_at?.getTime(), t0.getTime());
    assert.equal(done.outcome, 'sent');
    assert.equal(done.locked_until, null);
    assert.equal((await row(later.id)).delivered_at, null);
    // Nothing is delivered twice.
    assert.equal((await deliverPending(ctx, { now: plus(30_000), handlers: { 'test.echo': handler }, log: quiet })).claimed, 0);
    assert.equal((await deliverPending(ctx, { now: plus(60_000), handlers: { 'test.echo': handler }, log: quiet })).delivered, 1);
    assert.equal(seen.length, 2);
  });

  test('a failing handler is retried with exponential backoff, then the row goes dead', async () => {
    const { id } = await enqueue(database.db, { topic: 'test.flaky', payload: {}, now: t0, maxAttempts: 4 });
    const handlers = { 'test.flaky': async () => { throw new Error('gateway down'); } };
    let now = t0;
    for (let attempt = 1; attempt <= 3; attempt++) {
      const s = await deliverPending(ctx, { now, handlers, log: quiet });
      assert.equal(s.failed, 1, `attempt ${attempt}`);
      const r = await row(id);
      assert.equal(r.attempts, attempt);
      assert.equal(r.last_error, 'gateway down');
      assert.equal(r.available_at.getTime(), now.getTime() + outboxBackoffMs(attempt));
      assert.equal(r.dead_at, null);
      // Not retried before its time.
      assert.equal((await deliverPending(ctx, { now: plus(outboxBackoffMs(attempt) - 1000, now), handlers, log: quiet })).claimed, 0);
      now = r.available_at;
    }
    const last = await deliverPending(ctx, { now, handlers, log: quiet });
    assert.equal(last.dead, 1);
    const dead = await row(id);
    assert.equal(dead.attempts, 4);
    assert.equal(dead.dead_at?.getTime(), now.getTime());
    assert.equal((await deliverPending(ctx, { now: plus(86_400_000, now), handlers, log: quiet })).claimed, 0);
  });

  test('an unknown topic is an error recorded on the row; a permanent error goes dead at once', async () => {
    const unknown = await enqueue(database.db, { topic: 'nobody.listens', payload: {}, now: t0 });
    const permanent = await enqueue(database.db, { topic: 'test.bad', payload: {}, now: t0 });
    const s = await deliverPending(ctx, {
      now: t0, log: quiet, handlers: { 'test.bad': async () => { throw new PermanentDeliveryError('invalid address'); } },
    });
    assert.equal(s.failed, 1);
    assert.equal(s.dead, 1);
    const u = await row(unknown.id);
    assert.match(u.last_error ?? '', /no handler registered for topic "nobody.listens"/);
    assert.equal(u.dead_at, null);
    const p = await row(permanent.id);
    assert.equal(p.last_error, 'invalid address');
    assert.ok(p.dead_at);
    assert.equal(p.attempts, 1);
  });

  test('a handler can say it did not really send: recorded as delivered with outcome not_sent and a note', async () => {
    const { id } = await enqueue(database.db, { topic: 'test.dry', payload: {}, now: t0 });
    const s = await deliverPending(ctx, {
      now: t0, log: quiet, handlers: { 'test.dry': async () => ({ outcome: 'not_sent', note: 'not sent: dry run' }) },
    });
    assert.equal(s.notSent, 1);
    const r = await row(id);
    assert.ok(r.delivered_at);
    assert.equal(r.outcome, 'not_sent');
    assert.equal(r.delivery_note, 'not sent: dry run');
  });

  test('messages sent are recorded together, and none waits longer than RECORD_EVERY_MS to be recorded', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) ids.push((await enqueue(database.db, { topic: 'test.pace', payload: { i }, now: t0 })).id);
    const recordedBefore: boolean[] = [];
    const s = await deliverPending(ctx, {
      now: t0, log: quiet, handlers: {
        'test.pace': async (m) => {
          recordedBefore.push(!!(await row(ids[0])).delivered_at);
          // The second message takes long: the first two are recorded as soon as it is sent.
          if (m.id === ids[1]) await sleep(RECORD_EVERY_MS + 50);
        },
      },
    });
    assert.equal(s.delivered, 4);
    assert.deepEqual(recordedBefore, [false, false, true, true]);
    for (const id of ids) assert.ok((await row(id)).delivered_at, `message ${id} recorded`);
  });

  test('an attempt that runs out of time fails; a worker whose lease expired cannot record over the new claim', async () => {
    const slow = await enqueue(database.db, { topic: 'test.hang', payload: {}, now: t0 });
    const s = await deliverPending(ctx, { now: t0, timeoutMs: 50, log: quiet, handlers: { 'test.hang': () => new Promise(() => undefined) } });
    assert.equal(s.failed, 1);
    assert.match((await row(slow.id)).last_error ?? '', /timed out after 50 ms/);
    await database.db.deleteFrom('outbox').execute();

    const { id } = await enqueue(database.db, { topic: 'test.lease', payload: {}, now: t0 });
    let inner: Awaited<ReturnType<typeof deliverPending>> | undefined;
    const outer = await deliverPending(ctx, {
      now: t0, batchSize: 1, timeoutMs: 1000, log: quiet,
      handlers: {
        'test.lease': async () => {
          // While this worker is stuck, its lease (2 × 1 s here) runs out and another worker takes the row.
          inner ??= await deliverPending(ctx, { now: plus(2001), log: quiet, handlers: { 'test.lease': async () => undefined } });
        },
      },
    });
    assert.equal(inner?.delivered, 1);
    assert.equal(outer.lost, 1);
    const r = await row(id);
    assert.equal(r.attempts, 2);
    assert.equal(r.delivered_at?.getTime(), plus(2001).getTime());
  });

  test('two workers delivering at the same time never deliver one row twice', async () => {
    const total = 60;
    await database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < total; i++) await enqueue(trx, { topic: 'test.count', payload: { i }, now: t0 });
    });
    // On PostgreSQL the second worker gets its own pool, as another server process would.
    const url = (database.pool as unknown as { options: { connectionString?: string } }).options.connectionString;
    const other = database.engine === 'postgres' && url ? connectPostgres(url, { max: 2 }) : database;
    try {
      const deliveries = new Map<number, number>();
      const byWorker = [0, 0];
      const worker = (n: number): OutboxHandler => async (m) => {
        deliveries.set(m.id, (deliveries.get(m.id) ?? 0) + 1);
        byWorker[n]++;
        await sleep(2);
      };
      const [a, b] = await Promise.all([
        deliverPending(ctx, { now: t0, batchSize: 4, log: quiet, handlers: { 'test.count': worker(0) } }),
        deliverPending({ ...ctx, database: other }, { now: t0, batchSize: 4, log: quiet, handlers: { 'test.count': worker(1) } }),
      ]);
      assert.equal(a.delivered + b.delivered, total);
      assert.equal(a.lost + b.lost, 0);
      assert.equal(deliveries.size, total);
      assert.ok([...deliveries.values()].every((n) => n === 1), 'each row delivered exactly once');
      if (database.engine === 'postgres') assert.ok(byWorker[0] > 0 && byWorker[1] > 0, `both workers took rows: ${byWorker}`);
      const left = await database.db.selectFrom('outbox').select('id').where('delivered_at', 'is', null).execute();
      assert.equal(left.length, 0);
    } finally {
      if (other !== database) await other.close();
    }
  });
});
