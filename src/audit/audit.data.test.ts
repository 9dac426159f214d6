import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase } from '../platform/db/testing.ts';
import type { Database } from '../platform/db/engine.ts';
import { audit, systemActor } from './audit.ts';

let database: Database;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

test('the database refuses UPDATE, DELETE and TRUNCATE on the audit log', async () => {
  await audit(database.db, systemActor('test'), { action: 'x.test', subjectType: 'x', subjectId: '1', after: { a: 1 } });
  await assert.rejects(sql`update audit_log set action = 'tampered'`.execute(database.db), /append-only/);
  await assert.rejects(sql`delete from audit_log`.execute(database.db), /append-only/);
  await assert.rejects(sql`truncate audit_log`.execute(database.db), /append-only/);
  const rows = await database.db.selectFrom('audit_log').select(['action', 'after']).execute();
  assert.deepEqual(rows, [{ action: 'x.test', after: { a: 1 } }]);
});

test('an audit row written in a rolled-back transaction disappears with the change', async () => {
  await assert.rejects(
    database.db.transaction().execute(async (trx) => {
      await audit(trx, systemActor('test'), { action: 'y.test', subjectType: 'y', subjectId: '2' });
      throw new Error('boom');
    }),
    /boom/,
  );
  const n = await database.db.selectFrom('audit_log').select('id').where('action', '=', 'y.test').execute();
  assert.equal(n.length, 0);
});
