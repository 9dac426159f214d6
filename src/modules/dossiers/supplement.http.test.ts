import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { act, intake } from './test/helpers.ts';

describe('supplement, pause and apology', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: new Date('2026-03-02T02:00:00Z') }); // Monday 09:00
  });
  after(() => t.close());

  test('supplement restarts the clock; an apology gives one new appointment; returning after the original due date is late', async () => {
    const deskUser = 'bonglai.motcua1';
    const desk = await t.login(deskUser);
    const specialist = await t.login('bonglai.chuyenvien');
    const leader = await t.login('bonglai.lanhdao');
    const id = (await intake(t, desk)).json().id;
    await act(t, deskUser, id, { action: 'forward' });

    t.setNow('2026-03-03T02:00:00Z'); // Tue 09:00, within 3 working days of receipt
    let r = await act(t, 'bonglai.chuyenvien', id, { action: 'request_supplement', reason: 'Thiếu giấy tờ chứng minh', items: [{ document: 'Giấy tờ làm căn cứ cải chính', reason: 'Bản sao chưa chứng thực' }] });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().state, 'supplement_requested');
    assert.equal(r.json().nationalStatus, 5);

    t.setNow('2026-03-09T02:00:00Z'); // Mon 09:00: the applicant brings the documents
    r = await act(t, deskUser, id, { action: 'complete_supplement' });
    assert.equal(r.statusCode, 200, r.body);
    let d = r.json();
    assert.equal(d.state, 'in_progress');
    assert.equal(d.dueAt, '2026-03-12T17:00:00+07:00', 'the 3 working days restart from the completion');
    assert.equal(d.supplementRounds.length, 1);
    assert.equal(d.supplementRounds[0].oldDueAt, '2026-03-05T17:00:00+07:00');
    assert.equal(d.supplementRounds[0].newDueAt, '2026-03-12T17:00:00+07:00');

    // Too late for a second supplement request.
    t.setNow('2026-03-13T02:00:00Z');
    r = await act(t, 'bonglai.chuyenvien', id, { action: 'request_supplement', reason: 'Thêm giấy tờ' });
    assert.equal(r.statusCode, 422);
    assert.equal(r.json().error.code, 'supplement_window_closed');

    // Apology before the due date.
    t.setNow('2026-03-11T02:00:00Z');
    r = await act(t, 'bonglai.lanhdao', id, { action: 'apologize', reason: 'Cần xác minh thêm', newAppointmentAt: '2026-03-17T17:00:00+07:00' });
    assert.equal(r.statusCode, 200, r.body);
    d = r.json();
    assert.equal(d.appointmentAt, '2026-03-17T17:00:00+07:00');
    assert.equal(d.dueAt, '2026-03-12T17:00:00+07:00', 'the statutory due date stays');
    r = await act(t, 'bonglai.lanhdao', id, { action: 'apologize', reason: 'Lần hai', newAppointmentAt: '2026-03-20T17:00:00+07:00' });
    assert.equal(r.statusCode, 422);
    assert.equal(r.json().error.code, 'apology_used');

    t.setNow('2026-03-16T02:00:00Z');
    await act(t, 'bonglai.chuyenvien', id, { action: 'forward' });
    await act(t, 'bonglai.lanhdao', id, { action: 'approve' });
    r = await act(t, deskUser, id, { action: 'record_result', result: { number: '21/2026' } });
    assert.equal(r.json().classification, 'late');
    r = await act(t, deskUser, id, { action: 'return_result' });
    d = r.json();
    assert.equal(d.state, 'returned');
    assert.deepEqual(d.timeline.map((e: { toState: string }) => e.toState), ['received', 'in_progress', 'supplement_requested', 'in_progress', 'in_progress', 'in_progress', 'in_progress', 'result_ready', 'returned']);
    const stats = await t.database.db.selectFrom('dossier_stats').selectAll().where('period', '=', 'month').execute();
    assert.equal(stats.reduce((n, s) => n + s.resolved_late, 0), 1);
    assert.equal(stats.reduce((n, s) => n + s.received_supplemented, 0), 1);
  });

  test('a pause for financial obligations extends the due date by the working time paused', async () => {
    t.setNow('2026-03-02T02:00:00Z');
    const deskUser = 'bonglai.motcua2';
    const desk = await t.login(deskUser);
    const id = (await intake(t, desk)).json().id;
    let r = await act(t, deskUser, id, { action: 'pause_financial', reason: 'Chờ nộp lệ phí' });
    assert.equal(r.json().nationalStatus, 6);
    t.setNow('2026-03-03T02:00:00Z'); // one working day later
    r = await act(t, deskUser, id, { action: 'resume' });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().dueAt, '2026-03-06T17:00:00+07:00');
    assert.equal(r.json().state, 'received');
  });

  test('withdraw and stop close the dossier; illegal actions are refused clearly', async () => {
    t.setNow('2026-03-02T02:00:00Z');
    const deskUser = 'bonglai.motcua3';
    const desk = await t.login(deskUser);
    const leader = await t.login('bonglai.lanhdao');
    const a = (await intake(t, desk)).json().id;
    let r = await act(t, deskUser, a, { action: 'withdraw', reason: 'Công dân xin rút hồ sơ' });
    assert.equal(r.json().state, 'withdrawn');
    assert.equal(r.json().nationalStatus, 7);
    r = await act(t, deskUser, a, { action: 'forward' });
    assert.equal(r.statusCode, 409);
    assert.match(r.json().error.messageVi, /Không thể/);
    const b = (await intake(t, desk)).json().id;
    r = await act(t, deskUser, b, { action: 'stop', reason: 'x' });
    assert.equal(r.statusCode, 403);
    r = await act(t, 'bonglai.lanhdao', b, { action: 'stop', reason: 'Người nộp không bổ sung theo yêu cầu' });
    assert.equal(r.json().nationalStatus, 8);
    r = await act(t, deskUser, b, { action: 'withdraw' });
    assert.equal(r.statusCode, 400);
  });
});

describe('intake corrections and units without an agency identifier', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: new Date('2026-03-02T02:00:00Z') });
  });
  after(() => t.close());

  test('correcting the procedure re-pins it, recomputes the due date, moves the statistics and reissues the receipt', async () => {
    const desk = await t.login('bonglai.motcua1');
    const id = (await intake(t, desk)).json().id; // 1.004859: 3 working days → Thu 5/3
    const r = await act(t, 'bonglai.motcua1', id, {
      action: 'correct_intake', reason: 'Chọn nhầm thủ tục khi tiếp nhận',
      correction: { procedureCode: '1.004222', applicant: { fullName: 'Nguyễn Thị Ánh Tuyết' } },
    });
    assert.equal(r.statusCode, 200, r.body);
    const d = r.json();
    assert.equal(d.procedureCode, '1.004222');
    assert.equal(d.receiptIssue, 2);
    assert.equal(d.dueAt, '2026-03-11T17:00:00+07:00', 'permanent residence: 7 working days from Monday 2/3');
    const stats = await t.database.db.selectFrom('dossier_stats as s').innerJoin('procedures as p', 'p.id', 's.procedure_id')
      .select(['p.code', 's.received_counter']).where('s.period', '=', 'month').where('s.received_counter', '<>', 0).execute();
    assert.deepEqual(stats.map((s) => `${s.code}:${s.received_counter}`), ['1.004222:1']);
    const form = await t.app.inject({ url: `/api/v1/dossiers/${id}/forms/01.pdf`, headers: { cookie: (await t.login('bonglai.motcua1')).cookie } });
    assert.equal(form.statusCode, 200);
  });

  test('a unit without an agency identifier cannot issue dossier codes', async () => {
    const admin = await t.login('admin');
    const province = (await t.app.inject({ url: '/api/v1/units?code=24' })).json().items[0];
    const ward = await t.as(admin, { method: 'POST', url: '/api/v1/units', payload: { kind: 'ward', name: 'Thử Nghiệm', fullName: 'Phường Thử Nghiệm', parentId: province.id, code: '99999', validFrom: '2025-07-01' } });
    assert.equal(ward.statusCode, 201, ward.body);
    const official = await t.as(admin, { method: 'POST', url: '/api/v1/officials', payload: {
      username: 'thunghiem.motcua', password: 'demo-password-1', fullName: 'Cán bộ thử', unitId: ward.json().id, grants: [{ role: 'desk_officer', unitId: ward.json().id }],
    } });
    assert.equal(official.statusCode, 201, official.body);
    const res = await intake(t, await t.login('thunghiem.motcua'), { unitCode: '99999' });
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(res.json().error.code, 'no_agency_code');
    assert.match(res.json().error.messageVi, /mã định danh cơ quan/);
  });
});
