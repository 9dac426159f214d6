import { sql } from 'kysely';
import { unitInReach, unitUnder, type Db, type Reach } from '../../access/reach.ts';
import { addWorkingTime, localInstant, localDate, type WorkingCalendar } from '../../calendar/index.ts';
import { decodeCursor, pageOf } from '../../platform/http/cursor.ts';
import { foldVietnamese } from '../../platform/text.ts';
import { openStates } from './domain/states.ts';

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
  let qb = db.selectFrom('dossiers as d').select(listColumns).where(unitInReach('d.unit_id', query.reach));
  if (query.unitId) qb = qb.where(unitUnder('d.unit_id', [query.unitId]));
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
  if (query.q) {
    const q = query.q.trim();
    qb = /\d{6}-\d{4}$/.test(q) ? qb.where('d.code', '=', q) : qb.where('d.applicant_name_folded', 'like', `%${foldVietnamese(q)}%`);
  }
  if (byDue(query.queue)) {
    const after = decodeCursor<[string, string]>(query.cursor, 2);
    if (after) qb = qb.where(sql<boolean>`(d.due_at, d.id) > (${after[0]}::timestamptz, ${after[1]}::uuid)`);
    const rows = await qb.orderBy('d.due_at').orderBy('d.id').limit(query.limit + 1).execute();
    return pageOf(rows, query.limit, (r) => [r.due_at?.toISOString() ?? '1970-01-01T00:00:00Z', r.id]);
  }
  const after = decodeCursor<[string, string]>(query.cursor, 2);
  if (after) qb = qb.where(sql<boolean>`(d.created_at, d.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  const rows = await qb.orderBy('d.created_at', 'desc').orderBy('d.id', 'desc').limit(query.limit + 1).execute();
  return pageOf(rows, query.limit, (r) => [r.created_at.toISOString(), r.id]);
}

/** Assigned to me, or unassigned and waiting at a step whose role I hold over the dossier's unit. */
function mine(userId: string, grants: { role: string; unitId: string }[]) {
  const waiting = grants.map((g) => sql<boolean>`(d.step_role = ${g.role} and ${unitUnder('d.unit_id', [g.unitId])})`);
  const unassigned = waiting.length
    ? sql<boolean>`(d.assignee_id is null and d.state in ('received', 'in_progress', 'result_ready') and (${sql.join(waiting, sql` or `)}))`
    : sql<boolean>`false`;
  return sql<boolean>`((d.assignee_id = ${userId}::uuid and d.state in (${sql.join([...open, 'result_ready'].map((s) => sql.lit(s)))})) or ${unassigned})`;
}

export async function queueCounts(db: Db, reach: Reach, userId: string, grants: { role: string; unitId: string }[], unitId: string | undefined, calendar: WorkingCalendar, now: Date) {
  const { startOfToday, dueSoonUntil } = queueBounds(calendar, now);
  let qb = db.selectFrom('dossiers as d').where(unitInReach('d.unit_id', reach))
    .where('d.state', 'in', [...open, 'result_ready', 'submitted_online']);
  if (unitId) qb = qb.where(unitUnder('d.unit_id', [unitId]));
  const openList = sql.join(open.map((s) => sql.lit(s)));
  const row = await qb.select([
    sql<number>`count(*) filter (where ${mine(userId, grants)})`.as('mine'),
    sql<number>`count(*) filter (where d.assignee_id is null and d.state in ('received', 'in_progress'))`.as('unassigned'),
    sql<number>`count(*) filter (where d.state in (${openList}) and d.due_at >= ${startOfToday} and d.due_at <= ${dueSoonUntil})`.as('due_soon'),
    sql<number>`count(*) filter (where d.state in (${openList}) and d.due_at < ${startOfToday})`.as('overdue'),
    sql<number>`count(*) filter (where d.state = 'supplement_requested')`.as('waiting_supplement'),
    sql<number>`count(*) filter (where d.state = 'result_ready')`.as('ready_to_return'),
    sql<number>`count(*) filter (where d.state = 'submitted_online')`.as('submitted_online'),
  ]).executeTakeFirstOrThrow();
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as Record<Exclude<Queue, 'all'>, number>;
}
