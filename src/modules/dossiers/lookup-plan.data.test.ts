import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { testEngine } from '../../platform/db/testing.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { MAX_LOOKUP_CODES, publicLookupRows } from './repository.ts';
import { intake } from './test/helpers.ts';

// The public lookup is the hottest statement: planning it costs PostgreSQL more than running it. Its statements must
// reach the generic plan PostgreSQL keeps after five runs (with `code = any($1)` every run was planned again).

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

test(`the lookup answers the codes asked for that exist, in a batch of any size up to its limit (${testEngine})`, async () => {
  const desk = await t.login('bonglai.motcua1');
  const codes: string[] = [];
  for (let i = 0; i < 3; i++) {
    const res = await intake(t, desk);
    assert.equal(res.statusCode, 201);
    codes.push(res.json().code);
  }
  const found = await publicLookupRows(t.database.db, [codes[2], 'NO-SUCH-CODE', codes[0]]);
  assert.deepEqual([...found.keys()].sort(), [codes[0], codes[2]].sort());
  assert.equal(found.get(codes[0])!.code, codes[0]);
  const many = [...codes, ...Array.from({ length: MAX_LOOKUP_CODES - 3 }, (_, i) => `MISSING-${i}`)];
  assert.deepEqual([...(await publicLookupRows(t.database.db, many)).keys()].sort(), [...codes].sort());
  await assert.rejects(publicLookupRows(t.database.db, [...many, 'ONE-TOO-MANY']), RangeError);
});

test(`the lookup's statements are planned once per connection, whatever the number of codes (${testEngine})`, async () => {
  await t.database.db.connection().execute(async (db) => {
    for (const count of [1, 3, 8, 20]) {
      const codes = Array.from({ length: count }, (_, i) => `NO-SUCH-CODE-${count}-${i}`);
      for (let run = 0; run < 8; run++) assert.equal((await publicLookupRows(db, codes)).size, 0);
    }
    const { rows } = await sql<{ statement: string; generic_plans: number; custom_plans: number }>`select statement, generic_plans, custom_plans
      from pg_prepared_statements where statement like '%dossier_ratings%' and statement like '%"d"."code" in (%'`.execute(db);
    const ranEight = rows.filter((r) => r.generic_plans + r.custom_plans >= 8);
    assert.ok(ranEight.length >= 4, 'one statement each for 1, 2-4, 5-8 and 17-32 codes');
    for (const r of ranEight) assert.ok(r.generic_plans >= 3 && r.custom_plans <= 5, `${r.generic_plans} generic, ${r.custom_plans} custom plans: ${r.statement.slice(-80)}`);
  });
});
