import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Session, TestApp } from '../../testing/app.ts';
import { act } from '../dossiers/test/helpers.ts';
import { createCitizenTestApp, multipart, pdfBytes, unitId, upload } from './test/helpers.ts';

// Citizen accounts: register, submit while signed in, follow "my dossiers", download and reuse the electronic
// result ("toàn trình"), rate from the account, and notification choices.

describe('citizen accounts and electronic results', () => {
  let t: TestApp;
  let citizen: Session;
  let bongLai: string;
  before(async () => {
    t = await createCitizenTestApp();
    bongLai = await unitId(t, '09295');
  });
  after(() => t.close());

  test('registering checks the contact and refuses a taken phone number', async () => {
    const register = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/v1/citizen/accounts', payload });
    const bad = await register({ fullName: 'Hà Văn Sơn', password: 'mat-khau-123' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.fields[0].field, 'phone');
    assert.equal((await register({ fullName: 'Hà Văn Sơn', phone: '0912 345 678', password: 'mat-khau-123' })).statusCode, 409, 'the demo citizen has this phone');
    const ok = await register({ fullName: 'Hà Văn Sơn', phone: '0933 222 111', email: 'son.ha@example.vn', password: 'mat-khau-123' });
    assert.equal(ok.statusCode, 201, ok.body);
    citizen = await t.login('0933222111', 'mat-khau-123');
  });

  test('a signed-in citizen submits; the desk returns an electronic result; the citizen downloads, reuses and rates it', async () => {
    const created = await t.as(citizen, { method: 'POST', url: '/api/v1/public/drafts', payload: { procedureCode: '1.001193' } });
    assert.equal(created.statusCode, 201, created.body);
    const draft = created.json();
    // The account holds the draft: no token needed (a session needs the CSRF header, which t.as sends).
    const f1 = (await upload(t, draft, 'to-khai.pdf', pdfBytes('a'))).json().id;
    const f2 = (await upload(t, draft, 'chung-sinh.pdf', pdfBytes('b'))).json().id;
    const data = {
      unitId: bongLai,
      applicant: { kind: 'person', fullName: 'Hà Văn Sơn', idNumber: '027085001234', birthYear: 1985 },
      contact: { phone: '0933222111', email: 'son.ha@example.vn' },
      documents: [
        { name: 'Tờ khai đăng ký khai sinh theo mẫu', fileId: f1 },
        { name: 'Giấy chứng sinh; nếu không có thì văn bản của người làm chứng hoặc giấy cam đoan về việc sinh', fileId: f2 },
      ],
    };
    assert.equal((await t.as(citizen, { method: 'PUT', url: `/api/v1/public/drafts/${draft.id}`, payload: { version: 1, data } })).statusCode, 200);
    const drafts = (await t.as(citizen, { url: '/api/v1/me/drafts' })).json().items;
    assert.deepEqual(drafts.map((d: { id: string }) => d.id), [draft.id]);
    const submitted = await t.as(citizen, { method: 'POST', url: `/api/v1/public/drafts/${draft.id}/submit`, headers: { 'idempotency-key': 'account-submit-1' } });
    assert.equal(submitted.statusCode, 201, submitted.body);
    const { dossierId, reference } = submitted.json();
    let mine = (await t.as(citizen, { url: '/api/v1/me/dossiers' })).json().items;
    assert.equal(mine[0].reference, reference);
    assert.equal(mine[0].state, 'submitted_online');
    assert.equal((await t.as(citizen, { url: '/api/v1/me/drafts' })).json().items.length, 0);

    // The desk works the dossier and records an electronic result it uploads.
    const desk = await t.login('bonglai.motcua1');
    const resultFile = multipart('giay-khai-sinh.pdf', pdfBytes('giấy khai sinh điện tử'));
    const uploaded = await t.as(desk, { method: 'POST', url: '/api/v1/files', payload: resultFile.payload, headers: resultFile.headers });
    assert.equal(uploaded.statusCode, 201, uploaded.body);
    const citizenUpload = await t.as(citizen, { method: 'POST', url: '/api/v1/files', payload: resultFile.payload, headers: resultFile.headers });
    assert.equal(citizenUpload.statusCode, 403, 'citizens upload into their drafts only');
    for (const [user, body] of [
      ['bonglai.motcua1', { action: 'accept_online' }], ['bonglai.motcua1', { action: 'forward' }], ['bonglai.chuyenvien', { action: 'forward' }],
      ['bonglai.lanhdao', { action: 'approve' }], ['bonglai.motcua1', { action: 'record_result', result: { number: '3/2026/KS', fileId: uploaded.json().id } }],
      ['bonglai.motcua1', { action: 'return_result' }],
    ] as const) {
      const r = await act(t, user, dossierId, body);
      assert.equal(r.statusCode, 200, `${body.action}: ${r.body}`);
    }
    citizen = await t.login('0933222111', 'mat-khau-123');
    mine = (await t.as(citizen, { url: '/api/v1/me/dossiers' })).json().items;
    assert.equal(mine[0].state, 'returned');
    assert.equal(mine[0].canRate, true);
    assert.equal(mine[0].hasResult, true);
    assert.match(mine[0].code, /^000\.29\.24\.H04-/);

    // Anyone with the code and the phone gets a download link; the account lists the result and reads it directly.
    const link = await t.app.inject({ method: 'POST', url: '/api/v1/public/results', payload: { code: mine[0].code, phone: '0933 222 111' } });
    assert.equal(link.statusCode, 200, link.body);
    const download = await t.app.inject({ url: link.json().url });
    assert.equal(download.statusCode, 200);
    assert.match(String(download.headers['content-disposition']), /giay-khai-sinh\.pdf/);
    const results = (await t.as(citizen, { url: '/api/v1/me/results' })).json().items;
    assert.equal(results[0].fileId, uploaded.json().id);
    assert.equal((await t.as(citizen, { url: `/api/v1/files/${uploaded.json().id}` })).statusCode, 200);
    const other = await t.login('0912345678');
    assert.equal((await t.as(other, { url: `/api/v1/files/${uploaded.json().id}` })).statusCode, 404);

    // A later submission reuses the result instead of a new upload.
    const next = (await t.as(citizen, { method: 'POST', url: '/api/v1/public/drafts', payload: { procedureCode: '2.000635' } })).json();
    const attached = await t.as(citizen, { method: 'POST', url: `/api/v1/public/drafts/${next.id}/attach-result`, payload: { version: 1, documentName: 'Giấy khai sinh', fileId: results[0].fileId } });
    assert.equal(attached.statusCode, 200, attached.body);
    assert.deepEqual(attached.json().data.documents, [{ name: 'Giấy khai sinh', fileId: results[0].fileId }]);
    assert.equal(attached.json().files[0].id, results[0].fileId);
    const foreign = await t.as(other, { method: 'POST', url: '/api/v1/public/drafts', payload: { procedureCode: '2.000635' } });
    const stolen = await t.as(other, { method: 'POST', url: `/api/v1/public/drafts/${foreign.json().id}/attach-result`, payload: { version: 1, documentName: 'Giấy khai sinh', fileId: results[0].fileId } });
    assert.equal(stolen.statusCode, 404, 'only one’s own results');

    // Rated once from the account.
    const rate = () => t.as(citizen, { method: 'POST', url: `/api/v1/me/dossiers/${dossierId}/rating`, payload: { attitude: 'satisfied', overall: 'satisfied', infoCorrect: true } });
    assert.equal((await rate()).statusCode, 201);
    assert.equal((await rate()).statusCode, 409);
    assert.equal((await t.as(other, { method: 'POST', url: `/api/v1/me/dossiers/${dossierId}/rating`, payload: { attitude: 'satisfied' } })).statusCode, 404);
  });

  test('notification choices are versioned and audited', async () => {
    const prefs = (await t.as(citizen, { url: '/api/v1/me/preferences' })).json();
    assert.deepEqual(prefs, { notifyEmail: true, notifySms: true, locale: 'vi', version: 0 });
    const saved = await t.as(citizen, { method: 'PUT', url: '/api/v1/me/preferences', payload: { notifyEmail: true, notifySms: false, locale: 'en', version: 0 } });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json().version, 1);
    assert.equal((await t.as(citizen, { method: 'PUT', url: '/api/v1/me/preferences', payload: { notifyEmail: false, notifySms: false, locale: 'en', version: 0 } })).statusCode, 409);
    const desk = await t.login('bonglai.motcua1');
    assert.equal((await t.as(desk, { url: '/api/v1/me/preferences' })).statusCode, 403);
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('action', '=', 'citizen.preferences.update').execute();
    assert.equal(audit.length, 1);
  });
});
