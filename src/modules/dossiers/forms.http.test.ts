import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { PAGE_POINTS, pdfFlatText, pdfInfo } from '../../documents/testing.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { act, intake, unitByCode } from './test/helpers.ts';

describe('forms, register, lookup and payments', () => {
  let t: TestApp;
  let id: string;
  let code: string;
  let secret: string;
  before(async () => {
    t = await createTestApp({ now: new Date('2026-03-02T02:00:00Z') });
    const res = (await intake(t, await t.login('bonglai.motcua1'))).json();
    ({ id, code, lookupSecret: secret } = res);
  });
  after(() => t.close());

  const pdf = async (form: string) => {
    const s = await t.login('bonglai.motcua1');
    const res = await t.app.inject({ url: `/api/v1/dossiers/${id}/forms/${form}.pdf`, headers: { cookie: s.cookie } });
    return res;
  };

  test('form 01 prints the receipt with the national header, the code, the applicant and the appointment', async () => {
    const res = await pdf('01');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    const text = pdfFlatText(res.rawPayload);
    for (const s of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'UBND PHƯỜNG BỒNG LAI', code, 'Nguyễn Thị Ánh Tuyết', secret, 'Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch']) {
      assert.ok(text.includes(s), `missing "${s}"`);
    }
    const info = pdfInfo(res.rawPayload);
    assert.deepEqual([info.width, info.height], [PAGE_POINTS.A5.width, PAGE_POINTS.A5.height]);
  });

  test('form 05 lists each hand-over with its step deadline; 04 is refused until there is an apology', async () => {
    await act(t, 'bonglai.motcua1', id, { action: 'forward' });
    t.setNow('2026-03-03T02:00:00Z');
    await act(t, 'bonglai.chuyenvien', id, { action: 'forward' });
    const res = await pdf('05');
    assert.equal(res.statusCode, 200);
    const text = pdfFlatText(res.rawPayload);
    assert.ok(text.includes('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ'));
    assert.ok(text.includes('Nguyễn Thị Lan') && text.includes('Phạm Đức Anh'));
    const apology = await pdf('04');
    assert.equal(apology.statusCode, 409);
    assert.equal(apology.json().error.code, 'form_not_available');
  });

  test('the register of the ward (form 06) as XLSX lists the dossier', async () => {
    const unit = await unitByCode(t, '09295');
    const s = await t.login('bonglai.lanhdao');
    const res = await t.app.inject({ url: `/api/v1/units/${unit.id}/dossier-register?from=2026-03-01&to=2026-03-31&format=xlsx`, headers: { cookie: s.cookie } });
    assert.equal(res.statusCode, 200, res.body);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const values = wb.worksheets[0].getSheetValues().flat().map(String);
    assert.ok(values.includes(code));
    const other = await t.login('kinhbac.motcua');
    const denied = await t.app.inject({ url: `/api/v1/units/${unit.id}/dossier-register?from=2026-03-01&to=2026-03-31`, headers: { cookie: other.cookie } });
    assert.equal(denied.statusCode, 403);
  });

  test('public lookup needs the exact code and a second factor, and hides personal data', async () => {
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/public/dossiers/lookup', payload: { code, phone: '0912345678' } });
    assert.equal(ok.statusCode, 200, ok.body);
    const body = ok.json();
    assert.equal(body.applicantName, 'N***** T** Á** Tuyết');
    assert.equal(body.status, 4);
    assert.ok(!JSON.stringify(body).includes('Nguyễn Thị Lan'), 'no official names');
    const bySecret = await t.app.inject({ method: 'POST', url: '/api/v1/public/dossiers/lookup', payload: { code, secret: secret.toLowerCase() } });
    assert.equal(bySecret.statusCode, 200);
    for (const payload of [{ code, phone: '0999999999' }, { code: code.slice(0, -1), phone: '0912345678' }, { code, secret: 'WRONGWRONG' }]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/public/dossiers/lookup', payload });
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().error.code, 'dossier_not_found');
    }
    const noFactor = await t.app.inject({ method: 'POST', url: '/api/v1/public/dossiers/lookup', payload: { code } });
    assert.equal(noFactor.statusCode, 400);
  });

  test('lookups sent together are each answered for their own code and second factor', async () => {
    const other = (await intake(t, await t.login('bonglai.motcua2'))).json();
    const cases = [
      { payload: { code, phone: '0912345678' }, status: 200 },
      { payload: { code: other.code, secret: other.lookupSecret }, status: 200 },
      { payload: { code: other.code, secret: secret }, status: 404 },
      { payload: { code: `${code}9`, phone: '0912345678' }, status: 404 },
      { payload: { code: other.code, phone: '0912345678' }, status: 200 },
    ];
    const answers = await Promise.all(cases.map((c) => t.app.inject({ method: 'POST', url: '/api/v1/public/dossiers/lookup', payload: c.payload })));
    answers.forEach((res, i) => {
      assert.equal(res.statusCode, cases[i].status, `${i}: ${res.body}`);
      if (res.statusCode === 200) assert.equal(res.json().code, cases[i].payload.code);
    });
  });

  test('fees: an unpaid dossier cannot be returned; payments appear on the cash list', async () => {
    t.setNow('2026-03-02T03:00:00Z');
    const desk = await t.login('bonglai.motcua2');
    const paid = (await intake(t, desk, { code: '2.000635' })).json(); // certified copy: 8,000 đồng per copy
    let d = (await t.as(desk, { url: `/api/v1/dossiers/${paid.id}` })).json();
    assert.ok(d.fees.total > 0 && d.fees.gate);
    for (const step of [['bonglai.motcua2', 'forward'], ['bonglai.chuyenvien', 'forward'], ['bonglai.lanhdao', 'approve'], ['bonglai.motcua2', 'record_result']]) {
      const r = await act(t, step[0], paid.id, { action: step[1] });
      assert.equal(r.statusCode, 200, `${step[1]}: ${r.body}`);
    }
    let r = await act(t, 'bonglai.motcua2', paid.id, { action: 'return_result' });
    assert.equal(r.statusCode, 422);
    assert.equal(r.json().error.code, 'payment_due');
    d = (await t.as(desk, { url: `/api/v1/dossiers/${paid.id}` })).json();
    r = await t.as(desk, { method: 'POST', url: `/api/v1/dossiers/${paid.id}/payments`, payload: { version: d.version, amount: d.fees.total, method: 'cash', receiptNumber: 'BL-0001' } });
    assert.equal(r.statusCode, 200, r.body);
    r = await act(t, 'bonglai.motcua2', paid.id, { action: 'return_result' });
    assert.equal(r.statusCode, 200, r.body);
    const unit = await unitByCode(t, '09295');
    const cash = (await t.as(desk, { url: `/api/v1/units/${unit.id}/cash-list?date=2026-03-02` })).json();
    assert.equal(cash.total, d.fees.total);
    assert.equal(cash.items[0].receiptNumber, 'BL-0001');
  });
});
