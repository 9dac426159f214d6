import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestApp } from '../../testing/app.ts';
import { act } from '../dossiers/test/helpers.ts';
import { createCitizenTestApp, pdfBytes, pngBytes, unitId, upload } from './test/helpers.ts';

// Online submission end to end through the API: draft saved and restored, uploads checked by content,
// submission through the intake command with an idempotency key, lookup by reference, the desk's acceptance.

describe('online submission', () => {
  let t: TestApp;
  let bongLai: string;
  before(async () => {
    t = await createCitizenTestApp();
    bongLai = await unitId(t, '09295');
  });
  after(() => t.close());

  const answers = (unit: string, files: string[]) => ({
    unitId: unit,
    applicant: { kind: 'person', fullName: 'Nguyễn Văn An', idNumber: '027090001234', birthYear: 1990, address: 'Khu phố 1, phường Bồng Lai' },
    contact: { phone: '0912 345 678', email: 'an@example.vn' },
    documents: [
      { name: 'Tờ khai đăng ký khai sinh theo mẫu', fileId: files[0] },
      { name: 'Giấy chứng sinh; nếu không có thì văn bản của người làm chứng hoặc giấy cam đoan về việc sinh', fileId: files[1] },
    ],
    step: 'kiem-tra',
  });

  test('the communes and wards that receive the procedure are offered', async () => {
    const res = await t.app.inject({ url: '/api/v1/public/procedures/1.001193/receiving-units' });
    assert.equal(res.statusCode, 200);
    const names = res.json().items.map((u: { fullName: string }) => u.fullName);
    assert.ok(names.includes('Phường Bồng Lai'));
    assert.ok(!names.includes('Tỉnh Bắc Ninh'), 'only communes and wards');
  });

  test('a draft is saved at every step and restored; a stale save gets 409', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/public/drafts', payload: { procedureCode: '1.001193' } });
    assert.equal(created.statusCode, 201, created.body);
    const draft = created.json();
    assert.ok(draft.token.length > 30);
    const headers = { 'x-draft-token': draft.token };
    const saved = await t.app.inject({ method: 'PUT', url: `/api/v1/public/drafts/${draft.id}`, headers, payload: { version: 1, data: { unitId: bongLai, step: 'noi-nop' } } });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json().version, 2);
    const stale = await t.app.inject({ method: 'PUT', url: `/api/v1/public/drafts/${draft.id}`, headers, payload: { version: 1, data: { step: 'lien-he' } } });
    assert.equal(stale.statusCode, 409);
    // A closed tab: the same token reads everything back.
    const restored = await t.app.inject({ url: `/api/v1/public/drafts/${draft.id}`, headers });
    assert.equal(restored.statusCode, 200);
    assert.deepEqual(restored.json().data, { unitId: bongLai, step: 'noi-nop' });
    // Without the token (or with another) the draft does not exist.
    assert.equal((await t.app.inject({ url: `/api/v1/public/drafts/${draft.id}` })).statusCode, 404);
    assert.equal((await t.app.inject({ url: `/api/v1/public/drafts/${draft.id}`, headers: { 'x-draft-token': 'x'.repeat(43) } })).statusCode, 404);
  });

  test('a fake .pdf is refused by content with a bilingual message; real PDF and PNG are stored content-addressed', async () => {
    const draft = (await t.app.inject({ method: 'POST', url: '/api/v1/public/drafts', payload: { procedureCode: '1.001193' } })).json();
    const fake = await upload(t, draft, 'giay-chung-sinh.pdf', Buffer.from('This is a text file, not a PDF.'));
    assert.equal(fake.statusCode, 415);
    const error = fake.json().error;
    assert.equal(error.code, 'file_type_mismatch');
    assert.match(error.messageVi, /có đuôi \.pdf nhưng nội dung không phải tệp PDF/);
    assert.match(error.message, /named \.pdf but its content is not a PDF/);
    const pdf = await upload(t, draft, 'to-khai.pdf', pdfBytes());
    assert.equal(pdf.statusCode, 201, pdf.body);
    assert.equal(pdf.json().mediaType, 'application/pdf');
    const png = await upload(t, draft, 'anh-chup.pdf', pngBytes());
    assert.equal(png.json().mediaType, 'image/png');
    assert.equal(png.json().name, 'anh-chup.png');
    const huge = await upload(t, draft, 'lon.pdf', Buffer.concat([pdfBytes(), Buffer.alloc(10 * 1024 * 1024)]));
    assert.equal(huge.statusCode, 413);
    assert.match(huge.json().error.messageVi, /lớn hơn 10 MB/);
    // Uploading needs the draft's token; nobody else sees the file without a link.
    const stranger = await upload(t, { id: draft.id, token: 'y'.repeat(43) }, 'to-khai.pdf', pdfBytes());
    assert.equal(stranger.statusCode, 404);
    assert.equal((await t.app.inject({ url: `/api/v1/files/${pdf.json().id}` })).statusCode, 404);
    const download = await t.app.inject({ url: pdf.json().url });
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.deepEqual(download.rawPayload, pdfBytes());
  });

  test('submitting twice with the same idempotency key (or another) gives one dossier, in state submitted_online', async () => {
    const draft = (await t.app.inject({ method: 'POST', url: '/api/v1/public/drafts', payload: { procedureCode: '1.001193' } })).json();
    const headers = { 'x-draft-token': draft.token };
    const f1 = (await upload(t, draft, 'to-khai.pdf', pdfBytes('tờ khai'))).json().id;
    const f2 = (await upload(t, draft, 'giay-chung-sinh.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]))).json().id;

    const incomplete = await t.app.inject({ method: 'POST', url: `/api/v1/public/drafts/${draft.id}/submit`, headers: { ...headers, 'idempotency-key': 'sub-key-0001' } });
    assert.equal(incomplete.statusCode, 400);
    assert.deepEqual(incomplete.json().error.fields.map((f: { field: string }) => f.field), ['unitId', 'applicant.fullName', 'applicant.idNumber', 'contact.phone', 'documents.0', 'documents.1']);

    const saved = await t.app.inject({ method: 'PUT', url: `/api/v1/public/drafts/${draft.id}`, headers, payload: { version: 1, data: answers(bongLai, [f1, f2]) } });
    assert.equal(saved.statusCode, 200, saved.body);
    const before = await t.database.db.selectFrom('dossiers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();

    const noKey = await t.app.inject({ method: 'POST', url: `/api/v1/public/drafts/${draft.id}/submit`, headers });
    assert.equal(noKey.statusCode, 400);
    const [first, second] = await Promise.all([
      t.app.inject({ method: 'POST', url: `/api/v1/public/drafts/${draft.id}/submit`, headers: { ...headers, 'idempotency-key': 'sub-key-0002' } }),
      t.app.inject({ method: 'POST', url: `/api/v1/public/drafts/${draft.id}/submit`, headers: { ...headers, 'idempotency-key': 'sub-key-0002' } }),
    ]);
    assert.deepEqual([first.statusCode, second.statusCode].sort(), [200, 201], `${first.body} ${second.body}`);
    const result = (first.statusCode === 201 ? first : second).json();
    assert.match(result.reference, /^TT-260302-[A-Z2-9]{6}$/);
    assert.match(result.secret, /^[A-Z2-9]{10}$/);
    assert.equal(result.code, null);
    assert.equal(result.state, 'submitted_online');
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/public/drafts/${draft.id}/submit`, headers: { ...headers, 'idempotency-key': 'another-key-0003' } });
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().dossierId, result.dossierId);
    assert.equal(again.json().reference, result.reference);
    const afterCount = await t.database.db.selectFrom('dossiers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(afterCount.n), Number(before.n) + 1, 'exactly one dossier');

    const dossier = await t.database.db.selectFrom('dossiers').selectAll().where('id', '=', result.dossierId).executeTakeFirstOrThrow();
    assert.equal(dossier.channel, 'online');
    assert.equal(dossier.national_status, 1);
    assert.equal(dossier.applicant_phone, '0912345678');
    const docs = await t.database.db.selectFrom('dossier_documents').selectAll().where('dossier_id', '=', result.dossierId).orderBy('position').execute();
    assert.deepEqual(docs.filter((d) => d.file_id).map((d) => d.file_id), [f1, f2]);

    // The draft is closed: no more changes.
    const late = await t.app.inject({ method: 'PUT', url: `/api/v1/public/drafts/${draft.id}`, headers, payload: { version: 3, data: {} } });
    assert.equal(late.statusCode, 409);
    assert.equal(late.json().error.code, 'draft_submitted');

    // Lookup by reference and secret (or phone), then the desk accepts: the code appears.
    const lookup = (factor: Record<string, string>) => t.app.inject({ method: 'POST', url: '/api/v1/public/submissions/lookup', payload: { reference: result.reference.toLowerCase(), ...factor } });
    let status = await lookup({ secret: result.secret });
    assert.equal(status.statusCode, 200, status.body);
    assert.equal(status.json().statusLabel, 'Mới đăng ký trực tuyến, chờ tiếp nhận');
    assert.equal((await lookup({ secret: 'WRONGWRONG' })).statusCode, 404);
    assert.equal((await lookup({ phone: '0912345678' })).statusCode, 200);

    const desk = await t.login('bonglai.motcua1');
    assert.equal((await t.as(desk, { url: `/api/v1/files/${f1}` })).statusCode, 200, 'the desk reads the documents of dossiers in reach');
    const stranger = await t.login('kinhbac.motcua');
    assert.equal((await t.as(stranger, { url: `/api/v1/files/${f1}` })).statusCode, 404);

    const accepted = await act(t, 'bonglai.motcua1', result.dossierId, { action: 'accept_online' });
    assert.equal(accepted.statusCode, 200, accepted.body);
    status = await lookup({ secret: result.secret });
    assert.match(status.json().code, /^000\.29\.24\.H04-260302-\d{4}$/);
    assert.equal(status.json().state, 'received');

    const audits = await t.database.db.selectFrom('audit_log').select('action').where('subject_id', 'in', [draft.id, result.dossierId, f1]).orderBy('id').execute();
    assert.deepEqual(audits.map((a) => a.action), [
      'submission_draft.create', 'file.upload', 'submission_draft.save', 'dossier.intake.submitted_online', 'submission.submit', 'dossier.accept_online',
    ]);
  });
});
