import { sql } from 'kysely';
import { unitInReach, unitUnder, type Db, type Reach } from '../../access/reach.ts';
import { addWorkingTime, localInstant, localDate, type WorkingCalendar } from '../../calendar/index.ts';
import { planForValues } from '../../platform/db/prepared.ts';
import { decodeCursor, pageOf } from '../../platform/http/cursor.ts';
import { foldVietnamese } from '../../platform/text.ts';
import type { NameSearchPlan } from './domain/name-search.ts';
import { openStates } from './domain/states.ts';
import { holdsWordOfEach, nameSearchPlan } from './name-search.ts';

// Lists and queues of the staff console. Every query is limited to the caller's reach and paged by keyset on an
// index (see migrations/0004_dossiers.sql).

export const queues = ['all', 'mine', 'due_soon', 'overdue', 'waiting_supplement', 'ready_to_return', 'submitted_online', 'unassigned'] as const;
export type Queue = (typeof queues)[number];

export interface ListQuery {
  reach: Reach;
  userId: string;
  /** The caller's grants: "my work" includes unassigned dossiers waiting for a role the caller holds there. */
  grants: { role: string; unitId: string }[];
  unitId?: string;
  queue: Queue;
  state?: string;
  q?: string;
  cursor?: string;
  limit: number;
  now: Date;
  calendar: WorkingCalendar;
  /** Beyond this many units in reach the list filters by a sub-select instead of the unit ids (tests lower it). */
  maxListedUnits?: number;
  /** How to search by name, instead of choosing by the statistics (tests compare both ways). */
  nameSearchBy?: 'walk' | 'words';
}

const open = [...openStates];

export const listColumns = [
  'd.id', 'd.code', 'd.unit_id', 'd.procedure_code', 'd.procedure_name', 'd.channel', 'd.state', 'd.national_status',
  'd.applicant_name', 'd.received_at', 'd.submitted_at', 'd.due_at', 'd.appointment_at', 'd.finished_at', 'd.returned_at',
  'd.assignee_id', 'd.step_key', 'd.version', 'd.created_at', 'd.apology_count', 'd.supplement_rounds',
] as const;

/** Instants that bound the due-soon and overdue queues: start of today, and closing of the 2nd working day ahead. */
export function queueBounds(calendar: WorkingCalendar, now: Date) {
  const today = localDate(now);
  const startOfToday = localInstant(today, '00:00');
  const dueSoonUntil = addWorkingTime(calendar, now, 2 * calendar.dayLengthMs);
  return { startOfToday, dueSoonUntil };
}

function byDue(queue: Queue): boolean {
  return queue !== 'all' && queue !== 'submitted_online';
}

export async function listDossiers(db: Db, query: ListQuery) {
  const q = query.q?.trim();
  const nameSearch = !!q && !/\d{6}-\d{4}$/.test(q);
  const due = byDue(query.queue);
  // The planner cannot tell how many rows a reach holds from a sub-select of its units (it guessed a few hundred
  // for a whole province and sorted every match instead of walking the queue's index), so the units are read first
  // and passed as values. A list over a few units reads each unit's page from that unit's index and merges them:
  // walking the whole table's order instead passes over every newer dossier of other units (at 1M, a ward desk's
  // list went through the 22,000 dossiers other wards had just received, 50 ms). Whether a name search walks the
  // list or goes through the word index is chosen from the statistics (name-search.ts).
  const units = await unitsToList(db, query.reach, query.unitId, query.maxListedUnits ?? MAX_LISTED_UNITS);
  const perUnit = Array.isArray(units) && units.length <= FEW_UNITS;
  const scope = { units: Array.isArray(units) ? units : null, perUnit };
  const folded = nameSearch ? foldVietnamese(q) : '';
  const search: Search | null = !q ? null : nameSearch ? { name: folded, plan: await nameSearchPlan(db, folded, scope, query.limit + 1, query.nameSearchBy) } : { code: q };
  const namePlan = search && 'plan' in search ? search.plan.kind : null;
  const walksNames = !due && namePlan === 'walk';
  const page = (unitId: string | null) => {
    let qb = listBase(db);
    if (unitId) qb = qb.where('d.unit_id', '=', unitId);
    else if (Array.isArray(units)) qb = qb.where('d.unit_id', '=', sql<string>`any(${units}::uuid[])`);
    else if (units === 'many') {
      qb = qb.where(unitInReach('d.unit_id', query.reach));
      if (query.unitId) qb = qb.where(unitUnder('d.unit_id', [query.unitId]));
    }
    qb = filtered(qb, query, search);
    const after = decodeCursor<[string, string]>(query.cursor, 2);
    if (after) {
      qb = qb.where(due ? sql<boolean>`(d.due_at, d.id) > (${after[0]}::timestamptz, ${after[1]}::uuid)`
        : sql<boolean>`(d.created_at, d.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
    }
    qb = due ? qb.orderBy('d.due_at').orderBy('d.id') : qb.orderBy('d.created_at', 'desc').orderBy('d.id', 'desc');
    qb = qb.limit(query.limit + 1).modifyEnd(planForValues);
    if (!walksNames) return qb;
    // The walk reads only the covering index (migrations/0015_covering_walk.sql); the page's rows are read by id.
    const ids = qb.clearSelect().select('d.id as page_id');
    return listBase(db).innerJoin(ids.as('m'), 'm.page_id', 'd.id').orderBy('d.created_at', 'desc').orderBy('d.id', 'desc') as unknown as typeof qb;
  };
  type ListRow = Awaited<ReturnType<ReturnType<typeof page>['execute']>>[number];
  let rows: ListRow[];
  if ((Array.isArray(units) && units.length === 0) || namePlan === 'none') rows = [];
  else if (perUnit) {
    const pages = sql.join(units.map((id) => sql`(${page(id)})`), sql` union all `);
    rows = (await sql<ListRow>`select * from (${pages}) as d
      order by ${due ? sql`d.due_at, d.id` : sql`d.created_at desc, d.id desc`} limit ${query.limit + 1}`.execute(db)).rows;
  } else rows = await page(null).execute();
  return pageOf(rows, query.limit, (r) => (due ? [r.due_at?.toISOString() ?? '1970-01-01T00:00:00Z', r.id] : [r.created_at.toISOString(), r.id]));
}

type ListBuilder = ReturnType<typeof listBase>;
const listBase = (db: Db) => db.selectFrom('dossiers as d').select(listColumns);

type Search = { name: string; plan: NameSearchPlan } | { code: string };

/** The queue's and the search's conditions. */
function filtered(qb: ListBuilder, query: ListQuery, search: Search | null): ListBuilder {
  const { startOfToday, dueSoonUntil } = queueBounds(query.calendar, query.now);
  switch (query.queue) {
    case 'mine':
      qb = qb.where(mine(query.userId, query.grants));
      break;
    case 'unassigned':
      qb = qb.where('d.assignee_id', 'is', null).where('d.state', 'in', ['received', 'in_progress']);
      break;
    case 'due_soon':
      qb = qb.where('d.state', 'in', open).where('d.due_at', '>=', startOfToday).where('d.due_at', '<=', dueSoonUntil);
      break;
    case 'overdue':
      qb = qb.where('d.state', 'in', open).where('d.due_at', '<', startOfToday);
      break;
    case 'waiting_supplement':
      qb = qb.where('d.state', '=', 'supplement_requested');
      break;
    case 'ready_to_return':
      qb = qb.where('d.state', '=', 'result_ready');
      break;
    case 'submitted_online':
      qb = qb.where('d.state', '=', 'submitted_online');
      break;
    default:
      break;
  }
  if (query.state) qb = qb.where('d.state', '=', query.state);
  if (search && 'code' in search) qb = qb.where('d.code', '=', search.code);
  if (search && 'name' in search) {
    qb = qb.where(sql<boolean>`strpos(d.applicant_name_folded, ${search.name}) > 0`);
    if (search.plan.kind === 'words') qb = qb.where(holdsWordOfEach('d.applicant_name_folded', search.plan.terms));
  }
  return qb;
}

const FEW_UNITS = 8;
const MAX_LISTED_UNITS = 1000;

/**
 * The units a list may show: those in reach (and under `unitId`), or 'many' when there are more than `max`; null
 * when nothing limits the list (the whole country, no unit chosen).
 */
async function unitsToList(db: Db, reach: Reach, unitId: string | undefined, max: number): Promise<string[] | 'many' | null> {
  if (reach === 'all' && !unitId) return null;
  if (reach !== 'all' && !reach.length) return [];
  let qb = db.selectFrom('units as u').select('u.id');
  if (reach !== 'all') qb = qb.where(unitUnder('u.id', reach));
  if (unitId) qb = qb.where(unitUnder('u.id', [unitId]));
  const rows = await qb.limit(max + 1).execute();
  return rows.length > max ? 'many' : rows.map((r) => r.id);
}

/** At a step whose role one of `grants` holds over the unit; `table`: the alias holding step_role and unit_id. */
function atStepOfMyRoles(table: 'd' | 'q', grants: { role: string; unitId: string }[]) {
  const waiting = grants.map((g) => sql<boolean>`(${sql.ref(`${table}.step_role`)} = ${g.role} and ${unitUnder(`${table}.unit_id`, [g.unitId])})`);
  return waiting.length ? sql<boolean>`(${sql.join(waiting, sql` or `)})` : sql<boolean>`false`;
}

/** Assigned to me, or unassigned and waiting at a step whose role I hold over the dossier's unit. */
function mine(userId: string, grants: { role: string; unitId: string }[]) {
  const unassigned = grants.length
    ? sql<boolean>`(d.assignee_id is null and d.state in ('received', 'in_progress', 'result_ready') and ${atStepOfMyRoles('d', grants)})`
    : sql<boolean>`false`;
  return sql<boolean>`((d.assignee_id = ${userId}::uuid and d.state in (${sql.join([...open, 'result_ready'].map((s) => sql.lit(s)))})) or ${unassigned})`;
}

/**
 * How many dossiers in reach wait in each queue, from the maintained counts (migrations/0013_queue_counts.sql):
 * by state, due day, whether assigned and the step's role. Two parts are read from the dossiers themselves, both
 * through small index ranges: those assigned to the caller, and those due on the last due-soon day up to its bound
 * (the counts know due days, not times).
 */
export async function queueCounts(db: Db, reach: Reach, userId: string, grants: { role: string; unitId: string }[], unitId: string | undefined, calendar: WorkingCalendar, now: Date) {
  const { startOfToday, dueSoonUntil } = queueBounds(calendar, now);
  const today = localDate(now);
  const lastDueSoonDay = localDate(dueSoonUntil);
  const lastDayStart = localInstant(lastDueSoonDay, '00:00');
  const inScope = (column: string) => sql<boolean>`${unitInReach(column, reach)} and ${unitId ? unitUnder(column, [unitId]) : sql`true`}`;
  const openList = sql.join(open.map((s) => sql.lit(s)));
  const { rows } = await sql<Record<string, string | null>>`select
      sum(n) filter (where not q.assigned and q.state in ('received', 'in_progress', 'result_ready') and ${atStepOfMyRoles('q', grants)}) as mine_waiting,
      sum(n) filter (where not q.assigned and q.state in ('received', 'in_progress')) as unassigned,
      sum(n) filter (where q.state in (${openList}) and q.due_day >= ${today}::date and q.due_day < ${lastDueSoonDay}::date) as due_soon_days,
      sum(n) filter (where q.state in (${openList}) and q.due_day < ${today}::date) as overdue,
      sum(n) filter (where q.state = 'supplement_requested') as waiting_supplement,
      sum(n) filter (where q.state = 'result_ready') as ready_to_return,
      sum(n) filter (where q.state = 'submitted_online') as submitted_online,
      (select count(*) from dossiers d where d.assignee_id = ${userId}::uuid and d.state in (${openList}, 'result_ready') and ${inScope('d.unit_id')}) as mine_assigned,
      (select count(*) from dossiers d where d.state in (${openList}) and ${inScope('d.unit_id')}
        and d.due_at >= ${lastDayStart > startOfToday ? lastDayStart : startOfToday} and d.due_at <= ${dueSoonUntil}) as due_soon_last_day
    from dossier_queue_counts q where ${inScope('q.unit_id')} ${planForValues}`.execute(db);
  const n = (k: string) => Number(rows[0]?.[k] ?? 0);
  return {
    mine: n('mine_assigned') + n('mine_waiting'),
    unassigned: n('unassigned'),
    due_soon: n('due_soon_days') + n('due_soon_last_day'),
    overdue: n('overdue'),
    waiting_supplement: n('waiting_supplement'),
    ready_to_return: n('ready_to_return'),
    submitted_online: n('submitted_online'),
  } satisfies Record<Exclude<Queue, 'all'>, number>;
}
