import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { systemActor } from '../../audit/audit.ts';
import { testEngine } from '../../platform/db/testing.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { resolveUnitCode } from '../../units/repository.ts';
import { importProcedures } from './commands/import.ts';
import { parseImportFile } from './commands/import-file.ts';
import { searchProcedures, searchSql } from './repository-search.ts';
import { sql } from 'kysely';

const crawlPath = new URL('../../../../shared/data/procedures/commune-procedures-crawl-2026.json', import.meta.url);
const AT = '2026-03-02';

describe(`catalogue search (${testEngine})`, () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  async function codes(q: string, extra = ''): Promise<string[]> {
    const res = await t.app.inject({ url: `/api/v1/procedures?q=${encodeURIComponent(q)}${extra}` });
    assert.equal(res.statusCode, 200, res.body);
    return res.json().items.map((i: { code: string }) => i.code);
  }

  async function expectations() {
    for (const q of ['dang ky khai sinh', 'khai sinh', 'KHAI SINH', 'Đăng ký khai sinh', 'thu tuc dang ky khai sinh']) {
      assert.equal((await codes(q))[0], '1.001193', q);
    }
    const certification = await codes('chứng thực bản sao');
    assert.equal(certification[0], '2.000815');
    assert.equal((await codes('chung thuc ban sao'))[0], '2.000815');
    // Name matches come before matches in the body (here: the result "Giấy khai sinh" of other procedures).
    const certificate = await codes('giay khai sinh');
    assert.equal(certificate[0], '2.000635');
    assert.ok(certificate.indexOf('1.001193') > certificate.indexOf('2.000635'));
    // The code typed at the counter comes first.
    assert.equal((await codes('2.000815'))[0], '2.000815');
    // Typos still find it, after exact matches.
    assert.ok((await codes('dang ky khai sihn')).includes('1.001193'));
  }

  test('diacritic- and case-insensitive; the expected procedure first (demo catalogue)', async () => {
    await expectations();
    const first = (await t.app.inject({ url: '/api/v1/procedures?q=khai%20sinh' })).json().items[0];
    assert.deepEqual(
      { name: first.name, field: first.field, level: first.level, onTheSpot: first.onTheSpot, time: first.processingTime },
      { name: 'Thủ tục đăng ký khai sinh', field: 'Hộ tịch', level: 'Cấp xã', onTheSpot: false,
        time: { amount: 0, kind: 'same_day', label: 'trong ngày', variesByCase: false } },
    );
  });

  test('filters: field, online level, level, the units offering it', async () => {
    const civil = await codes('', '&field=ho%20tich');
    assert.equal(civil.length, 13);
    const partial = await codes('', '&online=partial');
    assert.deepEqual(partial.sort(), ['2.000815', '2.000884', '2.000908', '2.001019', '2.001035']);
    assert.equal((await codes('', '&level=commune&limit=100')).length, 25);
    assert.equal((await codes('', '&level=province')).length, 0);
    const desk = (await t.database.db.selectFrom('units').select('id').where('name', '=', 'Bộ phận Một cửa phường Bồng Lai').executeTakeFirstOrThrow()).id;
    assert.equal((await codes('', `&unitId=${desk}&limit=100`)).length, 25);
    const oldWard = await resolveUnitCode(t.database.db, '09298', '2024-01-01');
    assert.equal((await codes('', `&unitId=${oldWard!.id}`)).length, 0);
    const fields = (await t.app.inject({ url: '/api/v1/procedure-fields' })).json().items;
    assert.deepEqual(fields.find((f: { field: string }) => f.field === 'Chứng thực'), { field: 'Chứng thực', count: 5 });
  });

  test('keyset pagination returns every match once, in rank order', async () => {
    const all = await codes('khai sinh', '&limit=100');
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.app.inject({ url: `/api/v1/procedures?q=khai%20sinh&limit=2${cursor ? `&cursor=${cursor}` : ''}` });
      const body: { items: { code: string }[]; nextCursor: string | null } = res.json();
      paged.push(...body.items.map((i) => i.code));
      cursor = body.nextCursor;
    } while (cursor);
    assert.deepEqual(paged, all);
    assert.ok(all.length >= 5);
    const browse = await codes('', '&limit=100');
    const browsed: string[] = [];
    cursor = null;
    do {
      const page = await searchProcedures(t.database.db, { at: AT, limit: 7, cursor: cursor ?? undefined });
      browsed.push(...page.items.map((i) => i.code));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(browsed, browse);
    const bad = await t.app.inject({ url: '/api/v1/procedures?cursor=nonsense' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.code, 'invalid_cursor');
  });

  test('the same expectations hold among the 588 procedures of the national catalogue', async () => {
    const { entries } = await parseImportFile('catalogue', readFileSync(crawlPath));
    const province = (await resolveUnitCode(t.database.db, '24', AT))!;
    const summary = await importProcedures(t.database.db, { audit: systemActor('test'), grants: null }, new Date('2026-03-02T02:00:00Z'),
      entries, { publish: true, ownerUnitId: null, offerAt: { unitId: province.id, includeDescendants: true } });
    assert.equal(summary.created, 588 - 25);
    assert.equal(summary.offeringsAdded, 588 - 25);
    // The import offers everything at the province but keeps the terms already set ("phi địa giới" here).
    const copies = (await t.app.inject({ url: '/api/v1/procedures/2.000815' })).json();
    assert.equal(copies.whereToSubmit[0].regardlessOfBoundary, true);
    const total = (await searchProcedures(t.database.db, { at: AT, limit: 200, q: 'thu tuc' })).items.length;
    assert.ok(total > 100);
    await expectations();
    // The search can use the trigram indexes on the folded name and body. On so few rows the planner prefers
    // a scan or the indexes on the validity dates, so these are set aside in a transaction that is rolled back.
    const query = await searchSql(t.database.db, { at: AT, limit: 50, q: 'đăng ký khai sinh' });
    let plan = '';
    await t.database.db.transaction().execute(async (trx) => {
      await sql`drop index procedure_versions_in_force_idx`.execute(trx);
      await sql`alter table procedure_versions drop constraint procedure_versions_no_overlap`.execute(trx);
      await sql`set local enable_seqscan = off`.execute(trx);
      await sql`set local enable_indexscan = off`.execute(trx);
      const result = await sql.raw<{ 'QUERY PLAN': string }>('explain ' + query.sql.replace(/\$(\d+)/g, (_, i) =>
        `'${String(query.parameters[Number(i) - 1]).replace(/'/g, "''")}'`)).execute(trx);
      plan = result.rows.map((r) => r['QUERY PLAN']).join('\n');
      throw new Error('roll back');
    }).catch((err: Error) => assert.equal(err.message, 'roll back'));
    assert.match(plan, /procedure_versions_name_trgm_idx/, plan);
    assert.match(plan, /procedure_versions_body_trgm_idx/, plan);
  });
});
