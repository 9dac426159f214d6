// The reports module's SQL. Reads the maintained statistics (dossier_stats, and dossier_unit_stats: the same summed
// over procedures, kept by triggers, migration 0009), ratings, questions, unit and procedure labels; writes only its
// own tables (formulas, settings). Nothing here scans every dossier: of the two queries over `dossiers`, one reads
// only refused dossiers (by unit and state), the other (the Circular 01/2018 evaluation) the dossiers finished in
// the period.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../access/reach.ts';
import { planForValues } from '../../platform/db/prepared.ts';
import { addDays } from './domain/dates.ts';
import type { EvaluationCounts } from './domain/circular01.ts';
import type { FormulaDefinition } from './domain/decision766.ts';
import { emptySums, type QuestionCounts, type RatingCounts, type StatSums } from './domain/indicators.ts';
import type { DateRange } from './domain/periods.ts';
import { before, selectFewestRows, selectRows, upTo, type DaySpan, type RowSelection } from './domain/rows.ts';

/** The instant a Vietnamese calendar day starts. */
export function dayStart(date: string): Date {
  return new Date(`${date}T00:00:00+07:00`);
}

/** [start of `from`, start of the day after `to`) as instants. */
export function instantsOf(range: DateRange): [Date, Date] {
  return [dayStart(range.from), dayStart(addDays(range.to, 1))];
}

/** The unit and everything below it; a commune and a province need different plans, so planned for its values. */
const inSubtree = (column: string, unitId: string) =>
  sql<boolean>`${sql.ref(column)} in (select descendant_id from unit_closure where ancestor_id = ${unitId}::uuid) ${planForValues}`;

/** SQL predicate over statistics rows `s` for a selection of month rows and day rows. */
function selectionPredicate(sel: RowSelection): RawBuilder<boolean> {
  const parts: RawBuilder<boolean>[] = [];
  if (sel.months) {
    parts.push(sel.months.from
      ? sql<boolean>`(s.period = 'month' and s.period_start between ${sel.months.from}::date and ${sel.months.to}::date)`
      : sql<boolean>`(s.period = 'month' and s.period_start <= ${sel.months.to}::date)`);
  }
  for (const d of sel.days) parts.push(sql<boolean>`(s.period = 'day' and s.period_start between ${d.from}::date and ${d.to}::date)`);
  return parts.length ? sql<boolean>`(${sql.join(parts, sql` or `)})` : sql<boolean>`false`;
}

/** SQL predicate over statistics rows `s` for a span of days (month rows for whole months, day rows else). */
function spanPredicate(span: DaySpan): RawBuilder<boolean> {
  return selectionPredicate(selectRows(span));
}

/** 1 for the rows that add up to a span, −1 for the rows it subtracts, 0 for the others (see selectFewestRows). */
function spanWeight(span: DaySpan): RawBuilder<number> {
  const sel = selectFewestRows(span);
  const plus = selectionPredicate(sel);
  if (!sel.minus.length) return sql<number>`(case when ${plus} then 1 else 0 end)`;
  return sql<number>`(case when ${plus} then 1 when ${selectionPredicate({ months: null, days: sel.minus })} then -1 else 0 end)`;
}

/** The predicate for the rows any of `spans` reads: one range of month rows and the union of their day ranges. */
function coverPredicate(spans: DaySpan[]): RawBuilder<boolean> {
  const selections = spans.map(selectFewestRows);
  const months = selections.flatMap((sel) => (sel.months ? [sel.months] : []));
  const days = selections.flatMap((sel) => [...sel.days, ...sel.minus]).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: { from: string; to: string }[] = [];
  for (const d of days) {
    const last = merged.at(-1);
    if (last && d.from <= addDays(last.to, 1)) {
      if (d.to > last.to) last.to = d.to;
    } else {
      merged.push({ ...d });
    }
  }
  return selectionPredicate({
    months: months.length ? {
      from: months.some((m) => m.from === null) ? null : months.map((m) => m.from!).sort()[0],
      to: months.map((m) => m.to).sort().at(-1)!,
    } : null,
    days: merged,
  });
}

const flowColumns: [keyof StatSums, string][] = [
  ['receivedCounter', 'received_counter'], ['receivedPost', 'received_post'], ['receivedOnline', 'received_online'],
  ['receivedSupplemented', 'received_supplemented'], ['receivedRefused', 'received_refused'],
  ['intakeIncomplete', 'intake_incomplete'], ['intakeRefused', 'intake_refused'], ['resolvedEarly', 'resolved_early'],
  ['resolvedOnTime', 'resolved_on_time'], ['resolvedLate', 'resolved_late'], ['resolvedRefused', 'resolved_refused'],
  ['withdrawn', 'withdrawn'], ['stopped', 'stopped'], ['processingMs', 'processing_ms'],
];

/** Sums for one receiving unit (over all its procedures) or for one procedure (over every unit in scope). */
export interface GroupSums {
  /** The unit's id (`by: 'unit'`) or the procedure's id (`by: 'procedure'`). */
  key: string;
  sums: StatSums;
}

/**
 * Sums per receiving unit (`by: 'unit'`, from dossier_unit_stats, the statistics already summed over procedures)
 * or per procedure over every receiving unit (`by: 'procedure'`, from dossier_stats), for the units at or below
 * `unitId`: the flows of `range`, and the running totals that give the dossiers carried over at its start and
 * those overdue at the end of `snapshotDay` (see domain/indicators.ts). One query, which reads month rows for
 * whole months and, for a partial month at an edge, its day rows or its month row minus the days outside the span,
 * whichever are fewer (domain/rows.ts).
 */
export async function statSums(db: Db, unitId: string, range: DateRange, snapshotDay: string, by: 'unit' | 'procedure'): Promise<GroupSums[]> {
  const spans = { period: { from: range.from, to: range.to }, beforeFrom: before(range.from), beforeTo: before(snapshotDay), upToTo: upTo(snapshotDay) };
  const total = (expr: RawBuilder<unknown>, weight: string) => sql<number>`coalesce(sum((${expr}) * ${sql.ref(`s.${weight}`)}), 0)`;
  const selections = [
    ...flowColumns.map(([key, column]) => total(sql.ref(`s.${column}`), 'in_period').as(key)),
    total(sql`s.received_counter + s.received_post + s.received_online`, 'before_from').as('receivedBefore'),
    total(sql`s.resolved_early + s.resolved_on_time + s.resolved_late + s.withdrawn + s.stopped`, 'before_from').as('closedBefore'),
    total(sql.ref('s.due'), 'before_to').as('dueBeforeTo'),
    total(sql.ref('s.closed_due'), 'up_to_to').as('closedDueUpToTo'),
  ];
  // The rows the spans read, each with its weight in each span computed once (offset 0 keeps the planner from
  // copying the expressions into every aggregate).
  // (Typed as dossier_unit_stats, whose columns dossier_stats also has; its procedure_id is read below by name.)
  const source = (table: 'dossier_stats' | 'dossier_unit_stats') => db
    .selectFrom(`${table} as s` as 'dossier_unit_stats as s')
    .selectAll('s')
    .select([
      spanWeight(spans.period).as('in_period'), spanWeight(spans.beforeFrom).as('before_from'),
      spanWeight(spans.beforeTo).as('before_to'), spanWeight(spans.upToTo).as('up_to_to'),
    ])
    .where(inSubtree('s.unit_id', unitId))
    .where(coverPredicate(Object.values(spans)))
    .offset(0);
  // By procedure the units are summed here: a province has ~100 times more (unit, procedure) pairs than procedures.
  const rows = by === 'unit'
    ? await db
      .selectFrom(source('dossier_unit_stats').as('s'))
      .select(sql<string>`s.unit_id`.as('key'))
      .select(selections)
      .groupBy('s.unit_id')
      .execute()
    : await db
      .selectFrom(source('dossier_stats').as('s'))
      .select(sql<string>`s.procedure_id`.as('key'))
      .select(selections)
      .groupBy(sql`s.procedure_id`)
      .execute();
  return rows.map((row) => {
    const sums = emptySums();
    const r = row as unknown as Record<string, unknown>;
    for (const key of Object.keys(sums) as (keyof StatSums)[]) sums[key] = Number(r[key] ?? 0);
    return { key: row.key, sums };
  });
}

export interface MonthFlows {
  month: string;
  online: number;
  inPersonOrPost: number;
  early: number;
  onTime: number;
  late: number;
}

/** Received by channel and resolved by timeliness for each month of the range (partial months at the edges). */
export async function monthlyFlows(db: Db, unitId: string, range: DateRange): Promise<MonthFlows[]> {
  const rows = await db
    .selectFrom('dossier_unit_stats as s')
    .select([
      sql<string>`to_char(date_trunc('month', s.period_start), 'YYYY-MM-DD')`.as('month'),
      sql<number>`coalesce(sum(s.received_online), 0)`.as('online'),
      sql<number>`coalesce(sum(s.received_counter + s.received_post), 0)`.as('inPersonOrPost'),
      sql<number>`coalesce(sum(s.resolved_early), 0)`.as('early'),
      sql<number>`coalesce(sum(s.resolved_on_time), 0)`.as('onTime'),
      sql<number>`coalesce(sum(s.resolved_late), 0)`.as('late'),
    ])
    .where(inSubtree('s.unit_id', unitId))
    .where(spanPredicate(range))
    .groupBy(sql`date_trunc('month', s.period_start)`)
    .execute();
  return rows.map((r) => ({
    month: r.month, online: Number(r.online), inPersonOrPost: Number(r.inPersonOrPost), early: Number(r.early),
    onTime: Number(r.onTime), late: Number(r.late),
  }));
}

/** Dossiers received in the period that had a supplement round and were then refused (both cohorts at once). */
export async function supplementedAndRefused(db: Db, unitId: string, range: DateRange): Promise<number> {
  const [from, to] = instantsOf(range);
  const row = await db
    .selectFrom('dossiers as d')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(inSubtree('d.unit_id', unitId))
    .where('d.state', '=', 'refused')
    .where('d.supplement_rounds', '>', 0)
    .where('d.received_at', '>=', from)
    .where('d.received_at', '<', to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function ratingCounts(db: Db, unitId: string, range: DateRange): Promise<RatingCounts> {
  const [from, to] = instantsOf(range);
  const row = await db
    .selectFrom('dossier_ratings as r')
    .select([
      sql<number>`count(*)`.as('count'),
      sql<number>`count(*) filter (where r.attitude in ('satisfied', 'very_satisfied'))`.as('satisfied'),
      sql<number>`count(*) filter (where r.info_correct is not null)`.as('infoAnswered'),
      sql<number>`count(*) filter (where r.info_correct)`.as('infoCorrect'),
    ])
    .where(inSubtree('r.unit_id', unitId))
    .where('r.rated_at', '>=', from)
    .where('r.rated_at', '<', to)
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), satisfied: Number(row.satisfied), infoAnswered: Number(row.infoAnswered), infoCorrect: Number(row.infoCorrect) };
}

const localMonth = (column: string) =>
  sql<string>`to_char((${sql.ref(column)} at time zone 'UTC') + interval '7 hours', 'YYYY-MM-01')`;

export async function monthlyRatings(db: Db, unitId: string, range: DateRange): Promise<{ month: string; count: number; satisfied: number }[]> {
  const [from, to] = instantsOf(range);
  const rows = await db
    .selectFrom('dossier_ratings as r')
    .select([
      localMonth('r.rated_at').as('month'),
      sql<number>`count(*)`.as('count'),
      sql<number>`count(*) filter (where r.attitude in ('satisfied', 'very_satisfied'))`.as('satisfied'),
    ])
    .where(inSubtree('r.unit_id', unitId))
    .where('r.rated_at', '>=', from)
    .where('r.rated_at', '<', to)
    .groupBy(localMonth('r.rated_at'))
    .execute();
  return rows.map((r) => ({ month: r.month, count: Number(r.count), satisfied: Number(r.satisfied) }));
}

export async function questionCounts(db: Db, unitId: string, range: DateRange): Promise<QuestionCounts> {
  const [from, to] = instantsOf(range);
  const received = await db
    .selectFrom('questions as q')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(inSubtree('q.unit_id', unitId))
    .where('q.asked_at', '>=', from)
    .where('q.asked_at', '<', to)
    .executeTakeFirstOrThrow();
  const answered = await db
    .selectFrom('questions as q')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(inSubtree('q.unit_id', unitId))
    .where('q.answered_at', '>=', from)
    .where('q.answered_at', '<', to)
    .executeTakeFirstOrThrow();
  return { received: Number(received.n), answered: Number(answered.n) };
}

export interface UnitLabel {
  id: string;
  name: string;
  fullName: string;
  kind: string;
  parentId: string | null;
  validFrom: string | null;
  validTo: string | null;
}

type UnitLabelRow = { id: string; name: string; full_name: string; kind: string; parent_id: string | null; valid_from: string | null; valid_to: string | null };

const toUnitLabel = (row: UnitLabelRow): UnitLabel => ({
  id: row.id, name: row.name, fullName: row.full_name, kind: row.kind, parentId: row.parent_id, validFrom: row.valid_from, validTo: row.valid_to,
});

export async function unitLabel(db: Db, id: string): Promise<UnitLabel | null> {
  const row = await db.selectFrom('units').select(['id', 'name', 'full_name', 'kind', 'parent_id', 'valid_from', 'valid_to'])
    .where('id', '=', id).executeTakeFirst();
  return row ? toUnitLabel(row) : null;
}

export async function childUnits(db: Db, parentId: string): Promise<UnitLabel[]> {
  const rows = await db.selectFrom('units').select(['id', 'name', 'full_name', 'kind', 'parent_id', 'valid_from', 'valid_to'])
    .where('parent_id', '=', parentId).execute();
  return rows.map(toUnitLabel);
}

/** The children of `parentId`, and for every unit below it (each child included) the child it belongs to. */
export async function subUnits(db: Db, parentId: string): Promise<{ children: UnitLabel[]; owner: Map<string, string> }> {
  const rows = await db
    .selectFrom('units as u')
    .innerJoin('unit_closure as c', 'c.ancestor_id', 'u.id')
    .select(['u.id', 'u.name', 'u.full_name', 'u.kind', 'u.parent_id', 'u.valid_from', 'u.valid_to', 'c.descendant_id'])
    .where('u.parent_id', '=', parentId)
    .execute();
  const children = new Map<string, UnitLabel>();
  const owner = new Map<string, string>();
  for (const row of rows) {
    if (!children.has(row.id)) children.set(row.id, toUnitLabel(row));
    owner.set(row.descendant_id, row.id);
  }
  return { children: [...children.values()], owner };
}

export interface ProcedureLabel {
  id: string;
  code: string;
  name: string;
  field: string | null;
}

/**
 * Names and fields of procedures, from their latest published version (else their draft). The catalogue exports
 * no lookup by id yet, so this reads its two tables directly (read-only).
 */
export async function procedureLabels(db: Db, ids: string[]): Promise<Map<string, ProcedureLabel>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('procedures as p')
    .innerJoin('procedure_versions as v', 'v.procedure_id', 'p.id')
    .select(['p.id', 'p.code', 'v.name', 'v.field'])
    .distinctOn('p.id')
    .where('p.id', 'in', ids)
    .orderBy('p.id')
    .orderBy(sql`(v.status = 'published')`, 'desc')
    .orderBy('v.number', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, code: r.code, name: r.name, field: r.field }]));
}

const localDay = (column: string) => sql`((${sql.ref(column)} at time zone 'UTC') + interval '7 hours')::date`;

export interface EvaluationRow {
  key: string;
  counts: EvaluationCounts;
}

/**
 * Circular 01/2018 counts over the dossiers finished in the period at or below `unitId`, grouped by the receiving
 * unit ('unit') or by the official who returned the result ('official', rated dossiers only).
 */
export async function evaluationCounts(db: Db, unitId: string, range: DateRange, by: 'unit' | 'official'): Promise<EvaluationRow[]> {
  const [from, to] = instantsOf(range);
  const finished = localDay('d.finished_at');
  const due = sql`coalesce(${localDay('d.due_at')}, ${localDay('d.received_at')})`;
  const n = (where: RawBuilder<unknown>) => sql<number>`count(*) filter (where ${where})`;
  const key = by === 'unit' ? sql<string>`d.unit_id::text` : sql<string>`r.official_id::text`;
  let q = db
    .selectFrom('dossiers as d')
    .leftJoin('dossier_ratings as r', 'r.dossier_id', 'd.id')
    .select([
      key.as('key'),
      n(sql`${finished} < ${due}`).as('early'),
      n(sql`${finished} = ${due}`).as('onTime'),
      n(sql`${finished} > ${due}`).as('late'),
      n(sql`d.supplement_rounds = 0`).as('s0'),
      n(sql`d.supplement_rounds = 1`).as('s1'),
      n(sql`d.supplement_rounds > 1`).as('s2'),
      n(sql`r.contacts_needed = 0`).as('c0'),
      n(sql`r.contacts_needed = 1`).as('c1'),
      n(sql`r.contacts_needed > 1`).as('c2'),
      n(sql`r.bodies_visited <= 1`).as('b1'),
      n(sql`r.bodies_visited = 2`).as('b2'),
      n(sql`r.bodies_visited > 2`).as('b3'),
      n(sql`d.channel = 'online'`).as('online'),
      n(sql`d.channel <> 'online'`).as('other'),
      n(sql`r.info_correct`).as('infoYes'),
      n(sql`not r.info_correct`).as('infoNo'),
    ])
    .where(inSubtree('d.unit_id', unitId))
    .where('d.state', 'in', ['result_ready', 'returned', 'refused'])
    .where('d.finished_at', '>=', from)
    .where('d.finished_at', '<', to);
  if (by === 'official') q = q.where('r.official_id', 'is not', null);
  const rows = await q.groupBy(key).execute();
  return rows.map((r) => ({
    key: r.key,
    counts: {
      timeliness: { early: Number(r.early), onTime: Number(r.onTime), late: Number(r.late) },
      supplementRounds: { none: Number(r.s0), one: Number(r.s1), more: Number(r.s2) },
      contacts: { none: Number(r.c0), one: Number(r.c1), more: Number(r.c2) },
      bodies: { one: Number(r.b1), two: Number(r.b2), more: Number(r.b3) },
      online: { online: Number(r.online), other: Number(r.other) },
      infoCorrect: { yes: Number(r.infoYes), no: Number(r.infoNo) },
    },
  }));
}

export async function userNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'full_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.full_name]));
}

function toDefinition(r: { scheme: string; key: string; label_vi: string; label_en: string; max_points: number; expression: string; position: number }): FormulaDefinition {
  return { scheme: r.scheme, key: r.key, labelVi: r.label_vi, labelEn: r.label_en, maxPoints: Number(r.max_points), expression: r.expression, position: r.position };
}

export interface StoredFormula extends FormulaDefinition {
  version: number;
  updatedAt: Date;
}

export async function formulas(db: Db, scheme: string): Promise<StoredFormula[]> {
  const rows = await db.selectFrom('report_formulas').selectAll().where('scheme', '=', scheme).orderBy('position').execute();
  return rows.map((r) => ({ ...toDefinition(r), version: r.version, updatedAt: r.updated_at }));
}

export async function lockFormula(db: Db, scheme: string, key: string): Promise<StoredFormula | null> {
  const r = await db.selectFrom('report_formulas').selectAll().where('scheme', '=', scheme).where('key', '=', key).forUpdate().executeTakeFirst();
  return r ? { ...toDefinition(r), version: r.version, updatedAt: r.updated_at } : null;
}

export async function updateFormula(db: Db, scheme: string, key: string, set: { expression: string; maxPoints: number }, version: number, by: string, now: Date): Promise<void> {
  await db.updateTable('report_formulas')
    .set({ expression: set.expression, max_points: set.maxPoints, version: version + 1, updated_at: now, updated_by: by })
    .where('scheme', '=', scheme).where('key', '=', key).execute();
}

export interface StoredSettings {
  unitId: string;
  periodConvention: 'calendar' | 'cutoff';
  cutoffDay: number;
  onlineTarget: number | null;
  version: number;
}

type SettingsRow = { unit_id: string; period_convention: 'calendar' | 'cutoff'; cutoff_day: number; online_target: number | string | null; version: number };

const toSettings = (r: SettingsRow): StoredSettings => ({
  unitId: r.unit_id, periodConvention: r.period_convention, cutoffDay: r.cutoff_day, onlineTarget: r.online_target === null ? null : Number(r.online_target), version: r.version,
});

/**
 * A report's unit, the ids of the unit and its ancestors (to check a reach) and the settings in force for it (its
 * own row, else the nearest ancestor's): one round trip.
 */
export async function unitForReport(db: Db, unitId: string): Promise<{ unit: UnitLabel; ancestry: string[]; settings: StoredSettings | null } | null> {
  const row = await db.selectFrom('units as u').select(['u.id', 'u.name', 'u.full_name', 'u.kind', 'u.parent_id', 'u.valid_from', 'u.valid_to'])
    .select([
      sql<string[]>`(select array_agg(c.ancestor_id::text) from unit_closure c where c.descendant_id = u.id)`.as('ancestry'),
      sql<SettingsRow | null>`(select row_to_json(s) from report_settings s join unit_closure c on c.ancestor_id = s.unit_id
        where c.descendant_id = u.id order by c.depth limit 1)`.as('settings'),
    ])
    .where('u.id', '=', unitId).executeTakeFirst();
  if (!row) return null;
  return {
    unit: toUnitLabel(row),
    ancestry: row.ancestry ?? [], settings: row.settings ? toSettings(row.settings) : null,
  };
}

export async function ownSettings(db: Db, unitId: string, lock = false): Promise<StoredSettings | null> {
  let q = db.selectFrom('report_settings').selectAll().where('unit_id', '=', unitId);
  if (lock) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? { unitId: r.unit_id, periodConvention: r.period_convention, cutoffDay: r.cutoff_day, onlineTarget: r.online_target === null ? null : Number(r.online_target), version: r.version } : null;
}

export async function saveSettings(db: Db, s: Omit<StoredSettings, 'version'>, version: number | null, by: string, now: Date): Promise<void> {
  const values = { period_convention: s.periodConvention, cutoff_day: s.cutoffDay, online_target: s.onlineTarget, updated_at: now, updated_by: by };
  if (version === null) {
    await db.insertInto('report_settings').values({ unit_id: s.unitId, ...values }).execute();
  } else {
    await db.updateTable('report_settings').set({ ...values, version: version + 1 }).where('unit_id', '=', s.unitId).execute();
  }
}
