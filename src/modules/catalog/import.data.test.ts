import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { systemActor } from '../../audit/audit.ts';
import type { Database } from '../../platform/db/engine.ts';
import { createTestDatabase, testEngine } from '../../platform/db/testing.ts';
import { importProcedures, type ImportEntry } from './commands/import.ts';
import { parseImportFile } from './commands/import-file.ts';
import { getProcedureForIntake } from './intake.ts';
import { getProcedureByCode, loadVersion, versionHistory } from './repository.ts';

const crawlPath = new URL('../../../../shared/data/procedures/commune-procedures-crawl-2026.json', import.meta.url);
const sample = JSON.parse(readFileSync(new URL('../../../../shared/data/procedures/commune-procedures-25.json', import.meta.url), 'utf8'));
const actor = { audit: systemActor('test:import'), grants: null };
const day1 = new Date('2026-03-02T02:00:00Z');
const day2 = new Date('2026-04-01T02:00:00Z');

async function count(database: Database, sql: string): Promise<number> {
  const { rows } = await database.pool.query(sql);
  return Number(rows[0].n);
}

describe(`import of the national catalogue (${testEngine})`, () => {
  let database: Database;
  let entries: ImportEntry[];
  before(async () => {
    database = await createTestDatabase();
    entries = (await parseImportFile('catalogue', readFileSync(crawlPath))).entries;
  });
  after(() => database.close());

  test('588 procedures created as drafts; 388 with a parsed time; bare numbers flagged for review', async () => {
    const started = performance.now();
    const summary = await importProcedures(database.db, actor, day1, entries, { publish: false, ownerUnitId: null, offerAt: null });
    const ms = performance.now() - started;
    console.log(`import of 588 procedures on ${testEngine}: ${Math.round(ms)} ms`);
    assert.equal(summary.created, 588);
    assert.equal(summary.newVersions, 0);
    assert.equal(summary.unchanged, 0);
    assert.equal(summary.flagged, 588 - entries.filter((e) => !e.issues.some((i) => i.severity === 'review') && e.procedure.cases[0].processingTime).length);
    assert.equal(await count(database, 'select count(*) n from procedures'), 588);
    assert.equal(await count(database, "select count(*) n from procedure_versions where status = 'draft'"), 588);
    assert.equal(await count(database, 'select count(distinct version_id) n from procedure_cases where processing_kind is not null'), 388);
    assert.equal(await count(database, 'select count(*) n from procedure_cases where needs_review'), 200);
    assert.ok(await count(database, 'select count(*) n from procedure_documents') > 2000);
    assert.equal(await count(database, "select count(*) n from audit_log where action = 'procedure.import.create'"), 588);

    // 1.001193 publishes a bare "1" on every channel: no duration, the published text kept for the reviewer.
    const birth = (await getProcedureByCode(database.db, '1.001193'))!;
    const [draft] = await versionHistory(database.db, birth.id);
    const version = (await loadVersion(database.db, draft.id))!;
    assert.equal(version.cases[0].processingTime, null);
    assert.equal(version.cases[0].needsReview, true);
    assert.match(version.cases[0].processingText!, /Trực tiếp: 1/);
    assert.ok(version.source, 'the parsed source with its original texts is kept');
    assert.equal(version.content.onlineLevel, 'unknown');
  });

  test('importing the same file again changes nothing', async () => {
    const audits = await count(database, 'select count(*) n from audit_log');
    const versions = await count(database, 'select count(*) n from procedure_versions');
    const summary = await importProcedures(database.db, actor, day1, entries, { publish: false, ownerUnitId: null, offerAt: null });
    assert.deepEqual([summary.created, summary.newVersions, summary.unchanged], [0, 0, 588]);
    assert.equal(await count(database, 'select count(*) n from audit_log'), audits);
    assert.equal(await count(database, 'select count(*) n from procedure_versions'), versions);
  });

  test('with --publish, what passes the checks is published; the rest is listed with its problems', async () => {
    const summary = await importProcedures(database.db, actor, day1, entries, { publish: true, ownerUnitId: null, offerAt: null });
    assert.equal(summary.unchanged, 588);
    assert.equal(summary.published + summary.notPublished.length, 588);
    assert.ok(summary.published >= 370 && summary.published <= 388, `published ${summary.published}`);
    const birth = summary.notPublished.find((n) => n.code === '1.001193');
    assert.ok(birth);
    assert.match(birth.problems[0].messageVi, /chưa có thời hạn giải quyết kèm đơn vị/);
    const again = await importProcedures(database.db, actor, day1, entries, { publish: true, ownerUnitId: null, offerAt: null });
    assert.equal(again.published, 0);
    assert.equal(again.unchanged, 588);
  });

  test('a changed procedure gets a new version; the old one stays as history and ends when the new one starts', async () => {
    const changed = entries.map((e) => (e.procedure.code !== '1.004036' ? e : {
      ...e,
      procedure: {
        ...e.procedure,
        cases: [{ ...e.procedure.cases[0], processingTime: { amount: 3, kind: 'working_days' as const }, processingTimeText: '3 Ngày làm việc' }],
      },
    }));
    const summary = await importProcedures(database.db, actor, day2, changed, { publish: true, ownerUnitId: null, offerAt: null });
    assert.deepEqual([summary.created, summary.newVersions, summary.unchanged, summary.published], [0, 1, 587, 1]);
    const procedure = (await getProcedureByCode(database.db, '1.004036'))!;
    const history = await versionHistory(database.db, procedure.id);
    assert.deepEqual(history.map((v) => [v.number, v.status, v.effectiveFrom, v.effectiveTo]), [
      [2, 'published', '2026-04-01', null],
      [1, 'published', '2026-03-02', '2026-04-01'],
    ]);
    const unit = await database.db.selectFrom('units').select('id').executeTakeFirst();
    const intake = async (at: string) => {
      const r = await getProcedureForIntake(database.db, { code: '1.004036', unitId: unit?.id ?? '00000000-0000-0000-0000-000000000000', at });
      assert.ok(r.found);
      return r.procedure.case.duration;
    };
    assert.deepEqual(await intake('2026-03-15'), { amount: 2, kind: 'working_days' });
    assert.deepEqual(await intake('2026-04-01'), { amount: 3, kind: 'working_days' });
  });

  test('the imported values agree with the 25-procedure hand-checked sample where both have them', async () => {
    const kinds: Record<string, string> = { working_day: 'working_days', day: 'calendar_days', same_day: 'same_day' };
    for (const expected of sample.procedures) {
      const procedure = (await getProcedureByCode(database.db, expected.code))!;
      const [latest] = await versionHistory(database.db, procedure.id);
      const version = (await loadVersion(database.db, latest.id))!;
      assert.equal(version.content.name, expected.name);
      assert.equal(version.content.field, expected.field);
      assert.equal(version.content.decisionNumber, expected.decision);
      const time = version.cases[0].processingTime;
      if (time && kinds[expected.processingTime.unit]) {
        const channelTimes = version.content.channelOptions.map((o) => o.processingTime).filter(Boolean);
        assert.ok(channelTimes.some((t) => t!.amount === expected.processingTime.value && t!.kind === kinds[expected.processingTime.unit]),
          `${expected.code}: sample time is one of the published ones`);
      }
      if (expected.fee.amountVnd !== null && version.cases[0].fees[0]?.amountVnd !== null && version.cases[0].fees[0]) {
        const amounts = version.content.channelOptions.map((o) => o.fee.amountVnd);
        assert.ok(amounts.includes(expected.fee.amountVnd), `${expected.code}: fee`);
      }
    }
  });
});
