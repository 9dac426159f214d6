// Writes generated rows in batches, one transaction each: dossiers and their history through the historical
// import's bulk writer (one JSON parameter per table and batch), the smaller tables as multi-row inserts, and the
// maintained statistics through the dossier module's applyStatDeltas, so reports read exactly what the
// application would have counted.

import { sql, type Kysely, type Transaction } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';
import type { StatColumn, StatDelta, StatView } from '../dossiers/domain/stats.ts';
import { contributions } from '../dossiers/domain/stats.ts';
import { insertDossiers, insertEvents, raiseCodeCounters, type NewDossier, type NewEvent } from '../dossiers/import/repository.ts';
import { applyStatDeltas } from '../dossiers/repository.ts';
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
/** (unit, procedure, day) keys per applyStatDeltas call: a day row and a month row each, 20 parameters a row. */
const STAT_DAYS_PER_STATEMENT = 1500;

async function insertMany<T extends 'supplement_rounds' | 'dossier_pauses' | 'dossier_ratings' | 'questions'>(trx: Transaction<Schema>, table: T, rows: object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await trx.insertInto(table).values(rows.slice(i, i + ROWS_PER_INSERT) as never).execute();
  }
}

export async function writeBatch(db: Kysely<Schema>, b: Batch): Promise<void> {
  await db.transaction().execute(async (trx) => {
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

async function applyStats(trx: Transaction<Schema>, deltas: StatDelta[]): Promise<void> {
  let chunk: StatDelta[] = [];
  const keys = new Set<string>();
  for (const d of deltas) {
    const key = `${d.unitId}|${d.procedureId}|${d.day}`;
    if (!keys.has(key) && keys.size >= STAT_DAYS_PER_STATEMENT) {
      await applyStatDeltas(trx, chunk);
      chunk = [];
      keys.clear();
    }
    keys.add(key);
    chunk.push(d);
  }
  await applyStatDeltas(trx, chunk);
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
