// Hand-computed fixture: dossiers received and handled at phường Bồng Lai (and one at Kinh Bắc) through the real
// API with a moving clock, then the reports checked figure by figure. The expected values are worked out by hand
// in the comments below, not computed by the code under test.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { pdfFlatText } from '../../documents/testing.ts';
import { createTestApp, type Session, type TestApp } from '../../testing/app.ts';
import { act, intake, unitByCode } from '../dossiers/test/helpers.ts';

const DESK = 'bonglai.motcua1';
const SPECIALIST = 'bonglai.chuyenvien';
const LEADER = 'bonglai.lanhdao';

/** 09:00 in Vietnam on a March (or other) 2026 day. */
const at = (date: string, hour = 9) => `${date}T${String(hour - 7).padStart(2, '0')}:00:00Z`;

const HO_TICH = '1.004859'; // 3 working days
const CHUNG_THUC = '2.001035'; // 2 working days
const CU_TRU = '1.004222'; // 7 working days

describe('reports from a hand-computed fixture', () => {
  let t: TestApp;
  let bongLai: string;
  let kinhBac: string;
  let province: string;
  const ids: Record<string, string> = {};

  async function receive(key: string, when: string, code: string, opts: { channel?: 'counter' | 'post' | 'online'; outcome?: 'complete' | 'incomplete' | 'refused'; unitCode?: string; desk?: string } = {}) {
    t.setNow(when);
    const s: Session = await t.login(opts.desk ?? DESK);
    const res = await intake(t, s, { code, outcome: opts.outcome, unitCode: opts.unitCode, extra: { channel: opts.channel ?? 'counter' } });
    assert.equal(res.statusCode, 201, res.body);
    ids[key] = res.json().id;
  }

  async function step(key: string, when: string, user: string, body: Record<string, unknown>) {
    t.setNow(when);
    const res = await act(t, user, ids[key], body);
    assert.equal(res.statusCode, 200, `${key} ${body.action}: ${res.body}`);
    return res.json();
  }

  async function resolve(key: string, when: string) {
    await step(key, when, DESK, { action: 'forward' });
    await step(key, when, SPECIALIST, { action: 'forward' });
    await step(key, when, LEADER, { action: 'approve' });
    return step(key, when, DESK, { action: 'record_result', result: { number: `${key}/2026` } });
  }

  before(async () => {
    t = await createTestApp({ now: new Date(at('2026-02-25')) });
    bongLai = (await unitByCode(t, '09295')).id;
    kinhBac = (await unitByCode(t, '09187')).id;
    province = (await t.app.inject({ url: '/api/v1/units?code=24' })).json().items[0].id;

    // D1 — carried over: received Wed 25/02 (7 working days, due 06/03), resolved 04/03: early.
    await receive('D1', at('2026-02-25'), CU_TRU);
    // D2 — received Mon 02/03, due Thu 05/03, resolved 05/03: on time.
    await receive('D2', at('2026-03-02'), HO_TICH);
    // D3 — online, supplement requested 03/03 and completed 09/03 (due restarts: 12/03), resolved 16/03: late.
    await receive('D3', at('2026-03-02'), HO_TICH, { channel: 'online' });
    await step('D3', at('2026-03-02'), DESK, { action: 'forward' });
    await step('D3', at('2026-03-03'), SPECIALIST, { action: 'request_supplement', reason: 'Thiếu giấy tờ' });
    await step('D3', at('2026-03-09'), DESK, { action: 'complete_supplement' });
    // D4 — by post 03/03 (2 working days, due 05/03), refused after appraisal 04/03: resolved early, refused.
    await receive('D4', at('2026-03-03'), CHUNG_THUC, { channel: 'post' });
    await step('D4', at('2026-03-04'), DESK, { action: 'forward' });
    await step('D4', at('2026-03-04'), SPECIALIST, { action: 'refuse', reasons: ['Không đủ điều kiện chứng thực'] });
    await resolve('D1', at('2026-03-04'));
    const d2 = await resolve('D2', at('2026-03-05'));
    assert.equal(d2.classification, 'on_time');
    // D14 — received 05/03, supplement 06/03, completed 09/03, refused 10/03: supplemented AND refused.
    await receive('D14', at('2026-03-05'), HO_TICH);
    await step('D14', at('2026-03-05'), DESK, { action: 'forward' });
    await step('D14', at('2026-03-06'), SPECIALIST, { action: 'request_supplement', reason: 'Thiếu bản sao' });
    await step('D14', at('2026-03-09'), DESK, { action: 'complete_supplement' });
    await step('D14', at('2026-03-10'), SPECIALIST, { action: 'refuse', reasons: ['Không thuộc trường hợp được cải chính'] });
    // D5 — received Tue 10/03 (due 12/03), paused for fees 10/03–12/03 (due moves to 16/03), resolved 13/03: early.
    await receive('D5', at('2026-03-10'), CHUNG_THUC);
    await step('D5', at('2026-03-10'), DESK, { action: 'pause_financial', reason: 'Chờ nộp phí chứng thực' });
    await step('D5', at('2026-03-12'), DESK, { action: 'resume' });
    const d5 = await resolve('D5', at('2026-03-13'));
    assert.equal(d5.classification, 'early');
    // K1 — Kinh Bắc, received 10/03 (due 13/03), still open on 31/03: overdue (province rollup only).
    await receive('K1', at('2026-03-10'), HO_TICH, { unitCode: '09187', desk: 'kinhbac.motcua' });
    const d3 = await (async () => {
      await step('D3', at('2026-03-16'), SPECIALIST, { action: 'forward' });
      await step('D3', at('2026-03-16'), LEADER, { action: 'approve' });
      return step('D3', at('2026-03-16'), DESK, { action: 'record_result', result: { number: 'D3/2026' } });
    })();
    assert.equal(d3.classification, 'late');
    // D6 — received 16/03 (due 19/03), apology 18/03 with a new appointment 25/03; still open on 31/03: overdue.
    await receive('D6', at('2026-03-16'), HO_TICH);
    await step('D6', at('2026-03-16'), DESK, { action: 'forward' });
    await step('D6', at('2026-03-18'), LEADER, { action: 'apologize', reason: 'Cần xác minh thêm', newAppointmentAt: '2026-03-25T17:00:00+07:00' });
    // D7 — received Fri 20/03, 7 working days: due Tue 31/03, open at the end: within deadline on its due day.
    await receive('D7', at('2026-03-20'), CU_TRU);
    // D8 — received 23/03, withdrawn 24/03. D9 — online 24/03, stopped 26/03.
    await receive('D8', at('2026-03-23'), HO_TICH);
    await step('D8', at('2026-03-24'), DESK, { action: 'withdraw', reason: 'Công dân xin rút hồ sơ' });
    await receive('D9', at('2026-03-24'), HO_TICH, { channel: 'online' });
    await step('D9', at('2026-03-26'), LEADER, { action: 'stop', reason: 'Người nộp không bổ sung' });
    // D10, D11 — incomplete and refused at the counter on 25/03: never received.
    await receive('D10', at('2026-03-25'), HO_TICH, { outcome: 'incomplete' });
    await receive('D11', at('2026-03-25'), HO_TICH, { outcome: 'refused' });
    // D12 — received Tue 31/03 (due 02/04): within deadline. D13 — received 01/04: outside March.
    await receive('D12', at('2026-03-31'), CHUNG_THUC);
    await receive('D13', at('2026-04-01'), HO_TICH);

    // Ratings (citizen side): four in March — 2 satisfied or very satisfied — and one in April.
    const official = (await t.database.db.selectFrom('users').select('id').where('username', '=', DESK).executeTakeFirstOrThrow()).id;
    const rows = await t.database.db.selectFrom('dossiers').select(['id', 'unit_id', 'procedure_id']).where('id', 'in', [ids.D1, ids.D2, ids.D3, ids.D5, ids.D4]).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const rating = (key: string, ratedAt: string, attitude: string, contacts: number, infoCorrect: boolean) => {
      const d = byId.get(ids[key])!;
      return { dossier_id: d.id, unit_id: d.unit_id, procedure_id: d.procedure_id, official_id: official, rated_at: new Date(ratedAt), channel: 'kiosk' as const, attitude: attitude as 'satisfied', contacts_needed: contacts, bodies_visited: 1, info_correct: infoCorrect };
    };
    await t.database.db.insertInto('dossier_ratings').values([
      rating('D1', at('2026-03-04', 10), 'very_satisfied', 0, true),
      rating('D2', at('2026-03-05', 10), 'satisfied', 0, true),
      rating('D3', at('2026-03-16', 10), 'dissatisfied', 2, false),
      rating('D5', at('2026-03-13', 10), 'neutral', 1, true),
      rating('D4', at('2026-04-02', 10), 'satisfied', 0, true),
    ]).execute();
    // Questions: three asked in March; two answered in March, one in April.
    const question = (n: number, asked: string, answered: string | null) => ({
      reference: `HD-TEST-${n}`, unit_id: bongLai, asker_name: 'Người hỏi', asker_secret_hash: 'x'.repeat(64), title: 'Hỏi',
      body: 'Nội dung', asked_at: new Date(asked), target_answer_at: new Date(asked), status: answered ? 'answered' as const : 'open' as const,
      answered_at: answered ? new Date(answered) : null, answer: answered ? 'Trả lời' : null,
    });
    await t.database.db.insertInto('questions').values([
      question(1, at('2026-03-02'), at('2026-03-03')),
      question(2, at('2026-03-10'), at('2026-03-11')),
      question(3, at('2026-03-30'), at('2026-04-02')),
    ]).execute();
    t.setNow(at('2026-04-10'));
  });
  after(() => t.close());

  const march = (unitId: string) => `unitId=${unitId}&from=2026-03-01&to=2026-03-31`;

  test('summary of March for phường Bồng Lai, figure by figure', async () => {
    const viewer = await t.login(LEADER);
    const res = await t.as(viewer, { url: `/api/v1/reports/summary?${march(bongLai)}` });
    assert.equal(res.statusCode, 200, res.body);
    const s = res.json();
    assert.equal(s.asOf, '2026-03-31');
    // New in March: D2, D3, D4, D5, D6, D7, D8, D9, D12, D14 = 10 (online D3, D9); carried over: D1.
    assert.deepEqual(s.received, { total: 10, carriedOver: 1, online: 2, inPersonOrPost: 8 });
    // Resolved: D1 early, D2 on time, D3 late, D4 early (refused), D5 early, D14 early (refused).
    assert.deepEqual(s.resolved, { total: 6, early: 4, onTime: 1, late: 1 });
    // Open on 31/03: D6 (due 19/03, overdue), D7 (due 31/03), D12 (due 02/04).
    assert.deepEqual(s.inProgress, { total: 3, withinDeadline: 2, overdue: 1 });
    assert.equal(s.withdrawn, 1);
    assert.equal(s.stopped, 1);
    assert.deepEqual(s.intake, { incomplete: 1, refused: 1 });
    assert.deepEqual(s.rates.onTime, { value: 5 / 6, numerator: 5, denominator: 6 });
    // Neither supplemented (D3, D14) nor refused (D4, D14): 10 − 2 − 2 + 1 = 7.
    assert.deepEqual(s.rates.firstTimeAcceptance, { value: 0.7, numerator: 7, denominator: 10 });
    assert.deepEqual(s.rates.supplement, { value: 0.2, numerator: 2, denominator: 10 });
    assert.deepEqual(s.rates.return, { value: 0.2, numerator: 2, denominator: 10 });
    assert.deepEqual(s.rates.online, { value: 0.2, numerator: 2, denominator: 10 });
    assert.deepEqual(s.rates.satisfaction, { value: 0.5, numerator: 2, denominator: 4 });
    assert.deepEqual(s.ratings, { count: 4, satisfied: 2 });
    assert.deepEqual(s.questions, { received: 3, answered: 2 });
    assert.ok(s.averageProcessingDays > 0);
  });

  test('other periods: February, the first quarter (calendar and official cut-off), a range still running', async () => {
    const viewer = await t.login(LEADER);
    const feb = (await t.as(viewer, { url: `/api/v1/reports/summary?unitId=${bongLai}&period=2026-02` })).json();
    assert.deepEqual([feb.received.total, feb.received.carriedOver, feb.resolved.total, feb.inProgress.total, feb.inProgress.overdue], [1, 0, 0, 1, 0]);
    const q1 = (await t.as(viewer, { url: `/api/v1/reports/summary?unitId=${bongLai}&period=2026-Q1` })).json();
    assert.deepEqual([q1.from, q1.to, q1.received.total, q1.received.carriedOver, q1.resolved.total, q1.inProgress.total], ['2026-01-01', '2026-03-31', 11, 0, 6, 3]);
    // Cut-off quarter 15/12/2025 – 14/03/2026: D1, D2, D3, D4, D14, D5 received; D1, D2, D4, D5, D14 resolved;
    // D3 (due 12/03 after its supplement) is still open on 14/03, so overdue.
    const cq1 = (await t.as(viewer, { url: `/api/v1/reports/summary?unitId=${bongLai}&period=2026-Q1&convention=cutoff` })).json();
    assert.deepEqual([cq1.from, cq1.to, cq1.received.total, cq1.resolved.total, cq1.inProgress.total, cq1.inProgress.overdue], ['2025-12-15', '2026-03-14', 6, 5, 1, 1]);
    // April while it runs (today 10/04): D6, D7, D12 carried over and D13 (received 01/04, due 06/04) are all past
    // their due day on 10/04. Counted on 30/04 instead, the future due days would not make them overdue sooner.
    const apr = (await t.as(viewer, { url: `/api/v1/reports/summary?unitId=${bongLai}&period=2026-04` })).json();
    assert.equal(apr.asOf, '2026-04-10');
    assert.deepEqual(apr.received, { total: 1, carriedOver: 3, online: 0, inPersonOrPost: 1 });
    assert.deepEqual(apr.inProgress, { total: 4, withinDeadline: 0, overdue: 4 });
    const early = (await t.as(viewer, { url: `/api/v1/reports/summary?unitId=${bongLai}&from=2026-04-01&to=2026-04-03` })).json();
    assert.deepEqual(early.inProgress, { total: 4, withinDeadline: 1, overdue: 3 }); // on 03/04 only D13 (due 06/04) is not yet late
  });

  test('comparison with the previous period and the same period last year', async () => {
    const viewer = await t.login(LEADER);
    const s = (await t.as(viewer, { url: `/api/v1/reports/summary?${march(bongLai)}&compare=true` })).json();
    assert.equal(s.comparison.previous.label, 'tháng 2 năm 2026');
    assert.deepEqual([s.comparison.previous.from, s.comparison.previous.to], ['2026-02-01', '2026-02-28']);
    assert.equal(s.comparison.previous.summary.received.total, 1);
    assert.equal(s.comparison.sameLastYear.label, 'cùng kỳ năm 2025');
    assert.equal(s.comparison.sameLastYear.summary.received.total, 0);
  });

  test('table 06 by field; each total is the sum of its rows', async () => {
    const viewer = await t.login(LEADER);
    const res = await t.as(viewer, { url: `/api/v1/reports/procedure-handling?${march(bongLai)}&groupBy=field` });
    assert.equal(res.statusCode, 200, res.body);
    const table = res.json();
    const shape = (r: { label: string; received: object; resolved: object; inProgress: object; withdrawn: number; stopped: number }) =>
      [r.label, r.received, r.resolved, r.inProgress, r.withdrawn, r.stopped];
    assert.deepEqual(table.rows.map(shape), [
      ['Chứng thực', { total: 3, carriedOver: 0, online: 0, inPersonOrPost: 3 }, { total: 2, early: 2, onTime: 0, late: 0 }, { total: 1, withinDeadline: 1, overdue: 0 }, 0, 0],
      ['Đăng ký, quản lý cư trú', { total: 1, carriedOver: 1, online: 0, inPersonOrPost: 1 }, { total: 1, early: 1, onTime: 0, late: 0 }, { total: 1, withinDeadline: 1, overdue: 0 }, 0, 0],
      ['Hộ tịch', { total: 6, carriedOver: 0, online: 2, inPersonOrPost: 4 }, { total: 3, early: 1, onTime: 1, late: 1 }, { total: 1, withinDeadline: 0, overdue: 1 }, 1, 1],
    ]);
    assert.deepEqual(table.total, {
      received: { total: 10, carriedOver: 1, online: 2, inPersonOrPost: 8 }, resolved: { total: 6, early: 4, onTime: 1, late: 1 },
      inProgress: { total: 3, withinDeadline: 2, overdue: 1 }, withdrawn: 1, stopped: 1,
    });
    const byProcedure = (await t.as(viewer, { url: `/api/v1/reports/procedure-handling?${march(bongLai)}&groupBy=procedure` })).json();
    assert.deepEqual(byProcedure.rows.map((r: { code: string; received: { total: number } }) => [r.code, r.received.total]).sort(),
      [[CU_TRU, 1], [HO_TICH, 6], [CHUNG_THUC, 3]].sort());
  });

  test('province rollup by sub-unit; reach decides who sees what', async () => {
    const viewer = await t.login('tinh.baocao');
    const res = await t.as(viewer, { url: `/api/v1/reports/procedure-handling?${march(province)}&groupBy=unit` });
    assert.equal(res.statusCode, 200, res.body);
    const table = res.json();
    const row = (id: string) => table.rows.find((r: { key: string }) => r.key === id);
    assert.equal(row(bongLai).received.total, 10);
    assert.deepEqual(row(kinhBac).inProgress, { total: 1, withinDeadline: 0, overdue: 1 });
    assert.ok(table.rows.some((r: { label: string; received: { total: number } }) => r.label === 'Xã Chi Lăng' && r.received.total === 0));
    assert.equal(table.total.received.total, 11);
    assert.equal(table.total.inProgress.overdue, 2);

    const leader = await t.login(LEADER);
    assert.equal((await t.as(leader, { url: `/api/v1/reports/summary?${march(province)}` })).statusCode, 404);
    assert.equal((await t.as(leader, { url: `/api/v1/reports/summary?${march(kinhBac)}` })).statusCode, 404);
    const mine = (await t.as(leader, { url: '/api/v1/reports/summary?period=2026-03' })).json();
    assert.equal(mine.unitId, bongLai);
    const desk = await t.login(DESK);
    assert.equal((await t.as(desk, { url: `/api/v1/reports/summary?${march(bongLai)}` })).statusCode, 403);
    assert.equal((await t.as(null, { url: `/api/v1/reports/summary?${march(bongLai)}` })).statusCode, 401);
    const bad = await t.as(leader, { url: `/api/v1/reports/summary?unitId=${bongLai}&from=2026-03-31&to=2026-03-01` });
    assert.equal(bad.statusCode, 400);
    assert.equal((await t.as(leader, { url: `/api/v1/reports/summary?unitId=${bongLai}&period=2026-Q7` })).statusCode, 400);
  });

  test('XLSX export reads back with the official labels, merged headers and numeric totals', async () => {
    const viewer = await t.login(LEADER);
    const res = await t.as(viewer, { url: `/api/v1/reports/procedure-handling?${march(bongLai)}&format=xlsx` });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.headers['content-type'] as string, /spreadsheetml/);
    assert.match(res.headers['content-disposition'] as string, /bieu-06_2026-03-01_2026-03-31\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => { if (typeof cell.value === 'string') texts.push(cell.value); }));
    for (const label of ['TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH', 'Lĩnh vực giải quyết', 'Số hồ sơ nhận giải quyết',
      'Số kỳ trước chuyển qua', 'Số mới tiếp nhận trực tuyến', 'Trả trước hạn', 'Trả đúng thời hạn', 'Trả quá hạn', 'Trong hạn', 'Quá hạn', 'Tổng cộng', 'Hộ tịch']) {
      assert.ok(texts.includes(label), `missing label ${label}`);
    }
    let totalRow: ExcelJS.Row | null = null;
    sheet.eachRow((row) => { if (row.getCell(2).value === 'Tổng cộng') totalRow = row; });
    const values = Array.from({ length: 11 }, (_, i) => totalRow!.getCell(i + 3).value);
    // (3) = carried over + new = 11, then 1, 2, 8 | 6, 4, 1, 1 | 3, 2, 1.
    assert.deepEqual(values, [11, 1, 2, 8, 6, 4, 1, 1, 3, 2, 1]);
    const merges = (sheet.model as unknown as { merges: string[] }).merges;
    assert.ok(merges.some((m) => /^C\d+:F\d+$/.test(m)), `merged group header: ${merges.join(' ')}`);
  });

  test('CSV and PDF exports', async () => {
    const viewer = await t.login(LEADER);
    const csv = await t.as(viewer, { url: `/api/v1/reports/procedure-handling?${march(bongLai)}&format=csv` });
    assert.equal(csv.statusCode, 200);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.match(lines[0], /^STT,Lĩnh vực giải quyết,Mã thủ tục,/);
    assert.equal(lines.at(-1), ',Tổng cộng,,11,1,2,8,6,4,1,1,3,2,1,1,1');
    const pdf = await t.as(viewer, { url: `/api/v1/reports/procedure-handling?${march(bongLai)}&format=pdf` });
    assert.equal(pdf.statusCode, 200);
    const text = pdfFlatText(pdf.rawPayload);
    for (const s of ['TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH', 'Tháng 3 năm 2026', 'Hộ tịch', 'Tổng cộng', 'PHƯỜNG BỒNG LAI']) assert.ok(text.includes(s), `${s} in ${text}`);
  });

  test('the narrative report carries the figures, as text, DOCX and PDF', async () => {
    const viewer = await t.login(LEADER);
    const res = await t.as(viewer, { url: `/api/v1/reports/narrative?${march(bongLai)}` });
    assert.equal(res.statusCode, 200, res.body);
    const text = res.body;
    assert.match(text, /Tháng 3 năm 2026, Phường Bồng Lai tiếp nhận 10 hồ sơ thủ tục hành chính \(tăng 900% so với tháng 2 năm 2026\), trong đó 2 hồ sơ trực tuyến \(chiếm 20%\)/);
    assert.match(text, /ngoài ra còn 1 hồ sơ của kỳ trước chuyển sang/);
    assert.match(text, /Đã giải quyết 6 hồ sơ, trong đó 4 hồ sơ trước hạn, 1 hồ sơ đúng hạn, 1 hồ sơ quá hạn; tỷ lệ giải quyết trước hạn và đúng hạn đạt 83,3%/);
    assert.match(text, /Đến ngày 31\/03\/2026, còn 3 hồ sơ đang giải quyết \(2 hồ sơ trong hạn, 1 hồ sơ quá hạn\)/);
    assert.match(text, /tiếp nhận ngay từ lần đầu đạt 70%/);
    assert.match(text, /Tiếp nhận 3 lượt hỏi đáp của công dân về thủ tục hành chính, đã trả lời 2 lượt\./);
    assert.match(text, /Qua 4 lượt đánh giá của người dân, mức độ hài lòng về thái độ làm việc của đội ngũ cán bộ tại Phường Bồng Lai đạt 50%/);
    assert.match(text, /Hộ tịch\t6\t0\t3\t2\t1\t1\t1/);

    const docx = await t.as(viewer, { url: `/api/v1/reports/narrative?${march(bongLai)}&format=docx` });
    assert.equal(docx.statusCode, 200);
    assert.match(docx.headers['content-type'] as string, /wordprocessingml/);
    const zip = await JSZip.loadAsync(docx.rawPayload);
    assert.deepEqual(Object.keys(zip.files).filter((f) => !f.endsWith('/')).sort(),
      ['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'word/_rels/document.xml.rels', 'word/document.xml', 'word/styles.xml']);
    const xml = await zip.file('word/document.xml')!.async('string');
    assert.match(xml, /tiếp nhận 10 hồ sơ thủ tục hành chính/);
    assert.match(xml, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);

    const pdf = await t.as(viewer, { url: `/api/v1/reports/narrative?${march(bongLai)}&format=pdf` });
    assert.equal(pdf.statusCode, 200);
    assert.ok(pdfFlatText(pdf.rawPayload).includes('tỷ lệ giải quyết trước hạn và đúng hạn đạt 83,3%'));
  });

  test('dashboard data: months, comparison, sub-units, way back up', async () => {
    const viewer = await t.login('tinh.baocao');
    const res = await t.as(viewer, { url: `/api/v1/reports/dashboard?unitId=${bongLai}&period=2026-Q1` });
    assert.equal(res.statusCode, 200, res.body);
    const d = res.json();
    assert.equal(d.period.label, 'Quý I năm 2026');
    assert.equal(d.period.code, '2026-Q1');
    assert.deepEqual(d.breadcrumbs.map((b: { id: string }) => b.id), [province]);
    assert.deepEqual(d.months.map((m: { month: string; received: { online: number; inPersonOrPost: number } }) => [m.month, m.received.online, m.received.inPersonOrPost]),
      [['2026-01-01', 0, 0], ['2026-02-01', 0, 1], ['2026-03-01', 2, 8]]);
    assert.deepEqual(d.months[2].resolved, { early: 4, onTime: 1, late: 1 });
    assert.deepEqual(d.months[2].ratings, { count: 4, satisfied: 2 });
  });

  test('Circular 01/2018 scores per unit and per official; Decision 766 index from the stored formulas', async () => {
    const viewer = await t.login(LEADER);
    const e = (await t.as(viewer, { url: `/api/v1/reports/evaluation?${march(bongLai)}` })).json();
    // Six dossiers resolved in March: time 4 early (2), 1 on time (1), 1 late (0) → 9/6 = 1.5.
    assert.equal(e.unit.dossiers, 6);
    assert.equal(e.unit.indices.find((i: { key: string }) => i.key === 'total_time').score, 1.5);
    // Supplement rounds: D3 and D14 one each → (4×2 + 2×1) / 6 = 1.7.
    assert.equal(e.unit.indices.find((i: { key: string }) => i.key === 'supplement_requests').score, 1.7);
    // The desk official's rated dossiers finished in March (D4's rating came in April, D4 finished in March):
    // time D1 early, D2 on time, D3 late, D4 early, D5 early → (2+1+0+2+2)/5 = 1.4; contacts 0,0,2,0,1 → 7/5 = 1.4.
    assert.equal(e.officials.length, 1);
    assert.equal(e.officials[0].name, 'Nguyễn Thị Lan');
    assert.equal(e.officials[0].dossiers, 5);
    assert.equal(e.officials[0].indices.find((i: { key: string }) => i.key === 'total_time').score, 1.4);
    assert.equal(e.officials[0].indices.find((i: { key: string }) => i.key === 'contacts').score, 1.4);
    assert.ok(['full', 'most', 'below_most'].includes(e.officials[0].classification));

    const index = (await t.as(viewer, { url: `/api/v1/reports/service-index?${march(bongLai)}` })).json();
    const points = Object.fromEntries(index.groups.map((g: { key: string; points: number | null }) => [g.key, g.points]));
    // satisfaction 18 × 2/4 = 9; online 22 × min(1, 0.2 / 0.7) = 6.29; transparency 18 × 3/4 = 13.5;
    // progress 20 × (0.7 × 5/6 + 0.3 × (1 − 1/3)) = 15.67; digitisation not measured.
    assert.deepEqual(points, { transparency: 13.5, progress: 15.67, digitisation: null, online: 6.29, satisfaction: 9 });
    assert.equal(index.measuredMax, 78);
  });

  test('formulas are data: an administrator changes one, with version check, validation and audit', async () => {
    const admin = await t.login('admin');
    const list = (await t.as(admin, { url: '/api/v1/reports/formulas' })).json();
    const online = list.items.find((f: { key: string }) => f.key === 'online');
    assert.ok(list.indicators.some((i: { name: string }) => i.name === 'onlineRate'));
    const bad = await t.as(admin, { method: 'PUT', url: '/api/v1/reports/formulas/decision_766/online', payload: { expression: '22 * onlineRat', version: online.version } });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().error.messageVi, /Không có chỉ tiêu "onlineRat"/);
    const ok = await t.as(admin, { method: 'PUT', url: '/api/v1/reports/formulas/decision_766/online', payload: { expression: '22 * onlineRate', version: online.version } });
    assert.equal(ok.statusCode, 200, ok.body);
    const stale = await t.as(admin, { method: 'PUT', url: '/api/v1/reports/formulas/decision_766/online', payload: { expression: '22', version: online.version } });
    assert.equal(stale.statusCode, 409);
    const leader = await t.login(LEADER);
    assert.equal((await t.as(leader, { method: 'PUT', url: '/api/v1/reports/formulas/decision_766/online', payload: { expression: '22', version: online.version + 1 } })).statusCode, 403);
    const index = (await t.as(leader, { url: `/api/v1/reports/service-index?${march(bongLai)}` })).json();
    assert.equal(index.groups.find((g: { key: string }) => g.key === 'online').points, 4.4);
    const audits = await t.database.db.selectFrom('audit_log').select('action').where('subject_type', '=', 'report_formula').execute();
    assert.equal(audits.length, 1);
  });

  test('every reports route is in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    for (const path of ['summary', 'procedure-handling', 'narrative', 'dashboard', 'evaluation', 'service-index', 'formulas', 'formulas/{scheme}/{key}', 'settings']) {
      assert.ok(doc.paths[`/api/v1/reports/${path}`], path);
    }
  });

  test('settings: the province switches to the official cut-off; its wards inherit it', async () => {
    const admin = await t.login('admin');
    const put = await t.as(admin, { method: 'PUT', url: '/api/v1/reports/settings', payload: { unitId: province, periodConvention: 'cutoff', cutoffDay: 15, onlineTarget: 0.9, version: null } });
    assert.equal(put.statusCode, 200, put.body);
    const leader = await t.login(LEADER);
    const inherited = (await t.as(leader, { url: `/api/v1/reports/settings?unitId=${bongLai}` })).json();
    assert.deepEqual([inherited.inheritedFrom, inherited.periodConvention, inherited.version], [province, 'cutoff', null]);
    const q = (await t.as(leader, { url: `/api/v1/reports/summary?unitId=${bongLai}&period=2026-Q1` })).json();
    assert.deepEqual([q.from, q.to], ['2025-12-15', '2026-03-14']);
    assert.equal((await t.as(leader, { method: 'PUT', url: '/api/v1/reports/settings', payload: { unitId: bongLai, periodConvention: 'calendar', cutoffDay: 15, onlineTarget: null, version: null } })).statusCode, 403);
    const wardAdmin = await t.login('bonglai.quantri');
    assert.equal((await t.as(wardAdmin, { method: 'PUT', url: '/api/v1/reports/settings', payload: { unitId: province, periodConvention: 'calendar', cutoffDay: 15, onlineTarget: null, version: 1 } })).statusCode, 404);
    const again = await t.as(admin, { method: 'PUT', url: '/api/v1/reports/settings', payload: { unitId: province, periodConvention: 'calendar', cutoffDay: 15, onlineTarget: null, version: null } });
    assert.equal(again.statusCode, 409);
  });
});
