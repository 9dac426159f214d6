import { sql } from 'kysely';
import { reachHolds, type Db, type Reach } from '../../access/reach.ts';
import type { WorkingCalendar } from '../../calendar/index.ts';
import { insertRows, type WriteBatch } from '../../platform/db/batch.ts';
import { compiledOnce } from '../../platform/db/compiled.ts';
import type { UnitRow } from '../../platform/db/schema.ts';
import { toUnit, type Unit } from '../../units/repository.ts';
import { calendarColumns, calendarFrom, type RuleSet, type RuleSetHead } from '../calendar/repository.ts';
import type { DossierSnapshot } from './domain/transitions.ts';
import type { DossierState } from './domain/states.ts';
import { statColumns, type StatColumn, type StatDelta, type StatView } from './domain/stats.ts';
import { timelineOf } from './domain/timeline.ts';
import type { DossierRow, DossiersTable } from './tables.ts';

// The dossier module's SQL: rows, the daily code sequence, history events and the maintained statistics.

/** SQL taking the unit's next number of the day, atomically (safe across server processes); none for an unknown unit. */
const takeDailySequence = (unitId: string, day: string) => sql<{ last: number }>`insert into dossier_code_counters (unit_id, day, last)
  select id, ${day}::date, 1 from units where id = ${unitId}::uuid
  on conflict (unit_id, day) do update set last = dossier_code_counters.last + 1 returning last`;

export interface IntakeUnit {
  unit: Unit;
  inReach: boolean;
  calendar: WorkingCalendar;
  ruleSet: RuleSet;
  /** The unit's next daily sequence number for `codeDay` (null without one). */
  sequence: number | null;
}

type IntakeUnitRow = UnitRow & { rule_set_head: RuleSetHead | null; unit_chain: string[] | null; sequence: number | null };

const intakeUnitSql = (unitId: string, codeDay: string | null) => {
  const { ruleSetHead, unitChain } = calendarColumns('u.id');
  const sequence = codeDay ? sql`with seq as (${takeDailySequence(unitId, codeDay)}) ` : sql``;
  return sql<IntakeUnitRow>`${sequence}select u.*,
    ${ruleSetHead} as rule_set_head, ${unitChain} as unit_chain, ${codeDay ? sql`(select last from seq)` : sql`null::integer`} as sequence
    from units u where u.id = ${unitId}::uuid`;
};
const intakeUnit = compiledOnce((_db, unitId: string) => intakeUnitSql(unitId, null), ['unit-sample']);
const intakeUnitTakingNumber = compiledOnce((_db, unitId: string, codeDay: string) => intakeUnitSql(unitId, codeDay), ['unit-sample', 'day-sample']);

/**
 * The receiving unit, whether it is within `reach` (the reach holds the unit or one of its ancestors, read with the
 * calendar's chain of units), its working calendar and, for a dossier that gets a code, the next number of the
 * day: one round trip. A failed intake (out of reach, no agency identifier…) rolls the number back with it.
 */
export async function unitForIntake(db: Db, unitId: string, reach: Reach, codeDay: string | null): Promise<IntakeUnit | null> {
  const rows = codeDay ? await intakeUnitTakingNumber(db, unitId, codeDay) : await intakeUnit(db, unitId);
  if (!rows[0]) return null;
  const { rule_set_head, unit_chain, sequence: number, ...unit } = rows[0];
  return { unit: toUnit(unit), inReach: reachHolds(reach, unit_chain ?? []), sequence: number, ...(await calendarFrom(db, rule_set_head, unit_chain)) };
}

/** The unit's next daily sequence number. */
export async function nextDailySequence(db: Db, unitId: string, day: string): Promise<number> {
  const { rows } = await takeDailySequence(unitId, day).execute(db);
  if (!rows[0]) throw new Error(`unit ${unitId} does not exist`);
  return rows[0].last;
}

/**
 * Deletes the queue counts that went back to zero (a due day whose dossiers have all moved on): the triggers leave
 * them, and the counts of a province would otherwise grow by a row per unit, state and day. Returns how many.
 */
export async function purgeEmptyQueueCounts(db: Db): Promise<number> {
  const result = await db.deleteFrom('dossier_queue_counts').where('n', '=', '0').executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function lockDossier(db: Db, id: string): Promise<DossierRow | null> {
  return (await db.selectFrom('dossiers').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()) ?? null;
}

export async function getDossierRow(db: Db, id: string): Promise<DossierRow | null> {
  return (await db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export function snapshotOf(row: DossierRow): DossierSnapshot {
  return {
    state: row.state as DossierState,
    stepKey: row.step_key,
    stepTrail: row.step_trail ?? [],
    stateBeforePause: row.state_before_pause as DossierState | null,
    stateBeforeSupplement: row.state_before_supplement as DossierState | null,
    receivedAt: row.received_at,
    clockStartAt: row.clock_start_at,
    dueAt: row.due_at,
    appointmentAt: row.appointment_at,
    apologyCount: row.apology_count,
    pausedSince: row.paused_since,
    paymentDue: row.payment_gate && row.paid_total < row.fee_total,
  };
}

export function statViewOf(row: Pick<DossierRow, 'unit_id' | 'procedure_id' | 'channel' | 'state' | 'submitted_at' | 'received_at' | 'due_at' | 'finished_at' | 'closed_at' | 'supplement_rounds'>, processingMs: number | null): StatView {
  return {
    unitId: row.unit_id,
    procedureId: row.procedure_id,
    channel: row.channel,
    state: row.state as DossierState,
    submittedAt: row.submitted_at,
    receivedAt: row.received_at,
    dueAt: row.due_at,
    finishedAt: row.finished_at,
    closedAt: row.closed_at,
    supplemented: row.supplement_rounds > 0,
    processingMs,
  };
}

/** The ON CONFLICT clause that adds a dossier_stats row to the row already stored for its key. */
export const addStatsOnConflict = `on conflict (unit_id, procedure_id, period, period_start) do update set
  ${statColumns.map((c) => `${c} = dossier_stats.${c} + excluded.${c}`).join(', ')}`;

/** A dossier_stats row to add: one unit, procedure and day or month, with its amounts. */
export type StatRow = { unit_id: string; procedure_id: string; period: 'day' | 'month'; period_start: string } & Record<StatColumn, number>;

const zeroAmounts = (): Record<StatColumn, number> => Object.fromEntries(statColumns.map((c) => [c, 0])) as Record<StatColumn, number>;

/** Adds a delta to its day row and its month row in `rows` (keyed by unit, procedure, period and start). */
export function addToStatRows(rows: Map<string, StatRow>, d: StatDelta): void {
  for (const [period, start] of [['day', d.day], ['month', `${d.day.slice(0, 7)}-01`]] as const) {
    const key = `${d.unitId}|${d.procedureId}|${period}|${start}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { unit_id: d.unitId, procedure_id: d.procedureId, period, period_start: start, ...zeroAmounts() }));
    row[d.column] += d.amount;
  }
}

/** Adds the deltas to the day rows and the month rows in one statement. */
export async function applyStatDeltas(db: Db, deltas: StatDelta[], batch?: WriteBatch): Promise<void> {
  if (!deltas.length) return;
  const rows = new Map<string, StatRow>();
  for (const d of deltas) addToStatRows(rows, d);
  const upsert = insertRows('dossier_stats', [...rows.values()], addStatsOnConflict);
  if (batch) batch.add(upsert);
  else await db.executeQuery(upsert);
}

export interface EventInput {
  dossierId: string;
  at: Date;
  actor: { id: string | null; name: string; unitId: string | null };
  action: string;
  fromState: string | null;
  toState: string;
  fromStep: string | null;
  toStep: string | null;
  stepName: string | null;
  stepDeadline: Date | null;
  dueAt: Date | null;
  assigneeId?: string | null;
  note?: string | null;
  data?: unknown;
}

export async function insertEvent(db: Db, e: EventInput, batch?: WriteBatch): Promise<void> {
  const insert = insertRows('dossier_events', [{
    dossier_id: e.dossierId, at: e.at, actor_id: e.actor.id, actor_name: e.actor.name, actor_unit_id: e.actor.unitId,
    action: e.action, from_state: e.fromState, to_state: e.toState, from_step: e.fromStep, to_step: e.toStep,
    step_name: e.stepName, step_deadline: e.stepDeadline, due_at: e.dueAt, assignee_id: e.assigneeId ?? null,
    note: e.note ?? null, data: e.data === undefined ? null : JSON.stringify(e.data),
  }]);
  if (batch) batch.add(insert);
  else await db.executeQuery(insert);
}

/**
 * Dossiers by code, whether each was rated, their timeline and the newest calendar rule set: one round trip for
 * many codes. The unit's chain for the calendar comes from recentUnitChain (a unit rarely moves).
 */
const lookupByCodes = (size: number) => compiledOnce((db, ...codes: string[]) => {
  const { ruleSetHead } = calendarColumns('d.unit_id');
  return db.selectFrom('dossiers as d')
    .select(['d.id', 'd.code', 'd.unit_id', 'd.state', 'd.procedure_name', 'd.applicant_name', 'd.applicant_phone', 'd.lookup_secret',
      'd.received_at', 'd.due_at', 'd.appointment_at', 'd.finished_at', 'd.returned_at', 'd.timeline'])
    .select([
      ruleSetHead.as('ruleSetHead'),
      sql<boolean>`exists (select 1 from dossier_ratings r where r.dossier_id = d.id)`.as('rated'),
    ])
    .where('d.code', 'in', codes);
}, Array.from({ length: size }, (_, i) => `sample-code-${i}`));

// One statement per number of codes, rounded up to a power of two (the extra places repeat the first code). With
// `code = any($1)` the planner guesses ten codes for the generic plan, finds it dearer than a plan for the codes at
// hand and so planned every batch again (60-120 µs of PostgreSQL's CPU among 17 indexes); a list of n parameters it
// counts, and after five runs it keeps the generic plan.
const LOOKUP_SIZES = [1, 2, 4, 8, 16, 32, 64];
const lookupStatements = new Map(LOOKUP_SIZES.map((size) => [size, lookupByCodes(size)]));
export const MAX_LOOKUP_CODES = LOOKUP_SIZES.at(-1)!;

export type PublicLookupRow = Awaited<ReturnType<ReturnType<typeof lookupByCodes>>>[number];

/** The public lookup's rows for these codes (at most MAX_LOOKUP_CODES), by code (codes no dossier carries are absent). */
export async function publicLookupRows(db: Db, codes: string[]): Promise<Map<string, PublicLookupRow>> {
  if (!codes.length) return new Map();
  const size = LOOKUP_SIZES.find((n) => n >= codes.length);
  if (!size) throw new RangeError(`publicLookupRows: at most ${MAX_LOOKUP_CODES} codes at once, not ${codes.length}`);
  const padded = codes.length === size ? codes : [...codes, ...Array<string>(size - codes.length).fill(codes[0])];
  return new Map((await lookupStatements.get(size)!(db, ...padded)).map((row) => [row.code!, row]));
}

export async function eventsOf(db: Db, dossierId: string) {
  return db.selectFrom('dossier_events').selectAll().where('dossier_id', '=', dossierId).orderBy('id').execute();
}

export async function documentsOf(db: Db, dossierId: string) {
  return db.selectFrom('dossier_documents').selectAll().where('dossier_id', '=', dossierId).orderBy('position').execute();
}

export async function supplementRoundsOf(db: Db, dossierId: string) {
  return db.selectFrom('supplement_rounds').selectAll().where('dossier_id', '=', dossierId).orderBy('requested_at').execute();
}

export async function paymentsOf(db: Db, dossierId: string) {
  return db.selectFrom('dossier_payments').selectAll().where('dossier_id', '=', dossierId).orderBy('paid_at').execute();
}

export type DossierUpdate = Partial<{ [K in keyof DossiersTable]: unknown }>;

/**
 * For an UPDATE of a dossier followed by the insert of these events: their pairs go into the row with the update,
 * so the database has nothing left to append (migration 0016) and the row gets one new version, not two.
 */
export function timelineAppend(...events: { action: string; at: Date }[]) {
  return { timeline: sql<string>`timeline || ${JSON.stringify(timelineOf(events))}::jsonb` };
}

/** Writes `set` as the next version; `events`: those inserted next (see timelineAppend). */
export async function updateDossier(db: Db, id: string, version: number, set: DossierUpdate, now: Date, events: { action: string; at: Date }[] = []): Promise<DossierRow> {
  return db
    .updateTable('dossiers')
    .set({ ...set, ...(events.length ? timelineAppend(...events) : {}), version: version + 1, updated_at: now } as never)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
