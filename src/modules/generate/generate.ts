// Synthetic province-scale data: `count` dossiers spread over the working days of a period, the units of a
// province and the procedures they offer, generated day by day in receipt order and written in batches (two in
// flight on PostgreSQL, so the database inserts one batch while the next is generated). The same seed, options and
// database give the same data. See README.md for the distributions.

import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { audit, type AuditContext } from '../../audit/audit.ts';
import { addWorkingTime, localDate, localInstant, workingTimeBetween } from '../../calendar/index.ts';
import type { Database } from '../../platform/db/engine.ts';
import type { Schema } from '../../platform/db/schema.ts';
import { dossierStory, type Staff } from './model.ts';
import type { NameMaker } from './names.ts';
import * as profile from './profile.ts';
import { questionStory } from './questions.ts';
import { apportion, Random, Weighted } from './random.ts';
import { loadProvince, type GeneratorProcedure, type GeneratorUnit } from './setup.ts';
import { copyWriter, emptyBatch, recordsetWriter, StatSums, type Batch, type BatchWriter, type WriteTimings } from './writer.ts';
import { deferIndexes } from './indexes.ts';

export interface GenerateOptions {
  provinceCode: string;
  count: number;
  /** Receipt dates in [from, to) ('YYYY-MM-DD', Vietnam); nothing after `now`. */
  from: string;
  to: string;
  seed: number;
  now: Date;
  actor: AuditContext;
  batchSize?: number;
  /** Drop the secondary indexes of the big tables during the load and rebuild them after (PostgreSQL only). */
  deferIndexes?: boolean;
  /** Keep foreign-key checks on while loading (slower; the tests use it to prove the rows reference real ones). */
  checkReferences?: boolean;
  onProgress?: (done: number, total: number) => void;
  onNote?: (message: string) => void;
}

export interface GenerateResult {
  province: string;
  from: string;
  to: string;
  dossiers: number;
  events: number;
  ratings: number;
  questions: number;
  units: number;
  procedures: number;
  agencyCodesAssigned: number;
  seconds: number;
  perSecond: number;
  indexSeconds: number | null;
  /** Seconds the database spent on each part of the batches. */
  writeSeconds: WriteTimings;
}

const DAY_MS = 86_400_000;
const STATS_EVERY = 50_000;
/** Days before the one being generated whose statistics are complete (see StatSums). */
const STATS_LAG_DAYS = 14;

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

export class GenerateError extends Error {}

export async function generateProvince(database: Database, options: GenerateOptions): Promise<GenerateResult> {
  const { db, engine } = database;
  const started = performance.now();
  const now = options.now.getTime();
  const today = localDate(options.now);
  const last = [addDays(options.to, -1), today].sort()[0];
  if (last < options.from) throw new GenerateError(`Nothing to generate: the period starts after ${last}. / Khoảng thời gian bắt đầu sau ${last}.`);
  const setup = await loadProvince(db, options.provinceCode, last, options.seed, options.actor);
  const days = workingDays(setup.units, options.from, last, now);
  if (!days.length) {
    throw new GenerateError(`The units of province ${options.provinceCode} exist only outside ${options.from}…${last}. / Các đơn vị của tỉnh không tồn tại trong khoảng thời gian này.`);
  }
  if (days[0].date > options.from) options.onNote?.(`Units of province ${options.provinceCode} exist from ${days[0].date}: dossiers start on that day. / Dữ liệu bắt đầu từ ${days[0].date}.`);
  const counts = apportion(options.count, days.map((d) => d.weight));
  const questionCounts = apportion(Math.round(options.count / profile.dossiersPerQuestion), days.map((d) => d.weight));
  const sequences = await existingCodeCounters(db, setup.units.map((u) => u.id), days[0].date, last);
  const questionSequences = await existingQuestionCounters(db, days[0].date, last);
  const random = new Random(options.seed, 'dossiers');
  const stats = new StatSums();
  const trusted = options.checkReferences ? false : engine === 'postgres' && await canSkipChecks(db);
  const loader = engine === 'postgres' ? copyWriter(database.pool, trusted) : recordsetWriter(db, trusted);
  const writer = new PipelinedWriter(loader, engine === 'postgres' ? 2 : 1);
  const rebuild = options.deferIndexes && engine === 'postgres' ? await deferIndexes(db) : null;
  const totals = { dossiers: 0, events: 0, ratings: 0, questions: 0 };
  let batch = emptyBatch();
  let sinceStats = 0;
  const batchSize = options.batchSize ?? 5000;

  const ship = async (currentDay: string | null) => {
    const withStats = currentDay === null || sinceStats >= STATS_EVERY;
    if (withStats) {
      batch.stats = stats.take(currentDay === null ? null : addDays(currentDay, -STATS_LAG_DAYS));
      batch.codeCounters = takeCounters(sequences, currentDay);
      batch.questionCounters = takeDays(questionSequences, currentDay);
      sinceStats = 0;
    }
    totals.dossiers += batch.dossiers.length;
    totals.events += batch.events.length;
    totals.ratings += batch.ratings.length;
    totals.questions += batch.questions.length;
    await writer.write(batch, withStats);
    batch = emptyBatch();
    options.onProgress?.(totals.dossiers, options.count);
  };

  try {
    const picker = new UnitPicker();
    for (let i = 0; i < days.length; i++) {
      const { date, units, share } = days[i];
      const env = {
        now, names: setup.names,
        nextSequence: (unitId: string, day: string) => {
          const key = `${unitId}|${day}`;
          const next = (sequences.get(key) ?? 0) + 1;
          sequences.set(key, next);
          return next;
        },
      };
      for (const item of receipts(random, picker, units, date, share, counts[i], sequences, now)) {
        const story = dossierStory(random, item.unit, item.procedure, item.at, env);
        batch.dossiers.push(story.row);
        for (const e of story.events) batch.events.push(e);
        for (const s of story.supplements) batch.supplements.push(s);
        for (const p of story.pauses) batch.pauses.push(p);
        if (story.rating) batch.ratings.push(story.rating);
        stats.add(story.view);
        sinceStats++;
        if (batch.dossiers.length >= batchSize) await ship(date);
      }
      addQuestions(random, picker, units, date, questionCounts[i], questionSequences, setup.names, now, batch);
    }
    await ship(null);
    await writer.drain();
    await audit(db, options.actor, {
      action: 'dossier.generate', subjectType: 'dossier_generate', subjectId: randomUUID(), unitId: setup.province.id,
      after: { province: options.provinceCode, from: days[0].date, to: last, seed: options.seed, ...totals },
    });
  } catch (err) {
    await writer.drain().catch(() => undefined);
    throw err;
  } finally {
    if (rebuild) {
      options.onNote?.('Rebuilding indexes… / Đang dựng lại chỉ mục…');
      await rebuild.restore();
    }
  }
  const indexStarted = performance.now();
  // After a bulk load, what autovacuum would do within minutes in production: statistics for the planner, and the
  // visibility map that lets the queue counts be answered from their covering index alone.
  await sql`vacuum (analyze) dossiers, dossier_events, dossier_stats, dossier_unit_stats, dossier_ratings, questions, supplement_rounds, dossier_pauses`.execute(db);
  const seconds = (performance.now() - started) / 1000;
  return {
    province: setup.province.fullName, from: days[0].date, to: last, ...totals, units: setup.units.length, procedures: setup.procedures.length,
    agencyCodesAssigned: setup.agencyCodesAssigned, seconds, perSecond: totals.dossiers / seconds,
    indexSeconds: rebuild ? rebuild.seconds + (performance.now() - indexStarted) / 1000 : null,
    writeSeconds: Object.fromEntries(Object.entries(loader.timings).map(([k, v]) => [k, Math.round(v) / 1000])) as WriteTimings,
  };
}

interface Day {
  date: string;
  weight: number;
  units: GeneratorUnit[];
  /** Share of the day's office hours already past at `now` (1 for past days). */
  share: number;
}

/** The working days of the period on which some unit exists, weighted by season, weekday and the units' size. */
function workingDays(units: GeneratorUnit[], from: string, last: string, now: number): Day[] {
  const calendar = units[0].calendar;
  const out: Day[] = [];
  for (let date = from; date <= last; date = addDays(date, 1)) {
    if (!calendar.isWorkingDay(date)) continue;
    const valid = units.filter((u) => (!u.validFrom || u.validFrom <= date) && (!u.validTo || date < u.validTo));
    if (!valid.length) continue;
    const opening = addWorkingTime(calendar, localInstant(date, '00:00'), 0);
    const share = Math.min(1, Math.max(0, workingTimeBetween(calendar, opening, new Date(now)) / calendar.dayLengthMs));
    if (share <= 0) continue;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    const weight = (profile.weekdayFactor[weekday - 1] ?? 1) * profile.monthFactor[Number(date.slice(5, 7)) - 1]
      * valid.reduce((sum, u) => sum + u.weight, 0) * share;
    out.push({ date, weight, units: valid, share });
  }
  return out;
}

/** Weighted pickers, built once per set of units and per unit and set of procedures in force. */
class UnitPicker {
  private readonly unitSets = new Map<string, Weighted<GeneratorUnit>>();
  private readonly procedureSets = new Map<string, Weighted<GeneratorProcedure>>();

  units(units: GeneratorUnit[]): Weighted<GeneratorUnit> {
    const key = units.map((u) => u.id).join();
    let w = this.unitSets.get(key);
    if (!w) this.unitSets.set(key, (w = new Weighted(units, units.map((u) => u.weight))));
    return w;
  }

  procedures(unit: GeneratorUnit, date: string): Weighted<GeneratorProcedure> | null {
    const usable = unit.procedures.filter((p) => p.procedure.effectiveFrom <= date && (!p.procedure.effectiveTo || date < p.procedure.effectiveTo));
    if (!usable.length) return null;
    const key = `${unit.id}:${usable.map((p) => p.procedure.caseId).join()}`;
    let w = this.procedureSets.get(key);
    if (!w) this.procedureSets.set(key, (w = new Weighted(usable.map((p) => p.procedure), usable.map((p) => p.weight))));
    return w;
  }
}

interface Receipt {
  unit: GeneratorUnit;
  procedure: GeneratorProcedure;
  at: number;
}

/** The day's receipts in time order: unit by size, procedure by popularity, a moment of the office hours. */
function receipts(random: Random, picker: UnitPicker, units: GeneratorUnit[], date: string, share: number, count: number, sequences: Map<string, number>, now: number): Receipt[] {
  const out: Receipt[] = [];
  const perUnit = new Map<string, number>();
  const choose = picker.units(units);
  for (let i = 0; i < count; i++) {
    let unit = choose.pick(random);
    let procedures = picker.procedures(unit, date);
    // A unit whose daily sequence is full (9,999 codes) or that offers nothing in force that day passes its turn.
    for (let tries = 0; (!procedures || (sequences.get(`${unit.id}|${date}`) ?? 0) + (perUnit.get(unit.id) ?? 0) >= 9999) && tries < 50; tries++) {
      unit = choose.pick(random);
      procedures = picker.procedures(unit, date);
    }
    if (!procedures) throw new GenerateError(`No procedure is in force on ${date} in the units of the province. / Không có thủ tục nào có hiệu lực vào ngày ${date}.`);
    perUnit.set(unit.id, (perUnit.get(unit.id) ?? 0) + 1);
    const cal = unit.calendar;
    const offset = (0.005 + 0.97 * random.next()) * share * cal.dayLengthMs;
    const at = Math.min(now - 1000, addWorkingTime(cal, localInstant(date, '00:00'), offset).getTime());
    out.push({ unit, procedure: procedures.pick(random), at });
  }
  return out.sort((a, b) => a.at - b.at);
}

function addQuestions(
  random: Random, picker: UnitPicker, units: GeneratorUnit[], date: string, count: number, sequences: Map<string, number>,
  names: NameMaker, now: number, batch: Batch,
): void {
  const choose = picker.units(units);
  const asked: { unit: GeneratorUnit; at: number; procedure: GeneratorProcedure | null }[] = [];
  for (let i = 0; i < count; i++) {
    const unit = choose.pick(random);
    const procedures = picker.procedures(unit, date);
    const at = Math.min(now - 1000, localInstant(date, '06:00').getTime() + Math.floor(random.next() * 16 * 3_600_000));
    asked.push({ unit, at, procedure: procedures && random.chance(0.7) ? procedures.pick(random) : null });
  }
  asked.sort((a, b) => a.at - b.at);
  for (const q of asked) {
    const day = localDate(new Date(q.at));
    const sequence = (sequences.get(day) ?? 0) + 1;
    sequences.set(day, sequence);
    const answerer: Staff = q.unit.staff.desk_officer[0];
    batch.questions.push(questionStory(random, {
      unitId: q.unit.id, calendar: q.unit.calendar, procedure: q.procedure ? { id: q.procedure.procedureId, name: q.procedure.name } : null, answerer,
    }, q.at, sequence, names, now));
  }
}

/** Code counters of finished days (before `day`; all when null), removed from the map. */
function takeCounters(sequences: Map<string, number>, day: string | null) {
  const out: { unitId: string; day: string; last: number }[] = [];
  for (const [key, last] of sequences) {
    const [unitId, d] = key.split('|');
    if (day !== null && d >= day) continue;
    out.push({ unitId, day: d, last });
    sequences.delete(key);
  }
  return out;
}

function takeDays(sequences: Map<string, number>, day: string | null) {
  const out: { day: string; last: number }[] = [];
  for (const [d, last] of sequences) {
    if (day !== null && d >= day) continue;
    out.push({ day: d, last });
    sequences.delete(d);
  }
  return out;
}

async function existingCodeCounters(db: Kysely<Schema>, unitIds: string[], from: string, to: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('dossier_code_counters').select(['unit_id', 'day', 'last'])
    .where('unit_id', 'in', unitIds).where('day', '>=', from).where('day', '<=', to).execute();
  return new Map(rows.map((r) => [`${r.unit_id}|${r.day}`, r.last]));
}

async function existingQuestionCounters(db: Kysely<Schema>, from: string, to: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('question_counters').select(['day', 'last']).where('day', '>=', from).where('day', '<=', to).execute();
  return new Map(rows.map((r) => [r.day, r.last]));
}

/** Whether this session may turn foreign-key checks off (a superuser). */
async function canSkipChecks(db: Kysely<Schema>): Promise<boolean> {
  const { rows } = await sql<{ superuser: boolean }>`select rolsuper as superuser from pg_roles where rolname = current_user`.execute(db);
  return rows[0]?.superuser === true;
}

/**
 * Up to `depth` batches in flight. Batches that carry statistics wait for the previous such batch, so two
 * transactions never upsert the same statistics rows at once (no lock waits, no deadlocks).
 */
class PipelinedWriter {
  private readonly inflight: Promise<void>[] = [];
  private statsChain: Promise<void> = Promise.resolve();

  constructor(private readonly loader: BatchWriter, private readonly depth: number) {}

  async write(batch: Batch, withStats: boolean): Promise<void> {
    while (this.inflight.length >= this.depth) await this.inflight.shift();
    const after = withStats ? this.statsChain : Promise.resolve();
    const done = after.then(() => this.loader.write(batch));
    done.catch(() => undefined); // awaited later; avoids an unhandled rejection in between
    if (withStats) this.statsChain = done;
    this.inflight.push(done);
  }

  async drain(): Promise<void> {
    while (this.inflight.length) await this.inflight.shift();
  }
}
