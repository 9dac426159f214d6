// Writes generated rows in batches, one transaction each: dossiers and their history through the historical
// import's bulk writer (one JSON parameter per table and batch) or, on PostgreSQL, by COPY; the smaller tables as
// multi-row inserts; and the maintained statistics summed from the dossier module's contributions(), so reports
// read exactly what the application would have counted.

import { Kysely, PostgresDialect, sql } from 'kysely';
import type pg from 'pg';
import type { Schema } from '../../platform/db/schema.ts';
import type { StatColumn, StatDelta, StatView } from '../dossiers/domain/stats.ts';
import { contributions, statColumns } from '../dossiers/domain/stats.ts';
import { insertDossiers, insertEvents, raiseCodeCounters, timelinesWritten, type NewDossier, type NewEvent } from '../dossiers/import/repository.ts';
import type { NewFullRating, NewPause, NewSupplementRound } from './model.ts';
import type { NewQuestion } from './questions.ts';
import { copyRows } from './copy.ts';

export interface Batch {
  dossiers: NewDossier[];
  events: NewEvent[];
  supplements: NewSupplementRound[];
  pauses: NewPause[];
  ratings: NewFullRating[];
  questions: NewQuestion[];
  stats: StatDelta[];
  codeCounters: { unitId: string; day: string; last: number }[];
  questionCounters: { day: string; last: number }[];
}

export const emptyBatch = (): Batch => ({
  dossiers: [], events: [], supplements: [], pauses: [], ratings: [], questions: [], stats: [], codeCounters: [], questionCounters: [],
});

/** Rows per multi-row INSERT: under the protocol's 65,535 parameters for every table written this way. */
const ROWS_PER_INSERT = 2000;
const COUNTERS_PER_INSERT = 10_000;
const STAT_ROWS_PER_STATEMENT = 20_000;

async function insertMany(trx: Kysely<Schema>, table: SmallTable, rows: object[]): Promise<void> {
  if (!rows.length) return;
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await trx.insertInto(table).values(rows.slice(i, i + ROWS_PER_INSERT) as never).execute();
  }
}

/** Where each batch's time went (ms), for the command's summary and the bench. */
export type WriteTimings = Record<'dossiers' | 'events' | 'others' | 'stats', number>;

export interface BatchWriter {
  write(batch: Batch): Promise<void>;
  timings: WriteTimings;
}

/**
 * `trusted`: the rows reference only what the generator read from the database, so the loading transaction may
 * skip foreign-key checks and triggers (session_replication_role = replica; PostgreSQL superusers only). The
 * checks take a shared lock on every referenced unit and procedure row, which costs more than the insert itself.
 */
async function prelude(trx: Kysely<Schema>, trusted: boolean): Promise<void> {
  if (trusted) await sql`set local session_replication_role = replica`.execute(trx);
  await sql`set local synchronous_commit = off`.execute(trx);
  await timelinesWritten(trx);
}

/** The statistics must fire their triggers (they keep the per-unit rollup): foreign-key checks stay skipped. */
async function countsWithTriggers(trx: Kysely<Schema>, trusted: boolean): Promise<void> {
  if (trusted) await sql`set local session_replication_role = origin`.execute(trx);
}

function stopwatch(timings: WriteTimings) {
  let t0 = performance.now();
  return (k: keyof WriteTimings) => {
    const t1 = performance.now();
    timings[k] += t1 - t0;
    t0 = t1;
  };
}

const noTimings = (): WriteTimings => ({ dossiers: 0, events: 0, others: 0, stats: 0 });

/** Any engine: dossiers and history through the historical import's bulk writer (one JSON parameter each). */
export function recordsetWriter(db: Kysely<Schema>, trusted: boolean): BatchWriter {
  const timings = noTimings();
  return {
    timings,
    async write(b) {
      await db.transaction().execute(async (trx) => {
        await prelude(trx, trusted);
        const lap = stopwatch(timings);
        await insertDossiers(trx, b.dossiers);
        lap('dossiers');
        await insertEvents(trx, b.events);
        lap('events');
        for (const [table, rows] of smallTables(b)) await insertMany(trx, table, rows);
        lap('others');
        await countsWithTriggers(trx, trusted);
        await writeCounts(trx, b, lap);
      });
    },
  };
}

/** PostgreSQL: the same transaction with the two big tables sent by COPY (see copy.ts). */
export function copyWriter(pool: pg.Pool, trusted: boolean): BatchWriter {
  const timings = noTimings();
  return {
    timings,
    async write(b) {
      const client = await pool.connect();
      const trx = onClient(client);
      try {
        await client.query('begin');
        await prelude(trx, trusted);
        const lap = stopwatch(timings);
        await copyRows(client, 'dossiers', b.dossiers);
        lap('dossiers');
        await copyRows(client, 'dossier_events', b.events);
        lap('events');
        for (const [table, rows] of smallTables(b)) await copyRows(client, table, rows);
        lap('others');
        await countsWithTriggers(trx, trusted);
        await writeCounts(trx, b, lap);
        await client.query('commit');
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        client.release();
        await trx.destroy();
      }
    },
  };
}

/** A Kysely that runs every query on one checked-out client (so it shares the client's transaction). */
function onClient(client: pg.PoolClient): Kysely<Schema> {
  const pool = { connect: async () => ({ query: client.query.bind(client), release: () => undefined }), end: async () => undefined };
  return new Kysely<Schema>({ dialect: new PostgresDialect({ pool: pool as never }) });
}

type SmallTable = 'supplement_rounds' | 'dossier_pauses' | 'dossier_ratings' | 'questions';

function smallTables(b: Batch): [SmallTable, object[]][] {
  return [['supplement_rounds', b.supplements], ['dossier_pauses', b.pauses], ['dossier_ratings', b.ratings], ['questions', b.questions]];
}

/** The statistics and the code sequences: upserts that add to (or raise) what the tables hold. */
async function writeCounts(trx: Kysely<Schema>, b: Batch, lap: (k: keyof WriteTimings) => void): Promise<void> {
  await applyStats(trx, b.stats);
  for (let i = 0; i < b.codeCounters.length; i += COUNTERS_PER_INSERT) await raiseCodeCounters(trx, b.codeCounters.slice(i, i + COUNTERS_PER_INSERT));
  for (let i = 0; i < b.questionCounters.length; i += COUNTERS_PER_INSERT) {
    await trx.insertInto('question_counters').values(b.questionCounters.slice(i, i + COUNTERS_PER_INSERT))
      .onConflict((oc) => oc.column('day').doUpdateSet({ last: sql`greatest(question_counters.last, excluded.last)` })).execute();
  }
  lap('stats');
}

/**
 * applyStatDeltas (the dossier module's upsert) for many rows at once: the day and month rows summed here, sent
 * as one JSON parameter per statement like the dossiers, and added to what the table holds.
 */
async function applyStats(trx: Kysely<Schema>, deltas: StatDelta[]): Promise<void> {
  // Only the columns a row changes go into the JSON (most are zero); the SELECT fills in the others.
  const rows = new Map<string, Record<string, number | string>>();
  for (const d of deltas) {
    for (const [period, start] of [['day', d.day], ['month', `${d.day.slice(0, 7)}-01`]] as const) {
      const key = `${d.unitId}|${d.procedureId}|${period}|${start}`;
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { unit_id: d.unitId, procedure_id: d.procedureId, period, period_start: start }));
      row[d.column] = ((row[d.column] as number | undefined) ?? 0) + d.amount;
    }
  }
  const all = [...rows.values()];
  const keys = ['unit_id', 'procedure_id', 'period', 'period_start'].map((c) => sql.ref(c));
  const columns = sql.join([...keys, ...statColumns.map((c) => sql.ref(c))]);
  const values = sql.join([...keys, ...statColumns.map((c) => sql`coalesce(${sql.ref(c)}, 0)`)]);
  const sums = sql.join(statColumns.map((c) => sql`${sql.ref(c)} = dossier_stats.${sql.ref(c)} + excluded.${sql.ref(c)}`));
  for (let i = 0; i < all.length; i += STAT_ROWS_PER_STATEMENT) {
    await sql`insert into dossier_stats (${columns})
      select ${values} from json_populate_recordset(null::dossier_stats, ${JSON.stringify(all.slice(i, i + STAT_ROWS_PER_STATEMENT))}::json)
      on conflict (unit_id, procedure_id, period, period_start) do update set ${sums}`.execute(trx);
  }
}

/**
 * The statistics of the dossiers generated so far, summed per day, until they are written. A dossier only
 * contributes on days from its submission on, and dossiers are generated in receipt order, so days well before
 * the current one are complete and can be written; writing a day twice is still right (the upsert adds).
 */
export class StatSums {
  private readonly days = new Map<string, Map<string, StatDelta>>();

  add(view: StatView): void {
    const prefix = `${view.unitId}|${view.procedureId}|`;
    for (const c of contributions(view)) {
      let day = this.days.get(c.day);
      if (!day) this.days.set(c.day, (day = new Map()));
      const key = prefix + c.column;
      const sum = day.get(key);
      if (sum) sum.amount += c.amount;
      else day.set(key, { unitId: view.unitId, procedureId: view.procedureId, day: c.day, column: c.column as StatColumn, amount: c.amount });
    }
  }

  /** Removes and returns the sums of days before `day` (every day when null), day by day. */
  take(before: string | null): StatDelta[] {
    const out: StatDelta[] = [];
    for (const day of [...this.days.keys()].sort()) {
      if (before !== null && day >= before) break;
      for (const d of this.days.get(day)!.values()) if (d.amount !== 0) out.push(d);
      this.days.delete(day);
    }
    return out;
  }
}
