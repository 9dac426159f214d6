import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { systemActor } from '../audit/audit.ts';
import { createTestApp, countRows, type TestApp } from '../testing/app.ts';
import { importNationalList } from './commands.ts';
import { parseNationalUnitList } from './national-list.ts';
import { resolveUnitCode } from './repository.ts';

const nationalFile = new URL('../../../shared/data/units/units-2025-07-01.json', import.meta.url);

describe('units: national list import and code history', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('demo history keeps old and new phường Bồng Lai apart', async () => {
    const db = t.database.db;
    const old = await resolveUnitCode(db, '09295', '2024-04-25');
    const now = await resolveUnitCode(db, '09295', '2025-07-01');
    assert.ok(old && now);
    assert.notEqual(old.id, now.id);
    assert.equal(old.validTo, '2025-07-01');
    assert.equal(now.validFrom, '2025-07-01');
    // Province code 24 was Bắc Giang and is now Bắc Ninh.
    assert.equal((await resolveUnitCode(db, '24', '2020-01-01'))?.name, 'Bắc Giang');
    assert.equal((await resolveUnitCode(db, '24', '2026-01-01'))?.name, 'Bắc Ninh');
    // An abolished code resolves to the last unit that had it.
    assert.equal((await resolveUnitCode(db, '09298', '2026-01-01'))?.fullName, 'Phường Cách Bi');
    const res = await t.app.inject({ url: `/api/v1/units/${now.id}` });
    const detail = res.json();
    assert.deepEqual(detail.predecessors.map((p: { fullName: string }) => p.fullName).sort(), ['Phường Bồng Lai', 'Phường Cách Bi', 'Xã Mộ Đạo']);
    assert.equal(detail.ancestors[0].name, 'Bắc Ninh');
  });

  test('the 2025-07-01 list yields 34 provinces and 3,321 communes; re-import changes nothing', async () => {
    const { provinces, problems } = parseNationalUnitList(JSON.parse(readFileSync(nationalFile, 'utf8')));
    assert.deepEqual(problems, []);
    const db = t.database.db;
    const before = await countRows(t.database, 'units');
    const first = await importNationalList(db, systemActor('test'), provinces, '2025-07-01');
    const at = '2025-07-01';
    const counts = await db
      .selectFrom('units')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('code', 'is not', null)
      .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', at)]))
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', at)]))
      .groupBy('kind')
      .execute();
    const byKind = Object.fromEntries(counts.map((c) => [c.kind, Number(c.n)]));
    assert.deepEqual(byKind, { province: 34, commune: 2621, ward: 687, special_zone: 13 });
    // The demo's new-era units (1 province, 7 communes) were matched, not duplicated.
    assert.equal(first.created + first.unchanged + first.updated, 34 + 3321);
    assert.equal(await countRows(t.database, 'units'), before + first.created);
    const auditBefore = await countRows(t.database, 'audit_log');
    const second = await importNationalList(db, systemActor('test'), provinces, '2025-07-01');
    assert.deepEqual(second, { created: 0, updated: 0, unchanged: 34 + 3321 });
    assert.equal(await countRows(t.database, 'audit_log'), auditBefore);
    // The old phường Bồng Lai is untouched by the import.
    assert.equal((await resolveUnitCode(db, '09295', '2024-01-01'))?.validTo, '2025-07-01');
  });

  test('search by name ignores diacritics and finds a unit valid at a date', async () => {
    const res = await t.app.inject({ url: '/api/v1/units?q=bong%20lai&at=2026-01-01' });
    assert.equal(res.statusCode, 200);
    const names = res.json().items.map((u: { fullName: string }) => u.fullName);
    assert.ok(names.includes('Phường Bồng Lai'));
    const old = await t.app.inject({ url: '/api/v1/units?q=cach%20bi&at=2026-01-01' });
    assert.deepEqual(old.json().items, []);
  });

  test('children of a province page by keyset without repeats', async () => {
    const bacNinh = await resolveUnitCode(t.database.db, '24', '2026-01-01');
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/v1/units?parentId=${bacNinh!.id}&limit=40${cursor ? `&cursor=${cursor}` : ''}`;
      const body = (await t.app.inject({ url })).json();
      for (const u of body.items) {
        assert.ok(!seen.has(u.id));
        seen.add(u.id);
      }
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    assert.ok(seen.size >= 99, `Bắc Ninh has 99 communes, saw ${seen.size}`);
  });
});
