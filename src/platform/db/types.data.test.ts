import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from './engine.ts';
import { createTestDatabase, testEngine } from './testing.ts';

let database: Database;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

test(`timestamps come back as the instants written, whatever the session's time zone (${testEngine})`, async () => {
  const instants = ['2026-01-10T03:00:00.000Z', '2025-07-01T16:59:59.999Z', '1999-12-31T17:00:00.120Z', '1890-06-01T00:00:00.000Z', '2100-02-28T23:30:00.007Z'];
  const client = await database.pool.connect();
  try {
    for (const zone of ["'UTC'", "interval '+07:00'", "interval '+05:45'", "interval '-03:30'"]) {
      await client.query(`set time zone ${zone}`);
      const { rows } = await client.query<{ t: Date; text: string }>('select t, t::text as text from unnest($1::timestamptz[]) as t', [instants]);
      assert.deepEqual(rows.map((r) => r.t.toISOString()), instants, `${zone}: ${rows.map((r) => r.text).join(', ')}`);
    }
    const special = await client.query<{ t: Date | number }>("select 'infinity'::timestamptz as t union all select '0044-03-15 12:00:00+00 BC'::timestamptz");
    assert.equal(special.rows[0].t, Infinity);
    assert.ok(special.rows[1].t instanceof Date && special.rows[1].t.getUTCFullYear() === -43);
  } finally {
    await client.query('reset time zone');
    client.release();
  }
});
