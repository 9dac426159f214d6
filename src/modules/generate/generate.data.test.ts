// The generator on the demo province: the counts asked for, valid codes and references, the maintained statistics
// equal to a recount from the dossiers (what reports rely on), the same data for the same seed, and plausible
// shares of each outcome.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { systemActor } from '../../audit/audit.ts';
import { demoSeeders } from '../../demo/seeders.ts';
import { seedDemo } from '../../demo/seed.ts';
import type { Database } from '../../platform/db/engine.ts';
import { createTestDatabase } from '../../platform/db/testing.ts';
import { calendarFor } from '../calendar/repository.ts';
import { processingMsOf } from '../dossiers/commands/act.ts';
import { dossierCodePattern } from '../dossiers/domain/code.ts';
import { contributions, statColumns } from '../dossiers/domain/stats.ts';
import { statViewOf } from '../dossiers/repository.ts';
import type { DossierRow } from '../dossiers/tables.ts';
import { timelinesOutOfStep } from '../dossiers/test/timelines.ts';
import { generateProvince, type GenerateOptions, type GenerateResult } from './generate.ts';

const COUNT = 2500;
const options = (seed: number): GenerateOptions => ({
  provinceCode: '24', count: COUNT, from: '2025-07-01', to: '2026-01-01', seed, now: new Date('2025-12-31T09:30:00+07:00'),
  actor: systemActor('test:generate'), checkReferences: true, batchSize: 700,
});

async function demoDatabase(): Promise<Database> {
  const database = await createTestDatabase();
  await seedDemo(database, { password: 'demo-password-1', now: new Date('2025-12-31T00:00:00Z'), seeders: demoSeeders });
  return database;
}

async function fingerprint(database: Database): Promise<string[]> {
  const rows = await database.db.selectFrom('dossiers').select(['id', 'code', 'applicant_name', 'state', 'due_at', 'finished_at'])
    .where('imported', '=', false).orderBy('id').execute();
  return rows.map((r) => `${r.id}|${r.code}|${r.applicant_name}|${r.state}|${r.due_at?.toISOString()}|${r.finished_at?.toISOString()}`);
}

describe('gandan generate', () => {
  let database: Database;
  let result: GenerateResult;

  before(async () => {
    database = await demoDatabase();
    result = await generateProvince(database, options(7));
  });
  after(async () => database?.close());

  test('creates exactly the dossiers asked for, with valid unique codes, over the period', async () => {
    assert.equal(result.dossiers, COUNT);
    const rows = await database.db.selectFrom('dossiers').select(['code', 'state', 'received_at', 'submitted_at']).execute();
    assert.equal(rows.length, COUNT);
    const codes = rows.filter((r) => r.code).map((r) => r.code!);
    assert.equal(new Set(codes).size, codes.length);
    for (const code of codes) assert.match(code, dossierCodePattern);
    for (const r of rows) {
      assert.ok(r.submitted_at >= new Date('2025-06-30T00:00:00+07:00') && r.submitted_at <= new Date('2025-12-31T09:30:00+07:00'), `submitted ${r.submitted_at.toISOString()}`);
    }
  });

  test('the maintained statistics equal a recount over the generated dossiers', async () => {
    const db = database.db;
    const rows = await db.selectFrom('dossiers').selectAll().execute() as DossierRow[];
    const expected = new Map<string, number>();
    for (const row of rows) {
      const { calendar } = await calendarFor(db, row.unit_id);
      for (const c of contributions(statViewOf(row, processingMsOf(row, calendar)))) {
        for (const key of [`${row.unit_id}|${row.procedure_id}|day|${c.day}|${c.column}`, `${row.unit_id}|${row.procedure_id}|month|${c.day.slice(0, 7)}-01|${c.column}`]) {
          expected.set(key, (expected.get(key) ?? 0) + c.amount);
        }
      }
    }
    const stored = new Map<string, number>();
    for (const s of await db.selectFrom('dossier_stats').selectAll().execute()) {
      for (const column of statColumns) {
        const value = Number(s[column]);
        if (value) stored.set(`${s.unit_id}|${s.procedure_id}|${s.period}|${s.period_start}|${column}`, value);
      }
    }
    for (const [k, v] of expected) if (!v) expected.delete(k);
    assert.equal(stored.size, expected.size);
    for (const [key, value] of expected) assert.equal(stored.get(key), value, key);
  });

  /** The search by name finds nothing a word of which is missing from the vocabulary, so its triggers must fire on the load. */
  async function vocabularyHoldsEveryNameWord(d: Database) {
    const names = await d.db.selectFrom('dossiers').select('applicant_name_folded').execute();
    const vocabulary = new Set((await d.db.selectFrom('applicant_name_words').select('word').execute()).map((r) => r.word));
    const words = new Set(names.flatMap((r) => r.applicant_name_folded.split(' ')));
    assert.ok(words.size > 20);
    for (const w of words) assert.ok(vocabulary.has(w), w);
  }

  test('the vocabulary of name words holds every word of the generated names', async () => {
    await vocabularyHoldsEveryNameWord(database);
  });

  test('the per-unit rollup the reports read equals the statistics summed over procedures, also on the trusted fast path', async () => {
    // checkReferences: false lets PostgreSQL skip foreign keys and triggers while loading; the rollup's triggers must still fire.
    const fast = await demoDatabase();
    try {
      await generateProvince(fast, { ...options(3), count: 600, checkReferences: false });
      const sums = (table: 'dossier_stats' | 'dossier_unit_stats') => sql<{ key: string }>`select unit_id || '|' || period || '|' || period_start
        || '|' || ${sql.join(statColumns.map((c) => sql`sum(${sql.ref(c)})`), sql` || '|' || `)} as key
        from ${sql.table(table)} group by unit_id, period, period_start order by 1`.execute(fast.db);
      const byProcedure = (await sums('dossier_stats')).rows.map((r) => r.key);
      assert.ok(byProcedure.length > 0);
      assert.deepEqual((await sums('dossier_unit_stats')).rows.map((r) => r.key), byProcedure);
      await vocabularyHoldsEveryNameWord(fast);
      assert.deepEqual(await timelinesOutOfStep(fast.db), []);
    } finally {
      await fast.close();
    }
  });

  test('history, ratings, supplement rounds and counters are consistent with the dossiers', async () => {
    const db = database.db;
    const noHistory = await db.selectFrom('dossiers as d').select('d.id')
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('dossier_events as e').select('e.id').whereRef('e.dossier_id', '=', 'd.id')))).execute();
    assert.equal(noHistory.length, 0);
    assert.deepEqual(await timelinesOutOfStep(db), [], 'each dossier carries the timeline of its events');
    const rated = await db.selectFrom('dossier_ratings as r').innerJoin('dossiers as d', 'd.id', 'r.dossier_id').select(['d.state', 'r.rated_at', 'd.returned_at']).execute();
    assert.ok(rated.length > 0);
    for (const r of rated) {
      assert.equal(r.state, 'returned');
      assert.ok(r.rated_at >= r.returned_at!);
    }
    const rounds = await db.selectFrom('dossiers as d')
      .select(['d.supplement_rounds', (eb) => eb.selectFrom('supplement_rounds as s').select(eb.fn.countAll<number>().as('n')).whereRef('s.dossier_id', '=', 'd.id').where('s.stage', '=', 'processing').as('n')])
      .where('d.supplement_rounds', '>', 0).execute();
    assert.ok(rounds.length > 0);
    for (const r of rounds) assert.equal(Number(r.n), r.supplement_rounds);
    // Codes issued later in Gần Dân never repeat generated ones.
    const max = await db.selectFrom('dossiers').select((eb) => eb.fn.max('code').as('code')).where('code', 'like', '000.29.24.H04-251230-%').executeTakeFirst();
    if (max?.code) {
      const counter = await db.selectFrom('dossier_code_counters as c').innerJoin('units as u', 'u.id', 'c.unit_id')
        .select('c.last').where('u.agency_code', '=', '000.29.24.H04').where('c.day', '=', '2025-12-30').executeTakeFirstOrThrow();
      assert.equal(counter.last, Number(max.code.slice(-4)));
    }
    const questions = await db.selectFrom('questions').select(['reference', 'status']).execute();
    assert.ok(questions.length >= COUNT / 80);
  });

  test('the shares look like a one-stop desk: mostly on time, some late, online, supplements and refusals', async () => {
    const { rows } = await database.pool.query<{ state: string; channel: string; late: boolean; n: number }>(`
      select state, channel, (finished_at is not null and (finished_at at time zone 'Asia/Ho_Chi_Minh')::date > (due_at at time zone 'Asia/Ho_Chi_Minh')::date) as late, count(*)::int as n
      from dossiers group by 1, 2, 3`);
    const total = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).reduce((s, r) => s + r.n, 0);
    const finished = total((r) => ['returned', 'result_ready', 'refused'].includes(r.state));
    const late = total((r) => r.late);
    assert.ok(finished > COUNT * 0.8, `finished ${finished}`);
    assert.ok(late / finished > 0.01 && late / finished < 0.1, `late share ${late / finished}`);
    assert.ok(total((r) => r.channel === 'online') / COUNT > 0.1);
    assert.ok(total((r) => r.state === 'refused') > 0);
    assert.ok(total((r) => ['received', 'in_progress', 'supplement_requested', 'paused_financial', 'result_ready'].includes(r.state)) > 0, 'open dossiers sit in the queues');
  });

  test('the same seed gives the same data; another seed other data', async () => {
    const again = await demoDatabase();
    try {
      await generateProvince(again, options(7));
      assert.deepEqual(await fingerprint(again), await fingerprint(database));
    } finally {
      await again.close();
    }
    const other = await demoDatabase();
    try {
      await generateProvince(other, { ...options(8), count: 50 });
      const a = new Set(await fingerprint(database));
      assert.ok((await fingerprint(other)).every((f) => !a.has(f)));
    } finally {
      await other.close();
    }
  });
});
