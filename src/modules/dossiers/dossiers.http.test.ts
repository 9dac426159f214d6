import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { countRows, createTestApp, type TestApp } from '../../testing/app.ts';
import { act, intake, listCaller } from './test/helpers.ts';
import { timelinesOutOfStep } from './test/timelines.ts';

describe('dossier lifecycle at the one-stop desk', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: new Date('2026-03-02T02:00:00Z') }); // Monday 09:00 in Vietnam
  });
  after(() => t.close());

  test('intake → forward → specialist → leader approves → result → return, with national codes, history, audit and outbox', async () => {
    const deskUser = 'bonglai.motcua1';
    const desk = await t.login(deskUser);
    const auditBefore = await countRows(t.database, 'audit_log');
    const outboxBefore = await countRows(t.database, 'outbox');
    const res = await intake(t, desk);
    assert.equal(res.statusCode, 201, res.body);
    const created = res.json();
    assert.equal(created.code, '000.29.24.H04-260302-0001');
    assert.match(created.lookupSecret, /^[A-Z2-9]{10}$/);
    const id = created.id;
    let d = (await t.as(desk, { url: `/api/v1/dossiers/${id}` })).json();
    assert.equal(d.state, 'received');
    assert.equal(d.nationalStatus, 2);
    assert.equal(d.dueAt, '2026-03-05T17:00:00+07:00');
    assert.match(d.calendarRuleVersion, /^cal-/);
    assert.equal(d.deadline.vi, 'còn 3 ngày 6 giờ'); // Mon 09:00–17:00 is 6.5 office hours, then Tue–Thu
    assert.ok(d.availableActions.some((a: { action: string }) => a.action === 'forward'));
    assert.ok(await countRows(t.database, 'audit_log') > auditBefore);
    assert.ok(await countRows(t.database, 'outbox') >= outboxBefore + 2, 'email and SMS queued');

    let r = await act(t, deskUser, id, { action: 'forward' });
    assert.equal(r.statusCode, 200, r.body);
    d = r.json();
    assert.equal(d.state, 'in_progress');
    assert.equal(d.nationalStatus, 4);
    assert.equal(d.step.role, 'specialist');

    // The desk officer cannot act at the specialist's step.
    r = await act(t, deskUser, id, { action: 'forward' });
    assert.equal(r.statusCode, 403);

    t.setNow('2026-03-03T03:00:00Z');
    const specialist = await t.login('bonglai.chuyenvien');
    r = await act(t, 'bonglai.chuyenvien', id, { action: 'forward', note: 'Hồ sơ hợp lệ' });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().step.role, 'leader');

    const leader = await t.login('bonglai.lanhdao');
    r = await act(t, 'bonglai.lanhdao', id, { action: 'approve' });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().step.final, true);

    r = await act(t, deskUser, id, { action: 'record_result', result: { number: '15/2026/TLHT', signedOn: '2026-03-03', signer: 'Hoàng Văn Nam' } });
    assert.equal(r.statusCode, 200, r.body);
    d = r.json();
    assert.equal(d.state, 'result_ready');
    assert.equal(d.nationalStatus, 9);
    assert.equal(d.classification, 'early');

    t.setNow('2026-03-04T02:00:00Z');
    r = await act(t, deskUser, id, { action: 'return_result' });
    assert.equal(r.statusCode, 200, r.body);
    d = r.json();
    assert.equal(d.state, 'returned');
    assert.equal(d.nationalStatus, 10);
    assert.deepEqual(d.timeline.map((e: { action: string }) => e.action), ['intake.complete', 'forward', 'forward', 'approve', 'record_result', 'return_result']);
    assert.ok(d.timeline.slice(1, 4).every((e: { stepDeadline: string | null }) => e.stepDeadline));
    // The public lookup reads the same history from the dossier row (migration 0016).
    const lookup = await t.app.inject({ method: 'POST', url: '/api/v1/public/dossiers/lookup', payload: { code: d.code, phone: '0912345678' } });
    assert.equal(lookup.statusCode, 200, lookup.body);
    assert.deepEqual(lookup.json().timeline, d.timeline.map((e: { at: string; actionLabel: string; actionLabelEn: string }) => ({ at: new Date(e.at).toISOString(), label: e.actionLabel, labelEn: e.actionLabelEn })));
    assert.deepEqual(await timelinesOutOfStep(t.database.db), []);
    const audits = await t.database.db.selectFrom('audit_log').select('action').where('subject_id', '=', id).orderBy('id').execute();
    assert.deepEqual(audits.map((a) => a.action), ['dossier.intake.complete', 'dossier.forward', 'dossier.forward', 'dossier.approve', 'dossier.record_result', 'dossier.return_result']);
    const stats = await t.database.db.selectFrom('dossier_stats').selectAll().where('period', '=', 'month').execute();
    const sum = (c: 'received_counter' | 'resolved_early') => stats.reduce((n, s) => n + s[c], 0);
    assert.equal(sum('received_counter'), 1);
    assert.equal(sum('resolved_early'), 1);
  });

  test('a stale version gets 409 and changes nothing; a replayed Idempotency-Key returns the same dossier', async () => {
    const deskUser = 'bonglai.motcua2';
    const desk = await t.login(deskUser);
    const first = await intake(t, desk, { key: 'key-0001-abcdef' });
    const again = await intake(t, desk, { key: 'key-0001-abcdef' });
    assert.equal(first.statusCode, 201);
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().id, first.json().id);
    assert.equal(again.json().replayed, true);
    const other = await intake(t, desk, { key: 'key-0001-abcdef', applicant: { fullName: 'Người khác' } });
    assert.equal(other.statusCode, 409);
    const id = first.json().id;
    const stale = await t.as(desk, { method: 'POST', url: `/api/v1/dossiers/${id}/actions`, payload: { action: 'forward', version: 99 } });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error.code, 'stale_version');
    const d = (await t.as(desk, { url: `/api/v1/dossiers/${id}` })).json();
    assert.equal(d.state, 'received');
    assert.equal(d.version, 1);
  });

  test('a desk officer of another ward gets 404; the province report viewer reads but cannot act', async () => {
    const deskUser = 'bonglai.motcua1';
    const desk = await t.login(deskUser);
    const id = (await intake(t, desk)).json().id;
    const stranger = await t.login('kinhbac.motcua');
    assert.equal((await t.as(stranger, { url: `/api/v1/dossiers/${id}` })).statusCode, 404);
    assert.equal((await t.as(stranger, { method: 'POST', url: `/api/v1/dossiers/${id}/actions`, payload: { action: 'forward', version: 1 } })).statusCode, 404);
    const list = (await t.as(stranger, { url: '/api/v1/dossiers' })).json();
    assert.ok(!list.items.some((i: { id: string }) => i.id === id));
    const viewer = await t.login('tinh.baocao');
    assert.equal((await t.as(viewer, { url: `/api/v1/dossiers/${id}` })).statusCode, 200);
    assert.deepEqual((await t.as(viewer, { url: `/api/v1/dossiers/${id}` })).json().availableActions, []);
    assert.equal((await t.as(viewer, { method: 'POST', url: `/api/v1/dossiers/${id}/actions`, payload: { action: 'forward', version: 1 } })).statusCode, 403);
    // Receiving for another ward is refused.
    assert.equal((await intake(t, stranger)).statusCode, 403);
  });

  test('incomplete and refused intakes are stored without a code', async () => {
    const deskUser = 'bonglai.motcua3';
    const desk = await t.login(deskUser);
    const incomplete = await intake(t, desk, { outcome: 'incomplete' });
    assert.equal(incomplete.statusCode, 201, incomplete.body);
    assert.equal(incomplete.json().code, null);
    assert.equal(incomplete.json().state, 'intake_incomplete');
    const refused = await intake(t, desk, { outcome: 'refused' });
    assert.equal(refused.json().state, 'intake_refused');
    const bad = await intake(t, desk, { outcome: 'refused', extra: { reasons: [] } });
    assert.equal(bad.statusCode, 400);
    const badId = await intake(t, desk, { applicant: { idNumber: '027290001234', birthYear: 1990 } });
    assert.equal(badId.statusCode, 400);
    assert.match(badId.json().error.messageVi, /năm sinh 2090/);
  });

  test('queues count the work', async () => {
    const deskUser = 'bonglai.motcua1';
    const desk = await t.login(deskUser);
    const q = (await t.as(desk, { url: '/api/v1/dossiers/queues' })).json();
    assert.ok(q.mine >= 1);
    const list = (await t.as(desk, { url: '/api/v1/dossiers?queue=mine' })).json();
    assert.equal(list.items.length, q.mine);
  });

  test('a ward desk\'s queues, read unit by unit and merged, hold its units\' dossiers in order, page by page', async () => {
    const desk = await t.login('bonglai.motcua1');
    const { reach } = await listCaller(t, 'bonglai.motcua1');
    assert.ok(reach !== 'all');
    const inReach = t.database.db.selectFrom('dossiers as d')
      .where('d.unit_id', 'in', (eb) => eb.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', 'in', reach as string[]));
    const all = await inReach.select('d.id').orderBy('d.created_at', 'desc').orderBy('d.id', 'desc').execute();
    const unassigned = await inReach.select('d.id').where('d.assignee_id', 'is', null).where('d.state', 'in', ['received', 'in_progress'])
      .orderBy('d.due_at').orderBy('d.id').execute();
    assert.ok(all.length >= 3, `${all.length} dossiers in reach`);
    const pages = async (queue: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const body: { items: { id: string }[]; nextCursor: string | null } = (await t.as(desk, { url: `/api/v1/dossiers?queue=${queue}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}` })).json();
        seen.push(...body.items.map((d) => d.id));
        cursor = body.nextCursor;
      } while (cursor && seen.length < 500);
      return seen;
    };
    assert.deepEqual(await pages('all'), all.map((r) => r.id));
    assert.ok(unassigned.length >= 2, `${unassigned.length} unassigned`);
    assert.deepEqual(await pages('unassigned'), unassigned.map((r) => r.id));
  });

  test('a name search finds the same dossiers, newest first and page by page, for a ward desk (few units) and the province', async () => {
    const desk = await t.login('bonglai.motcua1');
    const made: string[] = [];
    for (const [i, fullName] of ['Lương Thị Search', 'Lương Văn Other', 'Lương Thị Search Hai'].entries()) {
      t.setNow(`2026-03-02T0${3 + i}:00:00Z`);
      const res = await intake(t, desk, { applicant: { fullName } });
      assert.equal(res.statusCode, 201, res.body);
      made.push(res.json().id);
    }
    const expected = [made[2], made[0]];
    const pages = async (s: Awaited<ReturnType<typeof t.login>>) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const body: { items: { id: string }[]; nextCursor: string | null } = (await t.as(s, { url: `/api/v1/dossiers?q=${encodeURIComponent('luong thi search')}&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}` })).json();
        seen.push(...body.items.map((d) => d.id));
        cursor = body.nextCursor;
      } while (cursor && seen.length < 10);
      return seen;
    };
    assert.deepEqual(await pages(desk), expected);
    assert.deepEqual(await pages(await t.login('tinh.baocao')), expected);
    const other = await t.login('bonglai.motcua1');
    const none = (await t.as(other, { url: `/api/v1/dossiers?q=${encodeURIComponent('Không Ai Tên Này')}` })).json();
    assert.deepEqual(none.items, []);
  });
});
