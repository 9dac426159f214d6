import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from '../../../testing/app.ts';
import { act } from '../../dossiers/test/helpers.ts';

// Shared steps of the citizen-side tests: an app with a real file store, uploads, and a dossier taken to
// "returned" at the desk.

export const pdfBytes = (text = 'giấy tờ') => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);
export const pngBytes = () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

export async function createCitizenTestApp(now = new Date('2026-03-02T02:00:00Z')): Promise<TestApp & { filesDir: string }> {
  const filesDir = mkdtempSync(join(tmpdir(), 'gandan-citizen-files-'));
  const t = await createTestApp({ now, config: { filesDir } });
  const close = t.close;
  return Object.assign(t, {
    filesDir,
    async close() {
      await close();
      rmSync(filesDir, { recursive: true, force: true });
    },
  });
}

export function multipart(filename: string, content: Buffer, type = 'application/octet-stream'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----gandan${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export function upload(t: TestApp, draft: { id: string; token: string }, filename: string, content: Buffer): Promise<LightMyRequestResponse> {
  const body = multipart(filename, content);
  return t.app.inject({ method: 'POST', url: `/api/v1/files?draftId=${draft.id}`, payload: body.payload, headers: { ...body.headers, 'x-draft-token': draft.token } });
}

/** The units' ids by statistics code. */
export async function unitId(t: TestApp, code: string): Promise<string> {
  return (await t.app.inject({ url: `/api/v1/units?code=${code}` })).json().items[0].id;
}

/** A counter dossier (1.004859 at phường Bồng Lai by default) walked to "returned"; returns its id and code. */
export async function returnedDossier(t: TestApp, opts: { unitCode?: string; desk?: string; specialist?: string; leader?: string; phone?: string } = {}) {
  const desk = opts.desk ?? 'bonglai.motcua1';
  const session = await t.login(desk);
  const unit = await unitId(t, opts.unitCode ?? '09295');
  const detail = (await t.app.inject({ url: '/api/v1/procedures/1.004859' })).json();
  const docs = detail.cases[0].documents as { name: string; required: boolean; presentOnly: boolean }[];
  const res = await t.as(session, {
    method: 'POST', url: '/api/v1/dossiers',
    payload: {
      unitId: unit, procedureCode: '1.004859', channel: 'counter', outcome: 'complete',
      applicant: { kind: 'person', fullName: 'Trần Thị Bình', phone: opts.phone ?? '0987 654 321' },
      documents: docs.map((d) => ({ name: d.name, required: d.required, received: true })),
    },
  });
  if (res.statusCode !== 201) throw new Error(`intake failed: ${res.body}`);
  const { id, code, lookupSecret } = res.json();
  const steps: [string, Record<string, unknown>][] = [
    [desk, { action: 'forward' }],
    [opts.specialist ?? 'bonglai.chuyenvien', { action: 'forward' }],
    [opts.leader ?? 'bonglai.lanhdao', { action: 'approve' }],
    [desk, { action: 'record_result', result: { number: '7/2026/TLHT' } }],
    [desk, { action: 'return_result' }],
  ];
  for (const [user, body] of steps) {
    const r = await act(t, user, id, body);
    if (r.statusCode !== 200) throw new Error(`${String(body.action)} by ${user} failed: ${r.body}`);
  }
  return { id: id as string, code: code as string, secret: lookupSecret as string };
}
