import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { act } from './test/helpers.ts';

// A dossier imported from a previous system pins no workflow: acting on it adopts the default one.
let t: TestApp;
before(async () => {
  t = await createTestApp({ now: new Date('2026-03-02T02:00:00Z') });
});
after(() => t.close());

test('an imported in-progress dossier can be continued to its return', async () => {
  const line = {
    code: '000.29.24.H04-260225-0900', procedureCode: '1.004859', unitCode: '09295', channel: 'counter',
    receivedAt: '2026-02-25T09:00:00+07:00', dueAt: '2026-03-02T17:00:00+07:00', outcome: 'in_progress', supplementRounds: 0,
    applicant: { fullName: 'Trần Thị Bích', phone: '0987654321' },
  };
  const admin = await t.login('admin');
  const res = await t.as(admin, { method: 'POST', url: '/api/v1/dossiers/import', payload: JSON.stringify(line), headers: { 'content-type': 'application/x-ndjson' } });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().imported, 1);
  const id = (await t.database.db.selectFrom('dossiers').select('id').where('code', '=', line.code).executeTakeFirstOrThrow()).id;
  const specialist = await t.login('bonglai.chuyenvien');
  const detail = (await t.as(specialist, { url: `/api/v1/dossiers/${id}` })).json();
  assert.equal(detail.step.role, 'specialist');
  assert.ok(detail.availableActions.some((a: { action: string }) => a.action === 'forward'));
  assert.equal(detail.timeline[0].actionLabel, 'Nhập từ hệ thống cũ');
  for (const [user, action] of [['bonglai.chuyenvien', 'forward'], ['bonglai.lanhdao', 'approve'], ['bonglai.motcua1', 'record_result'], ['bonglai.motcua1', 'return_result']]) {
    const r = await act(t, user, id, { action });
    assert.equal(r.statusCode, 200, `${action}: ${r.body}`);
  }
  const done = (await t.as(specialist, { url: `/api/v1/dossiers/${id}` })).json();
  assert.equal(done.state, 'returned');
  assert.ok(done.workflowVersionId);
  assert.equal(done.classification, 'on_time', 'finished on the imported due date');
});
