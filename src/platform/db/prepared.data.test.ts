import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { Database } from './engine.ts';
import { planForValues } from './prepared.ts';
import { createTestDatabase, testEngine } from './testing.ts';

let database: Database;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

test(`parameterised statements are prepared once per connection; long texts and parameterless ones are not (${testEngine})`, async () => {
  const client = await database.pool.connect();
  try {
    const prepared = async () => (await client.query<{ statement: string }>('select statement from pg_prepared_statements')).rows.map((r) => r.statement);
    const short = 'select $1::int + 1 as n /* prepared test */';
    for (const n of [1, 2]) assert.equal((await client.query<{ n: number }>(short, [n])).rows[0].n, n + 1);
    const long = `select $1::int as n /* ${'x'.repeat(9000)} */`;
    assert.equal((await client.query<{ n: number }>(long, [7])).rows[0].n, 7);
    const statements = await prepared();
    assert.equal(statements.filter((s) => s === short).length, 1);
    assert.ok(!statements.some((s) => s.includes('xxxx')), 'a bulk-sized text stays unnamed');
    assert.ok(!statements.some((s) => s.includes('pg_prepared_statements')), 'a statement without parameters stays unnamed');
    const forValues = sql<{ n: number }>`select ${3}::int * 2 as n ${planForValues}`.compile(database.db);
    assert.equal((await client.query<{ n: number }>(forValues.sql, [...forValues.parameters])).rows[0].n, 6);
    assert.ok(!(await prepared()).some((s) => s.includes('* 2 as n')), 'a statement planned for its values stays unnamed');
  } finally {
    client.release();
  }
});
