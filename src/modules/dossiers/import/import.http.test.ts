import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../testing/app.ts';
import { demoImportProcedures, generateImportLines } from './generate.ts';

// POST /api/v1/dossiers/import: who may import, the JSON Lines body, its size limit, skipErrors.

describe('dossier import endpoint', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const file = (count: number, seed: number, units = [{ code: '09295', codePrefix: `T${seed}.29.24.H04`, from: '2025-07-01' }]) =>
    [...generateImportLines({ count, seed, from: '2025-07-01', to: '2026-01-01', now: t.ctx.clock(), units, procedures: demoImportProcedures })]
      .map((l) => JSON.stringify(l)).join('\n');

  const post = async (username: string | null, body: string, type = 'application/x-ndjson', query = '') =>
    t.as(username ? await t.login(username) : null, {
      method: 'POST', url: `/api/v1/dossiers/import${query}`, payload: body, headers: { 'content-type': type },
    });

  test('a system administrator imports a file larger than the usual 1 MB body limit', async () => {
    const body = file(2700, 1);
    assert.ok(Buffer.byteLength(body) > 1024 * 1024, `${Buffer.byteLength(body)} bytes`);
    const res = await post('admin', body);
    assert.equal(res.statusCode, 200, res.body);
    const result = res.json();
    assert.equal(result.imported, 2700);
    assert.equal(result.errorCount, 0);
    assert.equal(result.proceduresCreated, 2);
    // Importing the same file again changes nothing.
    const again = (await post('admin', body)).json();
    assert.deepEqual([again.imported, again.skipped], [0, 2700]);
  });

  test('text/plain works too; errors come back by line with 200, and skipErrors imports the rest', async () => {
    const lines = file(3, 2).split('\n');
    lines.splice(1, 0, '{"code": "x"}');
    const res = await post('admin', lines.join('\n'), 'text/plain; charset=utf-8');
    assert.equal(res.statusCode, 200, res.body);
    const result = res.json();
    assert.equal(result.imported, 0);
    assert.ok(result.errors.every((e: { line: number }) => e.line === 2));
    assert.ok(result.errors.some((e: { field: string }) => e.field === 'procedureCode'));
    const skipping = (await post('admin', lines.join('\n'), 'text/plain', '?skipErrors=true')).json();
    assert.equal(skipping.imported, 3);
    const dry = (await post('admin', file(2, 3), 'application/x-ndjson', '?dryRun=true')).json();
    assert.deepEqual([dry.imported, dry.wouldImport], [0, 2]);
  });

  test('a unit administrator imports for the units in reach only; other roles may not import', async () => {
    const kinhBac = { code: '09187', codePrefix: 'T4.18.24.H04', from: '2025-07-01' };
    const mixed = [file(1, 4), file(1, 5, [kinhBac])].join('\n');
    const res = await post('bonglai.quantri', mixed, 'application/x-ndjson', '?skipErrors=true');
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().imported, 1);
    assert.deepEqual(res.json().errors.map((e: { line: number; field: string }) => [e.line, e.field]), [[2, 'unitCode']]);

    assert.equal((await post('bonglai.motcua1', file(1, 6))).statusCode, 403);
    assert.equal((await post(null, file(1, 7))).statusCode, 401);
  });

  test('a JSON body is refused; the route is in the OpenAPI document', async () => {
    const res = await post('admin', JSON.stringify({ code: 'x' }), 'application/json');
    assert.equal(res.statusCode, 400);
    assert.ok(res.json().error.code);
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    assert.ok(doc.paths['/api/v1/dossiers/import']?.post);
  });
});
