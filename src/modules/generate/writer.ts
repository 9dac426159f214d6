// Writes generated rows in batches, one transaction each: dossiers and their history through the historical
// import's bulk writer (one JSON parameter per table and batch), the smaller tables as multi-row inserts, and the
// maintained statistics through the dossier module's applyStatDeltas, so reports read exactly what the
// application would have counted.

import { sql, type Kysely, type Transaction } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';
import type { StatColumn, StatDelta, StatView } from '../dossiers/domain/stats.ts';
import { contributions, statColumns } from '../dossiers/domain/stats.ts';
import { insertDossiers, insertEvents, raiseCodeCounters, type NewDossier, type NewEvent } from '../dossiers/import/repository.ts';
import type { NewFullRating, NewPause, NewSupplementRound } from './model.ts';
import type { NewQuestion } from './questions.ts';

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

async function insertMany<T extends 'supplement_rounds' | 'dossier_pauses' | 'dossier_ratings' | 'questions'>(trx: Transaction<Schema>, table: T, rows: object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await trx.insertInto(table).values(rows.slice(i, i + ROWS_PER_INSERT) as never).execute();
  }
}

/**
 * `trusted`: the rows reference only what the generator read from the database, so the loading transaction may
 * skip foreign-key checks and triggers (session_replication_role = replica; PostgreSQL superusers only). The
 * checks take a shared lock on every referenced unit and procedure row, which costs more than the insert itself.
 */
export async function writeBatch(db: Kysely<Schema>, b: Batch, trusted: boolean): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (trusted) await sql`set local session_replication_role = replica`.execute(trx);
    await sql`set local synchronous_commit = off`.execute(trx);
    const T = (globalThis as any).__timing ??= {}; let t0 = performance.now();
    const lap = (k: string) => { const t1 = performance.now(); T[k] = (T[k] ?? 0) + t1 - t0; t0 = t1; };
    await insertDossiers(trx, b.dossiers); lap('dossiers');
    await insertEvents(trx, b.events); lap('events');
    await insertMany(trx, 'supplement_rounds', b.supplements);
    await insertMany(trx, 'dossier_pauses', b.pauses);
    await insertMany(trx, 'dossier_ratings', b.ratings);
    await insertMany(trx, 'questions', b.questions);
    lap('small'); await applyStats(trx, b.stats); lap('stats');
    for (let i = 0; i < b.codeCounters.length; i += COUNTERS_PER_INSERT) await raiseCodeCounters(trx, b.codeCounters.slice(i, i + COUNTERS_PER_INSERT));
    for (let i = 0; i < b.questionCounters.length; i += COUNTERS_PER_INSERT) {
      await trx.insertInto('question_counters').values(b.questionCounters.slice(i, i + COUNTERS_PER_INSERT))
        .onConflict((oc) => oc.column('day').doUpdateSet({ last: sql`greatest(question_counters.last, excluded.last)` })).execute();
    }
  });
}

/**
 * applyStatDeltas (the dossier module's upsert) for many rows at once: the day and month rows summed here, sent
 * as one JSON parameter per statement like the dossiers, and added to what the table holds.
 */
async function applyStats(trx: Transaction<Schema>, deltas: StatDelta[]): Promise<void> {
  const rows = new Map<string, Record<string, number | string>>();
  for (const d of deltas) {
    for (const [period, start] of [['day', d.day], ['month', `${d.day.slice(0, 7)}-01`]] as const) {
      const key = `${d.unitId}|${d.procedureId}|${period}|${start}`;
      let row = rows.get(key);
      if (!row) {
        row = { unit_id: d.unitId, procedure_id: d.procedureId, period, period_start: start };
        for (const c of statColumns) row[c] = 0;
        rows.set(key, row);
      }
      (row[d.column] as number) += d.amount;
    }
  }
  const all = [...rows.values()];
  const columns = sql.join(['unit_id', 'procedure_id', 'period', 'period_start', ...statColumns].map((c) => sql.ref(c)));
  const sums = sql.join(statColumns.map((c) => sql`${sql.ref(c)} = dossier_stats.${sql.ref(c)} + excluded.${sql.ref(c)}`));
  for (let i = 0; i < all.length; i += STAT_ROWS_PER_STATEMENT) {
    await sql`insert into dossier_stats (${columns})
      select ${columns} from json_populate_recordset(null::dossier_stats, ${JSON.stringify(all.slice(i, i + STAT_ROWS_PER_STATEMENT))}::json)
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
    for (const c of contributions(view)) {
      let day = this.days.get(c.day);
      if (!day) this.days.set(c.day, (day = new Map()));
      const key = `${view.unitId}|${view.procedureId}|${c.column}`;
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
