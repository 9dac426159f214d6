import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testEngine } from '../../platform/db/testing.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { systemActor } from '../../audit/audit.ts';
import { receiveDossier } from './commands/intake.ts';
import { act, intake, procedureDocuments, unitByCode } from './test/helpers.ts';

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

test('a retried request and a rejected one take no number: the next code follows the last one issued', async () => {
  const s = await t.login('bonglai.motcua1');
  const sequenceOf = (r: { json(): { code: string } }) => Number(r.json().code.slice(-4));
  const first = await intake(t, s, { key: 'retry-0001' });
  assert.equal(first.statusCode, 201, first.body);
  const retried = await intake(t, s, { key: 'retry-0001' });
  assert.equal(retried.statusCode, 200, retried.body);
  assert.equal(retried.json().code, first.json().code);
  const badPhone = await intake(t, s, { key: 'retry-0002', applicant: { phone: '12' } });
  assert.equal(badPhone.statusCode, 400, badPhone.body);
  const stranger = await intake(t, await t.login('kinhbac.motcua'), { key: 'retry-0003' });
  assert.equal(stranger.statusCode, 403, stranger.body);
  const next = await intake(t, s, { key: 'retry-0004' });
  assert.equal(next.statusCode, 201, next.body);
  assert.equal(sequenceOf(next), sequenceOf(first) + 1);
});

test("a unit that has used up the day's 9,999 numbers is told so, and the dossier is not received", async () => {
  const s = await t.login('bonglai.motcua1');
  const first = await intake(t, s);
  assert.equal(first.statusCode, 201, first.body);
  const id = first.json().id as string;
  const { unit_id } = await t.database.db.selectFrom('dossiers').select('unit_id').where('id', '=', id).executeTakeFirstOrThrow();
  await t.database.db.updateTable('dossier_code_counters').set({ last: 9999 }).where('unit_id', '=', unit_id).execute();
  const before = await t.database.db.selectFrom('dossiers').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const full = await intake(t, s);
  assert.equal(full.statusCode, 409, full.body);
  assert.equal(full.json().error.code, 'daily_sequence_full');
  assert.match(full.json().error.messageVi, /hết số thứ tự/);
  const afterwards = await t.database.db.selectFrom('dossiers').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  assert.equal(Number(afterwards.n), Number(before.n));
});

test("accepting an online submission at a unit that has used up the day's numbers is refused the same way", async () => {
  const unit = await unitByCode(t, '09295');
  const documents = (await procedureDocuments(t, '1.004859')).map((d) => ({ name: d.name, required: d.required, received: true }));
  const online = await receiveDossier(t.database.db, { audit: systemActor('test:online'), name: 'Công dân', unitId: null, reach: 'all' }, {
    unitId: unit.id, procedureCode: '1.004859', channel: 'online', outcome: 'submitted_online', documents,
    applicant: { kind: 'person', fullName: 'Trần Thị Mai', phone: '0912 000 111' },
  }, t.ctx.clock(), null);
  await t.database.db.updateTable('dossier_code_counters').set({ last: 9999 }).where('unit_id', '=', unit.id).execute();
  const refused = await act(t, 'bonglai.motcua1', online.dossierId, { action: 'accept_online' });
  assert.equal(refused.statusCode, 409, refused.body);
  assert.equal(refused.json().error.code, 'daily_sequence_full');
  const stored = await t.database.db.selectFrom('dossiers').select(['state', 'code']).where('id', '=', online.dossierId).executeTakeFirstOrThrow();
  assert.deepEqual(stored, { state: 'submitted_online', code: null });
});
