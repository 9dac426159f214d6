import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { combineWrites, insertRows, shiftParameters, WriteBatch } from './batch.ts';
import type { Database } from './engine.ts';
import { createTestDatabase, testEngine } from './testing.ts';
import { enqueueInBatch } from '../outbox/index.ts';

describe('write batch: parameter numbering', () => {
  test('markers move by the offset; quoted text and identifiers keep their dollars', () => {
    assert.equal(shiftParameters(`insert into t (a, "b$1") values ($1, '$2 it''s', $10)`, 3), `insert into t (a, "b$1") values ($4, '$2 it''s', $13)`);
    assert.equal(shiftParameters('select $1', 0), 'select $1');
    assert.equal(shiftParameters(`select $2, 'unclosed $1`, 1), `select $3, 'unclosed $1`);
  });

  test('one query stays as it is; several become CTEs with their parameters in order', () => {
    const q = (text: string, ...parameters: unknown[]) => ({ sql: text, parameters, query: null as never, queryId: null as never });
    const one = q('insert into a values ($1)', 1);
    assert.equal(combineWrites([one]), one);
    const both = combineWrites([q('insert into a values ($1, $2)', 1, 2), q('update b set x = $1', 3)]);
    assert.equal(both.sql, 'with w0 as (insert into a values ($1, $2)), w1 as (update b set x = $3) select 1');
    assert.deepEqual(both.parameters, [1, 2, 3]);
    const again = combineWrites([q('insert into a values ($1, $2)', 4, 5), q('update b set x = $1', 6)]);
    assert.equal(again.sql, both.sql);
    assert.deepEqual(again.parameters, [4, 5, 6]);
  });
});

describe('write batch: inserts built without a query tree', () => {
  const at = new Date('2026-01-02T03:04:05Z');
  test('the rows\' defined columns in the first row\'s order, every value a parameter, then the suffix', () => {
    const q = insertRows('audit_log', [
      { actor_id: null, actor_label: 'a', action: 'x', subject_type: 't', subject_id: '1', at, ip: undefined },
      { action: 'y', actor_id: null, actor_label: 'b', subject_type: 't', subject_id: '2', at },
    ], 'on conflict do nothing');
    assert.equal(q.sql, 'insert into "audit_log" ("actor_id", "actor_label", "action", "subject_type", "subject_id", "at") values '
      + '($1, $2, $3, $4, $5, $6), ($7, $8, $9, $10, $11, $12) on conflict do nothing');
    assert.deepEqual(q.parameters, [null, 'a', 'x', 't', '1', at, null, 'b', 'y', 't', '2', at]);
  });

  test('rows that give different columns are refused', () => {
    assert.throws(() => insertRows('audit_log', [
      { actor_id: null, actor_label: 'a', action: 'x', subject_type: 't', subject_id: '1' },
      { actor_id: null, actor_label: 'b', action: 'y', subject_type: 't', subject_id: '2', ip: '127.0.0.1' },
    ]), /same columns/);
    assert.throws(() => insertRows('audit_log', []), /no rows/);
  });
});

describe(`write batch on the database (${testEngine})`, () => {
  let database: Database;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.close());

  test('every write of a batch lands in one statement, or none when one of them fails', async () => {
    const db = database.db;
    const batch = new WriteBatch();
    batch.add(db.insertInto('audit_log').values({ actor_id: null, actor_label: 'batch test', action: 'test.batch', subject_type: 'test', subject_id: 'b1' }));
    enqueueInBatch(batch, { topic: 'test.batch', payload: { n: 1 }, dedupeKey: 'batch-test-1' });
    enqueueInBatch(batch, { topic: 'test.batch', payload: { n: 2 }, dedupeKey: 'batch-test-2' });
    assert.equal(batch.size, 3);
    await db.transaction().execute((trx) => batch.flush(trx));
    assert.equal(batch.size, 0);
    // (The CTEs of one statement run in no fixed order: the ids of the two outbox rows may come either way.)
    const outbox = await db.selectFrom('outbox').select(['payload', 'dedupe_key']).where('topic', '=', 'test.batch').execute();
    assert.deepEqual(outbox.map((r) => r.dedupe_key).sort(), ['batch-test-1', 'batch-test-2']);
    assert.equal((await db.selectFrom('audit_log').select('id').where('subject_id', '=', 'b1').execute()).length, 1);

    // A repeated dedupe key is ignored; a failing write (no such table) rolls back the audit row with it.
    const failing = new WriteBatch();
    failing.add(db.insertInto('audit_log').values({ actor_id: null, actor_label: 'batch test', action: 'test.batch', subject_type: 'test', subject_id: 'b2' }));
    enqueueInBatch(failing, { topic: 'test.batch', payload: { n: 3 }, dedupeKey: 'batch-test-1' });
    failing.add({ compile: () => sql`insert into no_such_table values (${1})`.compile(db) });
    await assert.rejects(db.transaction().execute((trx) => failing.flush(trx)), /no_such_table/);
    assert.equal((await db.selectFrom('audit_log').select('id').where('subject_id', '=', 'b2').execute()).length, 0);
    assert.equal((await db.selectFrom('outbox').select('id').where('topic', '=', 'test.batch').execute()).length, 2);
  });

  test('rows inserted by insertRows read back as written, alone or in a batch', async () => {
    const db = database.db;
    const at = new Date('2026-03-04T05:06:07.089Z');
    await db.executeQuery(insertRows('audit_log', [{ actor_id: null, actor_label: 'rows', action: 'test.rows', subject_type: 'test', subject_id: 'r1', after: JSON.stringify({ n: 1 }), at }]));
    const batch = new WriteBatch();
    batch.add(insertRows('audit_log', [
      { actor_id: null, actor_label: 'rows', action: 'test.rows', subject_type: 'test', subject_id: 'r2', after: JSON.stringify({ n: 2 }), at },
      { actor_id: null, actor_label: 'rows', action: 'test.rows', subject_type: 'test', subject_id: 'r3', after: null, at },
    ]));
    await db.transaction().execute((trx) => batch.flush(trx));
    const rows = await db.selectFrom('audit_log').select(['subject_id', 'after', 'at']).where('action', '=', 'test.rows').orderBy('subject_id').execute();
    assert.deepEqual(rows.map((r) => [r.subject_id, r.after, r.at.toISOString()]), [
      ['r1', { n: 1 }, at.toISOString()], ['r2', { n: 2 }, at.toISOString()], ['r3', null, at.toISOString()],
    ]);
  });
});
