import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { bulkLoad, lockReferencedRows, MissingReferenceError } from './bulk.ts';
import type { Database } from './engine.ts';
import { createTestDatabase, testEngine } from './testing.ts';

describe(`bulk load (${testEngine})`, () => {
  let database: Database;
  let unitId: string;
  before(async () => {
    database = await createTestDatabase();
    unitId = (await database.db.insertInto('units').values({ code: '99001', kind: 'commune', name: 'Xã Thử', name_folded: 'xa thu', full_name: 'Xã Thử' })
      .returning('id').executeTakeFirstOrThrow()).id;
  });
  after(() => database.close());

  const replicationRole = async (trx: Parameters<typeof lockReferencedRows>[0]) =>
    (await sql<{ role: string }>`select current_setting('session_replication_role') as role`.execute(trx)).rows[0].role;

  test('a referenced row that does not exist stops the load before it starts', async () => {
    const missing = randomUUID();
    let ran = false;
    await assert.rejects(database.db.transaction().execute((trx) => bulkLoad(trx, ['dossiers'], [{ table: 'units', ids: [unitId, missing] }], async () => {
      ran = true;
    })), (err: unknown) => err instanceof MissingReferenceError && err.status === 409 && err.message.includes(missing) && /không còn/.test(err.messageVi));
    assert.equal(ran, false);
  });

  test('referenced rows are locked for key share until commit: deleting one waits or fails', async () => {
    if (testEngine === 'pglite') return; // one connection: there is no second transaction to be blocked
    await database.db.transaction().execute(async (trx) => {
      await lockReferencedRows(trx, [{ table: 'units', ids: [unitId] }]);
      const other = await database.pool.connect();
      try {
        await other.query(`set lock_timeout = '200ms'`);
        await assert.rejects(other.query('delete from units where id = $1', [unitId]), /lock timeout/);
      } finally {
        other.release();
      }
    });
  });

  test('the load runs without per-row triggers when allowed, and they are back on after it', async () => {
    await database.db.transaction().execute(async (trx) => {
      const inside = await bulkLoad(trx, ['dossier_events'], [{ table: 'units', ids: [unitId] }], () => replicationRole(trx));
      assert.equal(inside.rowTriggersOff, true); // the test role is a superuser on both engines
      assert.equal(inside.result, 'replica');
      assert.equal(await replicationRole(trx), 'origin');
    });
  });

  test('a table with its own insert trigger keeps every trigger on', async () => {
    await sql`create table bulk_probe (n int)`.execute(database.db);
    await sql`create function bulk_probe_check() returns trigger language plpgsql as $$ begin return new; end $$`.execute(database.db);
    await sql`create trigger bulk_probe_insert before insert on bulk_probe for each row execute function bulk_probe_check()`.execute(database.db);
    await database.db.transaction().execute(async (trx) => {
      const inside = await bulkLoad(trx, ['bulk_probe' as 'dossiers'], [], () => replicationRole(trx));
      assert.deepEqual(inside, { result: 'origin', rowTriggersOff: false });
    });
  });

  test('statement triggers enabled ALWAYS (the dossiers\' queue counts) fire anyway, so they do not keep row triggers on', async () => {
    await database.db.transaction().execute(async (trx) => {
      const inside = await bulkLoad(trx, ['dossiers'], [{ table: 'units', ids: [unitId] }], () => replicationRole(trx));
      assert.deepEqual(inside, { result: 'replica', rowTriggersOff: true });
    });
  });
});
