import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { testEngine } from '../../platform/db/testing.ts';
import { countRows, createTestApp, type Session, type TestApp } from '../../testing/app.ts';

describe(`catalogue API (${testEngine})`, () => {
  let t: TestApp;
  let admin: Session;
  let wardAdmin: Session;
  const unit: Record<string, string> = {};
  before(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    wardAdmin = await t.login('bonglai.quantri');
    const rows = await t.database.db.selectFrom('units').select(['id', 'full_name']).where('valid_to', 'is', null).execute();
    for (const r of rows) unit[r.full_name] = r.id;
  });
  after(() => t.close());

  const audits = () => countRows(t.database, 'audit_log');
  /** Runs a request and checks how many audit rows it added. */
  async function expectAudit(added: number, run: () => Promise<{ statusCode: number; body: string }>) {
    const before = await audits();
    const res = await run();
    assert.equal(await audits() - before, added, `audit rows after ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res as Awaited<ReturnType<TestApp['as']>>;
  }
  const send = (s: Session | null, method: string, url: string, payload?: unknown) => t.as(s, { method, url, payload });

  test('public reading: detail with cases, workflow and where to submit; 404 in the error shape', async () => {
    const res = await t.app.inject({ url: '/api/v1/procedures/2.000815' });
    assert.equal(res.statusCode, 200);
    const p = res.json();
    assert.equal(p.onTheSpot, true);
    assert.equal(p.onlineLevel, 'partial');
    assert.match(p.onlineLevelReason, /có mặt/);
    assert.deepEqual(p.abilities, { manage: false });
    assert.equal(p.cases[0].workflow.steps[0].key, 'resolve');
    assert.deepEqual(p.whereToSubmit.map((w: { unitName: string; includeDescendants: boolean; regardlessOfBoundary: boolean }) =>
      [w.unitName, w.includeDescendants, w.regardlessOfBoundary]), [['Tỉnh Bắc Ninh', true, true]]);
    const missing = await t.app.inject({ url: '/api/v1/procedures/9.999999' });
    assert.equal(missing.statusCode, 404);
    assert.deepEqual(Object.keys(missing.json().error).sort(), ['code', 'message', 'messageVi']);
    const history = await t.app.inject({ url: '/api/v1/procedures/1.001193/versions' });
    assert.deepEqual(history.json().items.map((v: { number: number; status: string }) => [v.number, v.status]), [[1, 'published']]);
    const openapi = await t.app.inject({ url: '/api/openapi.json' });
    assert.equal(openapi.statusCode, 200);
    assert.ok(openapi.json().paths['/api/v1/procedures/{code}/publish']);
  });

  test('templates to download', async () => {
    const csv = await t.app.inject({ url: '/api/v1/procedures/import-template.csv' });
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.ok(csv.body.startsWith('\uFEFFMã thủ tục,Tên thủ tục'));
    const xlsx = await t.app.inject({ url: '/api/v1/procedures/import-template.xlsx' });
    assert.equal(xlsx.statusCode, 200);
    assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK');
  });

  test('lifecycle: draft → refused publish → case time → publish → amend → publish later → abolish, each change audited', async () => {
    const created = await expectAudit(1, () => send(admin, 'POST', '/api/v1/procedures', {
      code: 'BN.0001', name: 'Thủ tục  thử nghiệm cấp giấy xác nhận', field: 'Hộ tịch', levels: ['commune'], cases: [{}],
    }));
    assert.equal(created.statusCode, 201, created.body);
    let p = created.json();
    assert.deepEqual([p.versionStatus, p.versionNumber, p.version, p.level, p.name], ['draft', 1, 1, 'Cấp xã', 'Thủ tục  thử nghiệm cấp giấy xác nhận'.normalize('NFC')]);
    assert.equal((await t.app.inject({ url: '/api/v1/procedures/BN.0001' })).statusCode, 404, 'drafts are not public');

    const duplicate = await expectAudit(0, () => send(admin, 'POST', '/api/v1/procedures', { code: 'BN.0001', name: 'X' }));
    assert.equal(duplicate.statusCode, 409);
    assert.equal(duplicate.json().error.code, 'code_taken');

    const refused = await expectAudit(0, () => send(admin, 'POST', '/api/v1/procedures/BN.0001/publish', { version: 1 }));
    assert.equal(refused.statusCode, 422);
    const error = refused.json().error;
    assert.equal(error.code, 'procedure_not_publishable');
    assert.match(error.message, /cannot be published: case #1 has no processing time with a unit/);
    assert.match(error.messageVi, /Chưa thể ban hành thủ tục BN.0001: trường hợp #1 chưa có thời hạn giải quyết/);
    assert.deepEqual(error.fields.map((f: { field: string }) => f.field), ['cases[0].processingTime']);

    const key = p.cases[0].key;
    const withTime = await expectAudit(1, () => send(admin, 'PATCH', `/api/v1/procedures/BN.0001/cases/${key}`, {
      version: 1, processingTime: { amount: 3, kind: 'working_days' },
      documents: [{ name: 'Tờ khai theo mẫu', copyType: 'original', count: 1, formFile: 'to-khai.docx' }, { name: 'Giấy ủy quyền', required: false }],
      fees: [{ amountVnd: 15000, per: 'bản', onlineDiscountPercent: 50 }],
    }));
    assert.equal(withTime.statusCode, 200, withTime.body);
    p = withTime.json();
    assert.deepEqual(p.cases[0].processingTime, { amount: 3, kind: 'working_days', label: '3 ngày làm việc' });
    assert.equal(p.cases[0].needsReview, false);
    assert.equal(p.cases[0].fees[0].amountVnd, 15000);
    assert.equal(p.version, 2);

    const stale = await expectAudit(0, () => send(admin, 'PATCH', '/api/v1/procedures/BN.0001', { version: 1, name: 'Khác' }));
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error.code, 'stale_version');

    const published = await expectAudit(1, () => send(admin, 'POST', '/api/v1/procedures/BN.0001/publish', { version: 2 }));
    assert.equal(published.statusCode, 200, published.body);
    assert.deepEqual([published.json().versionStatus, published.json().effectiveFrom, published.json().status], ['published', '2026-03-02', 'published']);
    assert.equal((await t.app.inject({ url: '/api/v1/procedures/BN.0001' })).json().name, 'Thủ tục  thử nghiệm cấp giấy xác nhận'.normalize('NFC'));

    // A change after publishing opens version 2; the public keeps seeing version 1.
    const renamed = await expectAudit(1, () => send(admin, 'PATCH', '/api/v1/procedures/BN.0001', { version: 3, name: 'Thủ tục thử nghiệm (sửa đổi)' }));
    assert.deepEqual([renamed.json().versionNumber, renamed.json().versionStatus, renamed.json().hasDraft], [2, 'draft', true]);
    assert.equal((await t.app.inject({ url: '/api/v1/procedures/BN.0001' })).json().versionNumber, 1);
    assert.equal(renamed.json().cases[0].key, key, 'the case keeps its key in the new version');

    const sameDay = await expectAudit(0, () => send(admin, 'POST', '/api/v1/procedures/BN.0001/publish', { version: 4 }));
    assert.equal(sameDay.statusCode, 422);
    assert.equal(sameDay.json().error.fields[0].field, 'effectiveFrom');
    const later = await expectAudit(1, () => send(admin, 'POST', '/api/v1/procedures/BN.0001/publish', { version: 4, effectiveFrom: '2026-03-10', decisionNumber: '15/QĐ-UBND' }));
    assert.equal(later.statusCode, 200, later.body);
    assert.equal((await t.app.inject({ url: '/api/v1/procedures/BN.0001' })).json().versionNumber, 1);
    assert.equal((await t.app.inject({ url: '/api/v1/procedures/BN.0001?at=2026-03-10' })).json().name, 'Thủ tục thử nghiệm (sửa đổi)');
    const history = (await t.app.inject({ url: '/api/v1/procedures/BN.0001/versions' })).json().items;
    assert.deepEqual(history.map((v: { number: number; effectiveFrom: string; effectiveTo: string | null }) => [v.number, v.effectiveFrom, v.effectiveTo]),
      [[2, '2026-03-10', null], [1, '2026-03-02', '2026-03-10']]);
    const v1 = await t.app.inject({ url: '/api/v1/procedures/BN.0001/versions/1' });
    assert.equal(v1.json().name, 'Thủ tục  thử nghiệm cấp giấy xác nhận'.normalize('NFC'));

    const amend = await expectAudit(1, () => send(admin, 'POST', '/api/v1/procedures/BN.0001/amend', { version: 5 }));
    assert.equal(amend.statusCode, 201);
    assert.equal(amend.json().versionNumber, 3);
    const again = await expectAudit(0, () => send(admin, 'POST', '/api/v1/procedures/BN.0001/amend', { version: 6 }));
    assert.equal(again.json().error.code, 'draft_exists');
    const discarded = await expectAudit(1, () => send(admin, 'DELETE', '/api/v1/procedures/BN.0001/draft?version=6'));
    assert.deepEqual(discarded.json(), { deleted: false });

    const offered = await expectAudit(1, () => send(admin, 'PUT', `/api/v1/procedures/BN.0001/units/${unit['Phường Bồng Lai']}`, { regardlessOfBoundary: true }));
    assert.deepEqual(offered.json(), { created: true });
    const removed = await expectAudit(1, () => send(admin, 'DELETE', `/api/v1/procedures/BN.0001/units/${unit['Phường Bồng Lai']}`));
    assert.equal(removed.statusCode, 204);

    const abolished = await expectAudit(1, () => send(admin, 'POST', '/api/v1/procedures/BN.0001/abolish', { version: 7, abolishedOn: '2026-06-01', decisionNumber: '20/QĐ-UBND' }));
    assert.equal(abolished.statusCode, 200, abolished.body);
    assert.deepEqual([abolished.json().status, abolished.json().abolishedOn], ['abolished', '2026-06-01']);
    assert.equal((await t.app.inject({ url: '/api/v1/procedures/BN.0001?at=2026-06-01' })).statusCode, 404);
    assert.equal((await t.app.inject({ url: '/api/v1/procedures/BN.0001?at=2026-05-31' })).statusCode, 200);
    const closed = await expectAudit(0, () => send(admin, 'PATCH', '/api/v1/procedures/BN.0001', { version: 8, name: 'Không được' }));
    assert.equal(closed.json().error.code, 'procedure_abolished');
  });

  test('bad input: 400 in the error shape, nothing written', async () => {
    const procedures = await countRows(t.database, 'audit_log');
    for (const payload of [
      { code: 'BN.0002', name: 'Thủ tục lỗi', cases: [{ processingTime: { amount: 2.3, kind: 'working_days' } }] },
      { code: 'BN.0002', name: 'Thủ tục lỗi', cases: [{ processingTime: { amount: 2, kind: 'fortnights' } }] },
      { code: 'BN.0002', name: '', cases: [] },
      { code: 'bad code!', name: 'Thủ tục lỗi' },
      { code: 'BN.0002', name: 'Thủ tục lỗi', colour: 'red' },
      { code: 'BN.0002', name: 'Thủ tục lỗi', cases: [{ workflowId: '00000000-0000-4000-8000-000000000000' }] },
    ]) {
      const res = await expectAudit(0, () => send(admin, 'POST', '/api/v1/procedures', payload));
      assert.equal(res.statusCode, 400, JSON.stringify(payload));
      const error = res.json().error;
      assert.equal(error.code, 'invalid_input');
      assert.ok(error.fields.length > 0 && error.message && error.messageVi);
    }
    assert.equal(await countRows(t.database, 'audit_log'), procedures);
    assert.equal((await t.database.db.selectFrom('procedures').select('id').where('code', '=', 'BN.0002').execute()).length, 0);
    const badDate = await expectAudit(0, () => send(admin, 'POST', '/api/v1/procedures/1.001193/abolish', { version: 1, abolishedOn: '2026-13-01', decisionNumber: 'x' }));
    assert.equal(badDate.statusCode, 400);
  });

  test('policies: reading is public; only administrators change, within their reach', async () => {
    const desk = await t.login('bonglai.motcua1');
    assert.equal((await send(null, 'POST', '/api/v1/procedures', { code: 'X.1', name: 'X' })).statusCode, 401);
    assert.equal((await expectAudit(0, () => send(desk, 'POST', '/api/v1/procedures', { code: 'X.1', name: 'X' }))).statusCode, 403);

    // A ward administrator may not touch the national catalogue…
    const national = await expectAudit(0, () => send(wardAdmin, 'POST', '/api/v1/procedures', { code: 'BL.0001', name: 'Thủ tục riêng' }));
    assert.equal(national.statusCode, 403);
    const birth = (await t.app.inject({ url: '/api/v1/procedures/1.001193' })).json();
    const edit = await expectAudit(0, () => send(wardAdmin, 'PATCH', '/api/v1/procedures/1.001193', { version: birth.version, name: 'Đổi tên' }));
    assert.equal(edit.statusCode, 403);
    assert.equal((await send(wardAdmin, 'GET', '/api/v1/procedures/1.001193')).json().abilities.manage, false);
    // …but manages its own ward's procedures,
    const own = await expectAudit(1, () => send(wardAdmin, 'POST', '/api/v1/procedures', {
      code: 'BL.0001', name: 'Thủ tục riêng của phường', field: 'Văn hóa', ownerUnitId: unit['Phường Bồng Lai'],
      cases: [{ processingTime: { amount: 0, kind: 'same_day' } }],
    }));
    assert.equal(own.statusCode, 201, own.body);
    assert.equal(own.json().abilities.manage, true);
    assert.equal((await expectAudit(1, () => send(wardAdmin, 'POST', '/api/v1/procedures/BL.0001/publish', { version: 1 }))).statusCode, 200);
    // …and offers national procedures at its ward, not at another one.
    assert.equal((await expectAudit(1, () => send(wardAdmin, 'PUT', `/api/v1/procedures/1.001193/units/${unit['Phường Bồng Lai']}`, {}))).statusCode, 200);
    assert.equal((await expectAudit(0, () => send(wardAdmin, 'PUT', `/api/v1/procedures/1.001193/units/${unit['Phường Kinh Bắc']}`, {}))).statusCode, 403);

    // Another ward's own procedure: unseen as a draft (404), refused once public (403).
    const other = await send(admin, 'POST', '/api/v1/procedures', {
      code: 'KB.0001', name: 'Thủ tục riêng của phường Kinh Bắc', field: 'Văn hóa', ownerUnitId: unit['Phường Kinh Bắc'],
      cases: [{ processingTime: { amount: 2, kind: 'working_days' } }],
    });
    assert.equal(other.statusCode, 201);
    const hidden = await expectAudit(0, () => send(wardAdmin, 'PATCH', '/api/v1/procedures/KB.0001', { version: 1, name: 'Sửa trộm' }));
    assert.equal(hidden.statusCode, 404);
    assert.equal((await send(wardAdmin, 'GET', '/api/v1/procedures/KB.0001')).statusCode, 404);
    assert.equal((await send(admin, 'POST', '/api/v1/procedures/KB.0001/publish', { version: 1 })).statusCode, 200);
    const refused = await expectAudit(0, () => send(wardAdmin, 'PATCH', '/api/v1/procedures/KB.0001', { version: 2, name: 'Sửa trộm' }));
    assert.equal(refused.statusCode, 403);
    assert.match(refused.json().error.messageVi, /thuộc đơn vị khác/);
    assert.equal((await t.app.inject({ url: '/api/v1/procedures/KB.0001' })).json().name, 'Thủ tục riêng của phường Kinh Bắc');
  });

  test('workflows: officials read them; an invalid one is refused at publish with its problems', async () => {
    assert.equal((await t.app.inject({ url: '/api/v1/workflows' })).statusCode, 401);
    const desk = await t.login('bonglai.motcua2');
    const list = await send(desk, 'GET', '/api/v1/workflows');
    assert.equal(list.statusCode, 200);
    assert.equal(list.json().items.length, 2);
    const step = (key: string, next: string[], final = false) => ({
      key, name: `Bước ${key}`, nameEn: key, role: 'specialist', unitKind: null, unitId: null, share: 50, actions: ['forward'], next, final,
    });
    const created = await expectAudit(1, () => send(admin, 'POST', '/api/v1/workflows', {
      name: 'Quy trình lỗi', definition: { steps: [step('a', ['b']), step('b', [])] },
    }));
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().id;
    const detail = (await send(desk, 'GET', `/api/v1/workflows/${id}`)).json();
    assert.deepEqual(detail.problems.map((p: { code: string }) => p.code), ['dead_end', 'no_reachable_end', 'dead_step', 'dead_step']);
    const refused = await expectAudit(0, () => send(admin, 'POST', `/api/v1/workflows/${id}/publish`, { version: 1 }));
    assert.equal(refused.statusCode, 422);
    assert.match(refused.json().error.message, /step "b" is not final and hands over to no step/);
    const fixed = await expectAudit(1, () => send(admin, 'PUT', `/api/v1/workflows/${id}/draft`, { version: 1, definition: { steps: [step('a', ['b']), step('b', [], true)] } }));
    assert.equal(fixed.statusCode, 200, fixed.body);
    const published = await expectAudit(1, () => send(admin, 'POST', `/api/v1/workflows/${id}/publish`, { version: 2 }));
    assert.equal(published.statusCode, 200);
    const versionId = published.json().currentVersionId;
    assert.equal((await send(desk, 'GET', `/api/v1/workflow-versions/${versionId}`)).json().definition.steps.length, 2);
    // The ward administrator may not change a shared workflow.
    assert.equal((await expectAudit(0, () => send(wardAdmin, 'PUT', `/api/v1/workflows/${id}/draft`, { version: 3, definition: { steps: [step('a', [], true)] } }))).statusCode, 403);
  });

  test('import endpoint: a filled CSV or XLSX template; the national file is for system administrators', async () => {
    const template = (await t.app.inject({ url: '/api/v1/procedures/import-template.csv' })).body;
    const csv = template + [
      'BL.0101,Cấp giấy xác nhận thử nghiệm,Văn hóa,Cấp xã,,5,ngày làm việc,20000,,Đơn đề nghị (01 bản chính),trực tiếp; trực tuyến,,,,UBND phường,,Giấy xác nhận',
      'BL.0102,Thủ tục thiếu đơn vị,Văn hóa,Cấp xã,,5,,,,,,,,,,,',
      'BL.0103,Thủ tục chưa có thời hạn,Văn hóa,Cấp xã,,,,,,,,,,,,,',
    ].join('\r\n') + '\r\n';
    const url = `/api/v1/procedures/import?publish=true&ownerUnitId=${unit['Phường Bồng Lai']}&unitId=${unit['Phường Bồng Lai']}`;
    const res = await expectAudit(5, () => t.as(wardAdmin, { method: 'POST', url, payload: csv, headers: { 'content-type': 'text/csv' } }));
    assert.equal(res.statusCode, 200, res.body);
    const { summary, report, format } = res.json();
    assert.equal(format, 'csv');
    assert.deepEqual([summary.created, summary.published, summary.flagged, summary.offeringsAdded], [2, 1, 1, 2]);
    assert.deepEqual(summary.notPublished.map((n: { code: string }) => n.code), ['BL.0103']);
    assert.equal(report.errors[0].row, 4);
    assert.equal(report.errors[0].field, 'processing_kind');
    const imported = (await t.app.inject({ url: '/api/v1/procedures/BL.0101' })).json();
    assert.deepEqual([imported.ownerUnitId, imported.cases[0].processingTime.amount, imported.cases[0].fees[0].amountVnd], [unit['Phường Bồng Lai'], 5, 20000]);
    const again = await expectAudit(0, () => t.as(wardAdmin, { method: 'POST', url, payload: csv, headers: { 'content-type': 'text/csv' } }));
    assert.equal(again.json().summary.unchanged, 2);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await t.app.inject({ url: '/api/v1/procedures/import-template.xlsx' })).rawPayload as unknown as ArrayBuffer);
    workbook.worksheets[0].addRow(['BL.0201', 'Thủ tục từ Excel', 'Văn hóa', 'Cấp xã', '', '2', 'ngày làm việc', '0']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer() as ArrayBuffer);
    const fromExcel = await t.as(wardAdmin, { method: 'POST', url, payload: xlsx, headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
    assert.equal(fromExcel.statusCode, 200, fromExcel.body);
    assert.equal(fromExcel.json().summary.published, 1);

    const national = await expectAudit(0, () => t.as(wardAdmin, { method: 'POST', url: '/api/v1/procedures/import', payload: { procedures: [] } }));
    assert.equal(national.statusCode, 403);
    const badHeader = await expectAudit(0, () => t.as(admin, { method: 'POST', url: '/api/v1/procedures/import', payload: 'a,b\r\n1,2\r\n', headers: { 'content-type': 'text/csv' } }));
    assert.equal(badHeader.statusCode, 400);
    assert.equal(badHeader.json().error.code, 'invalid_template');
    const notCatalogue = await expectAudit(0, () => t.as(admin, { method: 'POST', url: '/api/v1/procedures/import', payload: { foo: 1 } }));
    assert.equal(notCatalogue.statusCode, 400);
    assert.equal(notCatalogue.json().error.code, 'invalid_catalogue');
  });

  test('the 5 MB national catalogue through the API, by a system administrator', async () => {
    const file = readFileSync(new URL('../../../../shared/data/procedures/commune-procedures-crawl-2026.json', import.meta.url));
    const res = await t.as(admin, { method: 'POST', url: '/api/v1/procedures/import', payload: file, headers: { 'content-type': 'application/json' } });
    assert.equal(res.statusCode, 200, res.body.slice(0, 500));
    const { summary, report, reportText } = res.json();
    assert.deepEqual([summary.created, summary.newVersions, summary.published], [588 - 25, 25, 0]);
    assert.equal(report.procedures.withParsedTime, 388);
    assert.match(reportText, /1\.001193 \[time_unit_missing\]/);
    const openapi = (await t.app.inject({ url: '/api/openapi.json' })).json();
    assert.ok(openapi.paths['/api/v1/procedures/import'].post.requestBody.content['text/csv']);
  });
});

describe('the administrators’ procedure list', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('drafts and published procedures are listed for catalogue managers only', async () => {
    const admin = await t.login('admin');
    const created = await t.as(admin, { method: 'POST', url: '/api/v1/procedures', payload: { code: '9.000001', name: 'Thủ tục nháp thử nghiệm', field: 'Thử nghiệm' } });
    assert.equal(created.statusCode, 201, created.body);
    const drafts = (await t.as(admin, { url: '/api/v1/procedures/admin-list?status=draft' })).json();
    assert.ok(drafts.items.some((i: { code: string; status: string }) => i.code === '9.000001' && i.status === 'draft'));
    const all = (await t.as(admin, { url: '/api/v1/procedures/admin-list?q=khai%20sinh' })).json();
    assert.ok(all.items.some((i: { code: string }) => i.code === '1.001193'));
    const desk = await t.login('bonglai.motcua1');
    assert.equal((await t.as(desk, { url: '/api/v1/procedures/admin-list' })).statusCode, 403);
  });
});
