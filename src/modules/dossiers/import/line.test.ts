import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { differences, fingerprint, parseImportLine, parseRfc3339, timesOf, type ImportRecord, type StoredDossier } from './line.ts';

const now = new Date('2026-03-02T02:00:00Z');

const good = {
  code: '000.29.24.H04-250805-0001', procedureCode: '1.001193', unitCode: '09295', channel: 'online',
  receivedAt: '2025-08-05T09:15:00+07:00', dueAt: '2025-08-08T17:00:00+07:00', finishedAt: '2025-08-07T10:00:00+07:00',
  returnedAt: '2025-08-07T15:30:00+07:00', outcome: 'returned', supplementRounds: 0,
  applicant: { fullName: '  Nguyễn  Thị Ánh Tuyết ', phone: '0912 345 678', idNumber: '027190001234' },
  rating: { attitude: 'very_satisfied', overall: 'satisfied' },
};

function line(patch: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...good, ...patch });
}

function issues(text: string) {
  const parsed = parseImportLine(text, now);
  assert.equal(parsed.ok, false, 'expected errors');
  return parsed.ok ? [] : parsed.issues;
}

function record(text: string): ImportRecord {
  const parsed = parseImportLine(text, now);
  assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.issues));
  return parsed.record;
}

describe('import line: parsing and checks', () => {
  test('a good line is normalised (NFC, spaces, phone, instants)', () => {
    const r = record(line());
    assert.equal(r.applicant.fullName, 'Nguyễn Thị Ánh Tuyết'.normalize('NFC'));
    assert.equal(r.applicant.phone, '0912345678');
    assert.equal(r.receivedAt.toISOString(), '2025-08-05T02:15:00.000Z');
    assert.deepEqual(r.rating, { attitude: 'very_satisfied', overall: 'satisfied' });
    assert.equal(r.procedureName, null);
    assert.equal(r.supplementRounds, 0);
  });

  test('RFC 3339 needs an offset and real calendar fields', () => {
    assert.equal(parseRfc3339('2025-03-14T09:30:00+07:00')?.toISOString(), '2025-03-14T02:30:00.000Z');
    assert.equal(parseRfc3339('2025-03-14T02:30:00.250Z')?.toISOString(), '2025-03-14T02:30:00.250Z');
    assert.equal(parseRfc3339('2024-02-29T00:00:00-05:30')?.toISOString(), '2024-02-29T05:30:00.000Z');
    for (const bad of ['2025-03-14T09:30:00', '2025-03-14 09:30:00+07:00', '2025-02-29T10:00:00+07:00', '2025-04-31T10:00:00Z',
      '2025-03-14T24:00:00Z', '2025-03-14T09:30+07:00', '14/03/2025', '2025-03-14T09:30:00+25:00']) {
      assert.equal(parseRfc3339(bad), null, bad);
    }
  });

  test('every problem of a line is reported with its field', () => {
    const found = issues(line({
      channel: 'fax', receivedAt: '2025-08-05 09:15', outcome: 'done', supplementRounds: -1,
      applicant: { fullName: '', phone: '12345', idNumber: '12' }, rating: { attitude: 'happy' }, extra: 1,
    }));
    const fields = found.map((i) => i.field).sort();
    assert.deepEqual(fields, ['applicant.fullName', 'applicant.idNumber', 'applicant.phone', 'channel', 'extra', 'outcome', 'rating.attitude', 'receivedAt', 'supplementRounds']);
    for (const i of found) assert.ok(i.message && i.messageVi);
  });

  test('not JSON, or not an object', () => {
    assert.equal(issues('{"code": ')[0].field, 'json');
    assert.equal(issues('[1,2]')[0].field, 'json');
  });

  test('times follow the outcome and the order receivedAt ≤ finishedAt ≤ returnedAt', () => {
    const f = (patch: Record<string, unknown>) => issues(line({ rating: null, ...patch })).map((i) => i.field);
    assert.deepEqual(f({ finishedAt: '2025-08-04T10:00:00+07:00', returnedAt: undefined, outcome: 'finished' }), ['finishedAt']);
    assert.deepEqual(f({ returnedAt: '2025-08-06T10:00:00+07:00' }), ['returnedAt']);
    assert.deepEqual(f({ returnedAt: undefined }), ['returnedAt']);
    assert.deepEqual(f({ outcome: 'finished' }), ['returnedAt']);
    assert.deepEqual(f({ outcome: 'in_progress', returnedAt: undefined }), ['finishedAt']);
    assert.deepEqual(f({ outcome: 'withdrawn', finishedAt: undefined, returnedAt: undefined }), ['finishedAt']);
    assert.deepEqual(f({ dueAt: '2025-08-04T17:00:00+07:00' }), ['dueAt']);
    assert.deepEqual(f({ returnedAt: '2026-05-01T10:00:00+07:00' }), ['returnedAt']); // in the future
    assert.deepEqual(f({ outcome: 'refused', rating: good.rating }), ['rating']); // only a returned result is rated
    // A due date in the future is fine for a dossier still open.
    assert.ok(parseImportLine(line({ rating: null, outcome: 'in_progress', finishedAt: undefined, returnedAt: undefined, dueAt: '2026-04-01T17:00:00+07:00' }), now).ok);
    // A refusal may have been handed back; the CMND of old dossiers has 9 digits.
    assert.ok(parseImportLine(line({ outcome: 'refused', rating: null, applicant: { fullName: 'Lê Văn Tám', phone: '+84 912 345 678', idNumber: '125678901' } }), now).ok);
  });

  test('a procedure unknown to the catalogue brings its name and field', () => {
    const r = record(line({ procedureCode: '9.000001', procedureName: 'Thủ tục cũ', field: 'Tư pháp' }));
    assert.equal(r.procedureName, 'Thủ tục cũ');
    assert.equal(r.field, 'Tư pháp');
  });

  test('withdrawn and stopped close at finishedAt without being finished', () => {
    const r = record(line({ outcome: 'withdrawn', returnedAt: undefined, rating: null }));
    assert.deepEqual(timesOf(r), { finishedAt: null, closedAt: r.finishedAt, returnedAt: null });
    const done = record(line());
    assert.deepEqual(timesOf(done), { finishedAt: done.finishedAt, closedAt: done.finishedAt, returnedAt: done.returnedAt });
  });

  test('differences from what is stored, field by field', () => {
    const r = record(line());
    const t = timesOf(r);
    const stored: StoredDossier = {
      unitId: 'u1', procedureCode: r.procedureCode, procedureName: 'Thủ tục đăng ký khai sinh', field: 'Hộ tịch', channel: r.channel,
      state: 'returned', receivedAt: r.receivedAt, dueAt: r.dueAt, finishedAt: t.finishedAt, closedAt: t.closedAt, returnedAt: t.returnedAt,
      supplementRounds: 0, applicantName: r.applicant.fullName, applicantPhone: r.applicant.phone, applicantIdNumber: r.applicant.idNumber,
      rating: r.rating,
    };
    assert.deepEqual(differences(r, 'u1', stored), []);
    assert.deepEqual(differences(r, 'u2', { ...stored, state: 'result_ready', rating: null }), ['unitCode', 'outcome', 'rating']);
    assert.deepEqual(differences({ ...r, procedureName: 'Khác' }, 'u1', stored), ['procedureName']);
  });

  test('fingerprints tell identical records from different ones', () => {
    const a = record(line());
    assert.equal(fingerprint(a), fingerprint(record(JSON.stringify({ ...good, applicant: { ...good.applicant, phone: '+84912345678' } }))));
    assert.notEqual(fingerprint(a), fingerprint(record(line({ supplementRounds: 1 }))));
    assert.notEqual(fingerprint(a), fingerprint(record(line({ rating: { attitude: 'satisfied', overall: 'satisfied' } }))));
  });
});
