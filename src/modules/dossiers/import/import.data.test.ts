import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { systemActor } from '../../../audit/audit.ts';
import { createTestApp, type TestApp } from '../../../testing/app.ts';
import { resolveUnitCode } from '../../../units/repository.ts';
import { intake } from '../test/helpers.ts';
import { timelinesOutOfStep } from '../test/timelines.ts';
import { demoImportProcedures, demoImportUnits, generateImportLines, tallyLines, type ImportLineObject } from './generate.ts';
import { ImportAbortedError, importDossiers, type ImportOptions } from './import-dossiers.ts';
import { textSource } from './source.ts';

// The historical import against a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL).

const applicant = { fullName: 'Nguyễn Thị Ánh Tuyết', phone: '0912 345 678', idNumber: '027190001234' };

/** Seven dossiers: every outcome, the reused code 09295 on both sides of 1 July 2025, an agency identifier, a new procedure. */
const varied: ImportLineObject[] = [
  { code: 'H04.09295-250310-0001', procedureCode: '1.001193', unitCode: '09295', channel: 'counter', receivedAt: '2025-03-10T08:30:00+07:00',
    dueAt: '2025-03-13T17:00:00+07:00', finishedAt: '2025-03-12T10:00:00+07:00', returnedAt: '2025-03-12T14:00:00+07:00', outcome: 'returned',
    supplementRounds: 0, applicant, rating: { attitude: 'very_satisfied', overall: 'satisfied' } },
  { code: '000.29.24.H04-250805-0001', procedureCode: '1.001193', unitCode: '09295', channel: 'online', receivedAt: '2025-08-05T09:00:00+07:00',
    dueAt: '2025-08-08T17:00:00+07:00', finishedAt: '2025-08-08T16:00:00+07:00', outcome: 'finished', supplementRounds: 1, applicant },
  { code: '000.18.24.H04-250901-0003', procedureCode: '1.000894', unitCode: '000.18.24.H04', channel: 'post', receivedAt: '2025-09-01T10:00:00+07:00',
    dueAt: '2025-09-05T17:00:00+07:00', finishedAt: '2025-09-09T09:00:00+07:00', outcome: 'refused', supplementRounds: 0, applicant },
  { code: '000.29.24.H04-251002-0002', procedureCode: '1.004222', unitCode: '09295', channel: 'online', receivedAt: '2025-10-02T14:00:00+07:00',
    dueAt: '2025-10-09T17:00:00+07:00', finishedAt: '2025-10-03T09:00:00+07:00', outcome: 'withdrawn', supplementRounds: 0, applicant },
  { code: '000.29.24.H04-251103-0001', procedureCode: '1.004222', unitCode: '09295', channel: 'counter', receivedAt: '2025-11-03T08:00:00+07:00',
    dueAt: '2025-11-10T17:00:00+07:00', finishedAt: '2025-11-05T15:00:00+07:00', outcome: 'stopped', supplementRounds: 0, applicant },
  { code: '000.29.24.H04-260226-0004', procedureCode: '1.001193', unitCode: '09295', channel: 'counter', receivedAt: '2026-02-26T08:00:00+07:00',
    dueAt: '2026-03-03T17:00:00+07:00', outcome: 'in_progress', supplementRounds: 0, applicant },
  { code: 'H04.09298-250115-0001', procedureCode: '9.000001', procedureName: 'Thủ tục cũ: xác nhận đơn đề nghị', field: 'Hành chính tư pháp',
    unitCode: '09298', channel: 'counter', receivedAt: '2025-01-15T09:00:00+07:00', dueAt: '2025-01-15T17:00:00+07:00',
    finishedAt: '2025-01-15T11:00:00+07:00', returnedAt: '2025-01-15T11:30:00+07:00', outcome: 'returned', supplementRounds: 0, applicant },
];

const jsonl = (lines: object[]) => lines.map((l) => JSON.stringify(l)).join('\n') + '\n';

describe('dossier import: historical JSON Lines', () => {
  let t: TestApp;
  let options: ImportOptions;
  before(async () => {
    t = await createTestApp();
    options = {
      actor: { audit: systemActor('test:import'), userId: null, name: 'Nhập dữ liệu', unitId: null }, reach: 'all', now: t.ctx.clock(), skipErrors: false,
    };
  });
  after(() => t.close());

  const run = (text: string, extra: Partial<ImportOptions> = {}) => importDossiers(t.database.db, textSource(text), { ...options, ...extra });
  const count = async (table: 'dossiers' | 'dossier_events') =>
    Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const byCode = (code: string) => t.database.db.selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirstOrThrow();

  test('varied lines: states, national codes, units at the date, a new procedure, history, one audit row', async () => {
    const auditBefore = await t.database.db.selectFrom('audit_log').select('id').where('action', '=', 'dossier.import').execute();
    const result = await run(jsonl(varied));
    assert.deepEqual(result, { imported: 7, skipped: 0, errors: [], errorCount: 0, proceduresCreated: 1 });

    const expected: Record<string, [string, number]> = {
      'H04.09295-250310-0001': ['returned', 10], '000.29.24.H04-250805-0001': ['result_ready', 9], '000.18.24.H04-250901-0003': ['refused', 3],
      '000.29.24.H04-251002-0002': ['withdrawn', 7], '000.29.24.H04-251103-0001': ['stopped', 8], '000.29.24.H04-260226-0004': ['in_progress', 4],
      'H04.09298-250115-0001': ['returned', 10],
    };
    for (const [code, [state, national]] of Object.entries(expected)) {
      const row = await byCode(code);
      assert.equal(row.state, state, code);
      assert.equal(row.national_status, national, code);
      assert.equal(row.imported, true);
      assert.ok(row.calendar_rule_version);
      const events = await t.database.db.selectFrom('dossier_events').selectAll().where('dossier_id', '=', row.id).execute();
      assert.deepEqual(events.map((e) => [e.action, e.to_state]), [['import', state]]);
    }
    assert.deepEqual(await timelinesOutOfStep(t.database.db), [], 'imported dossiers carry their one event in their timeline, once');
    // The same statistics-office code names two different wards before and after 1 July 2025.
    const oldWard = await resolveUnitCode(t.database.db, '09295', '2025-03-10');
    const newWard = await resolveUnitCode(t.database.db, '09295', '2025-08-05');
    assert.notEqual(oldWard!.id, newWard!.id);
    assert.equal((await byCode('H04.09295-250310-0001')).unit_id, oldWard!.id);
    assert.equal((await byCode('000.29.24.H04-250805-0001')).unit_id, newWard!.id);
    assert.equal((await byCode('000.18.24.H04-250901-0003')).unit_id, (await resolveUnitCode(t.database.db, '09187', '2025-09-01'))!.id);

    const withdrawn = await byCode('000.29.24.H04-251002-0002');
    assert.equal(withdrawn.finished_at, null);
    assert.equal(withdrawn.closed_at?.toISOString(), '2025-10-03T02:00:00.000Z');
    const stub = await byCode('H04.09298-250115-0001');
    assert.equal(stub.procedure_name, 'Thủ tục cũ: xác nhận đơn đề nghị');
    assert.equal(stub.field, 'Hành chính tư pháp');
    const procedure = await t.database.db.selectFrom('procedures').select(['id', 'status']).where('code', '=', '9.000001').executeTakeFirstOrThrow();
    assert.equal(procedure.id, stub.procedure_id);
    assert.equal(procedure.status, 'draft');

    const { rows: ratings } = await sql<{ attitude: string; overall: string; channel: string }>`
      select attitude, overall, channel from dossier_ratings where dossier_id = ${(await byCode('H04.09295-250310-0001')).id}`.execute(t.database.db);
    assert.deepEqual(ratings, [{ attitude: 'very_satisfied', overall: 'satisfied', channel: 'import' }]);

    const audits = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'dossier.import').execute();
    assert.equal(audits.length, auditBefore.length + 1);
    assert.equal((audits.at(-1)!.after as { imported: number }).imported, 7);
  });

  test('re-import: identical lines are skipped, a changed line is an error and nothing is written', async () => {
    const before = await count('dossiers');
    assert.deepEqual(await run(jsonl(varied)), { imported: 0, skipped: 7, errors: [], errorCount: 0, proceduresCreated: 0 });
    const changed = varied.map((l, i) => (i === 2 ? { ...l, outcome: 'returned' as const, returnedAt: '2025-09-09T10:00:00+07:00' } : l));
    const added = { ...varied[0], code: 'H04.09295-250310-0002' };
    const result = await run(jsonl([...changed, added]));
    assert.equal(result.imported, 0);
    assert.equal(result.skipped, 6);
    assert.deepEqual(result.errors.map((e) => [e.line, e.field]), [[3, 'outcome']]);
    assert.match(result.errors[0].message, /outcome, returnedAt/);
    assert.equal(await count('dossiers'), before);
  });

  test('a bad file reports its errors by line and imports nothing; --skip-errors imports the good lines', async () => {
    const good = { ...varied[0], code: 'H04.09295-250311-0001', receivedAt: '2025-03-11T08:30:00+07:00', rating: undefined };
    const lines = [
      JSON.stringify(good),
      '{"code": "broken"',
      JSON.stringify({ ...good, code: 'H04.09295-250311-0002', receivedAt: '2025-03-11T08:30:00' }),
      JSON.stringify({ ...good, code: 'H04.09295-250311-0003', finishedAt: '2025-03-10T08:00:00+07:00' }),
      JSON.stringify({ ...good, code: 'H04.09295-250311-0004', unitCode: '99999' }),
      JSON.stringify({ ...good, code: 'H04.09295-250311-0005', procedureCode: '9.999999' }),
      '',
      JSON.stringify({ ...good, supplementRounds: 2 }),
      JSON.stringify({ ...good, code: 'H04.09295-250311-0006', channel: 'counter' }),
    ];
    const before = await count('dossiers');
    const result = await run(lines.join('\r\n'));
    assert.deepEqual(result.errors.map((e) => [e.line, e.field]), [
      [2, 'json'], [3, 'receivedAt'], [4, 'finishedAt'], [5, 'unitCode'], [6, 'procedureCode'], [8, 'code'],
    ]);
    assert.equal(result.errorCount, 6);
    assert.equal(result.imported, 0);
    assert.equal(await count('dossiers'), before);

    const dry = await run(lines.join('\n'), { dryRun: true });
    assert.equal(dry.wouldImport, 2);
    assert.equal(await count('dossiers'), before);

    const skipping = await run(lines.join('\n'), { skipErrors: true });
    assert.equal(skipping.imported, 2);
    assert.equal(skipping.errorCount, 6);
    assert.equal(await count('dossiers'), before + 2);
  });

  test('an unknown procedure needs its name on one line of the file, not on every line', async () => {
    const base = { ...varied[1], rating: undefined };
    const lines = [
      { ...base, code: 'NAMED-1', procedureCode: '9.000003' },
      { ...base, code: 'NAMED-2', procedureCode: '9.000003', procedureName: 'Thủ tục cũ: cấp phép đào đường', field: 'Giao thông' },
      { ...base, code: 'NAMED-3', procedureCode: '9.000004' },
    ];
    const result = await run(jsonl(lines), { skipErrors: true });
    assert.deepEqual([result.imported, result.proceduresCreated], [2, 1]);
    assert.deepEqual(result.errors.map((e) => [e.line, e.field]), [[3, 'procedureCode']]);
    const first = await byCode('NAMED-1');
    assert.deepEqual([first.procedure_name, first.field], ['Thủ tục cũ: cấp phép đào đường', 'Giao thông']);
  });

  test('a unit administrator imports only for the units in reach', async () => {
    const bongLai = (await resolveUnitCode(t.database.db, '09295', '2026-01-01'))!;
    const mine = { ...varied[1], code: '000.29.24.H04-250806-0001' };
    const other = { ...varied[2], code: '000.18.24.H04-250902-0001' };
    const result = await run(jsonl([mine, other]), { reach: [bongLai.id], skipErrors: true });
    assert.equal(result.imported, 1);
    assert.deepEqual(result.errors.map((e) => [e.line, e.field]), [[2, 'unitCode']]);
  });

  test('two imports of the same file at once: one writes, the other skips or stops without writing', async () => {
    const lines = varied.slice(0, 3).map((l, i) => ({ ...l, code: `RACE-${i}`, rating: undefined }));
    const before = await count('dossiers');
    const outcomes = await Promise.allSettled([run(jsonl(lines)), run(jsonl(lines))]);
    const imported = outcomes.filter((o) => o.status === 'fulfilled' && o.value.imported === 3);
    assert.equal(imported.length, 1, JSON.stringify(outcomes));
    const other = outcomes.find((o) => !(o.status === 'fulfilled' && o.value.imported === 3))!;
    if (other.status === 'rejected') assert.ok(other.reason instanceof ImportAbortedError, String(other.reason));
    else assert.equal(other.value.skipped, 3);
    assert.equal(await count('dossiers'), before + 3);
  });

  test('imported codes of today hold their place in the daily sequence', async () => {
    const today = { ...varied[5], code: '000.29.24.H04-260302-0007', receivedAt: '2026-03-02T08:00:00+07:00' };
    assert.equal((await run(jsonl([today]))).imported, 1);
    const res = await intake(t, await t.login('bonglai.motcua1'));
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().code, '000.29.24.H04-260302-0008');
  });

  test('the maintained statistics equal an independent count of a generated file', async () => {
    const { rows: [before] } = await sql<Record<string, number>>`select count(*)::int as n from dossier_stats`.execute(t.database.db);
    assert.ok(before.n > 0); // earlier tests wrote rows: compare the difference
    const totals = async () => (await sql<Record<string, number>>`
      select coalesce(sum(received_counter), 0)::int as counter, coalesce(sum(received_online), 0)::int as online, coalesce(sum(received_post), 0)::int as post,
        coalesce(sum(resolved_early), 0)::int as early, coalesce(sum(resolved_on_time), 0)::int as on_time, coalesce(sum(resolved_late), 0)::int as late,
        coalesce(sum(withdrawn), 0)::int as withdrawn, coalesce(sum(stopped), 0)::int as stopped, coalesce(sum(received_refused), 0)::int as refused,
        coalesce(sum(received_supplemented), 0)::int as supplemented, coalesce(sum(resolved_refused), 0)::int as resolved_refused
      from dossier_stats where period = ${'day'}`.execute(t.database.db)).rows[0];
    const monthTotals = async () => (await sql<{ n: number }>`
      select coalesce(sum(received_counter + received_online + received_post + resolved_early + resolved_on_time + resolved_late + withdrawn + stopped), 0)::int as n
      from dossier_stats where period = ${'month'}`.execute(t.database.db)).rows[0].n;
    const ratings = async () => (await sql<{ n: number; satisfied: number }>`
      select count(*)::int as n, count(*) filter (where attitude in ('satisfied', 'very_satisfied'))::int as satisfied from dossier_ratings`.execute(t.database.db)).rows[0];
    const [s0, m0, r0] = [await totals(), await monthTotals(), await ratings()];

    const lines = [...generateImportLines({
      count: 2000, seed: 11, from: '2025-01-01', to: '2026-01-01', now: t.ctx.clock(),
      units: demoImportUnits.map((u) => ({ ...u, codePrefix: `G${u.codePrefix}` })), procedures: demoImportProcedures,
    })];
    // Small batches: several are written while the next is built (import-dossiers.ts, writeRows).
    const result = await run(jsonl(lines), { batchSize: 300 });
    assert.equal(result.errorCount, 0, JSON.stringify(result.errors.slice(0, 3)));
    assert.equal(result.imported, 2000);

    const e = tallyLines(lines);
    const [s1, m1, r1] = [await totals(), await monthTotals(), await ratings()];
    const diff = (k: string) => s1[k] - s0[k];
    assert.deepEqual(
      { counter: diff('counter'), online: diff('online'), post: diff('post'), early: diff('early'), onTime: diff('on_time'), late: diff('late'),
        withdrawn: diff('withdrawn'), stopped: diff('stopped'), refused: diff('refused'), resolvedRefused: diff('resolved_refused'), supplemented: diff('supplemented') },
      { counter: e.received.counter, online: e.received.online, post: e.received.post, early: e.resolved.early, onTime: e.resolved.onTime, late: e.resolved.late,
        withdrawn: e.withdrawn, stopped: e.stopped, refused: e.refused, resolvedRefused: e.refused, supplemented: e.supplemented },
    );
    // Month rows carry the same totals as day rows.
    const dayTotal = ['counter', 'online', 'post', 'early', 'on_time', 'late', 'withdrawn', 'stopped'].reduce((sum, k) => sum + diff(k), 0);
    assert.equal(m1 - m0, dayTotal);
    assert.deepEqual({ n: r1.n - r0.n, satisfied: r1.satisfied - r0.satisfied }, { n: e.ratings.count, satisfied: e.ratings.satisfied });
    assert.ok(e.withdrawn > 0 && e.stopped > 0 && e.inProgress > 0 && e.resolved.late > 0, 'the file has every kind of dossier');
  });

  // The rows are written with the per-row foreign-key triggers off (bulkLoad): every reference must still hold, and
  // columns that refer to tables the import does not lock must stay empty.
  test('imported rows: every foreign key holds, and only units, procedures, users and dossiers are referred to', async () => {
    const { rows: keys } = await sql<{ table: string; column: string; ref: string; refColumn: string }>`
      select c.conrelid::regclass::text as table, a.attname as column, c.confrelid::regclass::text as ref, fa.attname as "refColumn"
      from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      join pg_attribute fa on fa.attrelid = c.confrelid and fa.attnum = c.confkey[1]
      where c.contype = 'f' and c.conrelid in ('dossiers'::regclass, 'dossier_events'::regclass, 'dossier_ratings'::regclass)`.execute(t.database.db);
    const imported: Record<string, string> = {
      dossiers: 'x.imported', dossier_events: `x.action = 'import'`, dossier_ratings: `x.channel = 'import'`,
    };
    assert.ok(keys.length >= 15, 'the foreign keys of the three tables are found');
    for (const k of keys) {
      const where = sql.raw(`${imported[k.table]} and x.${k.column} is not null`);
      const locked = ['units', 'procedures', 'users', 'dossiers'].includes(k.ref);
      const { rows } = locked
        ? await sql<{ n: number }>`select count(*)::int as n from ${sql.table(k.table)} x where ${where}
            and not exists (select 1 from ${sql.table(k.ref)} r where r.${sql.ref(k.refColumn)} = x.${sql.ref(k.column)})`.execute(t.database.db)
        : await sql<{ n: number }>`select count(*)::int as n from ${sql.table(k.table)} x where ${where}`.execute(t.database.db);
      assert.equal(rows[0].n, 0, `${k.table}.${k.column} → ${k.ref}`);
    }
    const { rows: counts } = await sql<{ n: number }>`select count(*)::int as n from dossiers where imported`.execute(t.database.db);
    assert.ok(counts[0].n > 2000);
  });

  test('imported names can be searched: every word of them is in the vocabulary the search by name reads', async () => {
    const { rows } = await sql<{ word: string }>`select distinct w as word from dossiers d, unnest(string_to_array(d.applicant_name_folded, ' ')) w
      where d.imported and not exists (select 1 from applicant_name_words v where v.word = w)`.execute(t.database.db);
    assert.deepEqual(rows, []);
  });
});
