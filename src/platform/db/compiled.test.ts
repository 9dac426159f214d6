import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql, type CompiledQuery, type Kysely } from 'kysely';
import { compiledOnce } from './compiled.ts';
import type { Schema } from './schema.ts';

/** A stand-in database that answers every query with no rows and keeps what it was sent. */
function recorder() {
  const sent: CompiledQuery[] = [];
  const db = { executeQuery: async (q: CompiledQuery) => (sent.push(q), { rows: [] }) } as unknown as Kysely<Schema>;
  return { db, sent };
}

test('compiledOnce binds each parameter to its argument, also when an argument is used twice or not in order', async () => {
  const run = compiledOnce((db, unitId: string, day: string) => db.selectFrom('units').select('id')
    .where(sql<boolean>`${day}::date > now()`).where('id', '=', unitId).where('parent_id', '=', unitId), ['u-sample', 'd-sample']);
  const { db, sent } = recorder();
  await run(db, 'unit-1', '2026-11-27');
  assert.deepEqual(sent[0].parameters, ['2026-11-27', 'unit-1', 'unit-1']);
  await run(db, 'unit-2', '2026-11-28');
  assert.equal(sent[1].sql, sent[0].sql);
  assert.deepEqual(sent[1].parameters, ['2026-11-28', 'unit-2', 'unit-2']);
});

test('compiledOnce refuses a query with a parameter that is not an argument, or samples that are not distinct', () => {
  assert.throws(() => compiledOnce((db, id: string) => db.selectFrom('units').select('id').where('id', '=', id).where('code', '=', 'fixed'), ['x']),
    /each parameter/);
  assert.throws(() => compiledOnce((db, a: string, b: string) => db.selectFrom('units').select('id').where('id', '=', a).where('code', '=', b), ['same', 'same']),
    /sample values distinct/);
});
