import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testEngine } from '../../platform/db/testing.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { intake } from './test/helpers.ts';

// On PostgreSQL the requests really run at the same time (a pool of connections); on PGlite they queue.
let t: TestApp;
before(async () => {
  t = await createTestApp({ now: new Date('2026-03-02T02:00:00Z') });
});
after(() => t.close());

test(`parallel intakes at one unit on one day never share a code (${testEngine})`, async () => {
  const sessions = await Promise.all(['bonglai.motcua1', 'bonglai.motcua2', 'bonglai.motcua3'].map((u) => t.login(u)));
  const results = await Promise.all(Array.from({ length: 24 }, (_, i) => intake(t, sessions[i % 3])));
  for (const r of results) assert.equal(r.statusCode, 201, r.body);
  const codes = results.map((r) => r.json().code as string);
  assert.equal(new Set(codes).size, codes.length);
  const sequences = codes.map((c) => Number(c.slice(-4))).sort((a, b) => a - b);
  assert.deepEqual(sequences, Array.from({ length: 24 }, (_, i) => i + 1));
});

test('parallel retries with one Idempotency-Key create one dossier', async () => {
  const s = await t.login('bonglai.motcua1');
  const results = await Promise.all(Array.from({ length: 6 }, () => intake(t, s, { key: 'double-click-0001' })));
  const ids = new Set(results.filter((r) => r.statusCode < 300).map((r) => r.json().id));
  assert.equal(ids.size, 1, results.map((r) => `${r.statusCode} ${r.body}`).join('\n'));
  // One creates it; the others are answered with it, including those that ran alongside and lost the race for the key.
  assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 200, 200, 200, 200, 201], results.map((r) => r.body).join('\n'));
  const rows = await t.database.db.selectFrom('dossier_idempotency').select('dossier_id').where('key', '=', 'double-click-0001').execute();
  assert.equal(rows.length, 1);
});
