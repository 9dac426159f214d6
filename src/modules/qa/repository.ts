import { sql } from 'kysely';
import { unitInReach, type Db, type Reach } from '../../access/reach.ts';
import { planForValues } from '../../platform/db/prepared.ts';
import { decodeCursor, pageOf } from '../../platform/http/cursor.ts';
import { foldVietnamese } from '../../platform/text.ts';
import type { Insertable } from 'kysely';
import type { QuestionRow, QuestionsTable } from './tables.ts';

// The Q&A module's SQL.

export async function nextQuestionSequence(db: Db, day: string): Promise<number> {
  const row = await db.insertInto('question_counters').values({ day, last: 1 })
    .onConflict((oc) => oc.column('day').doUpdateSet({ last: sql`question_counters.last + 1` }))
    .returning('last').executeTakeFirstOrThrow();
  return row.last;
}

export async function insertQuestion(db: Db, values: Insertable<QuestionsTable>): Promise<QuestionRow> {
  return db.insertInto('questions').values(values).returningAll().executeTakeFirstOrThrow();
}

/** The question with its unit's name and its procedure's code, as presented. */
export async function questionView(db: Db, id: string) {
  return (await db.selectFrom('questions as q').innerJoin('units as u', 'u.id', 'q.unit_id').leftJoin('procedures as p', 'p.id', 'q.procedure_id')
    .selectAll('q').select(['u.full_name as unit_name', 'p.code as procedure_code']).where('q.id', '=', id).executeTakeFirst()) ?? null;
}

export async function unitNameOf(db: Db, unitId: string): Promise<string> {
  return (await db.selectFrom('units').select('full_name').where('id', '=', unitId).executeTakeFirst())?.full_name ?? '';
}

export async function getQuestion(db: Db, id: string): Promise<QuestionRow | null> {
  return (await db.selectFrom('questions').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function lockQuestion(db: Db, id: string): Promise<QuestionRow | null> {
  return (await db.selectFrom('questions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()) ?? null;
}

export async function questionByReference(db: Db, reference: string): Promise<QuestionRow | null> {
  return (await db.selectFrom('questions').selectAll().where('reference', '=', reference).executeTakeFirst()) ?? null;
}

export type QuestionChange = Partial<Omit<QuestionRow, 'id' | 'version' | 'created_at'>>;

export async function updateQuestion(db: Db, row: QuestionRow, set: QuestionChange, now: Date): Promise<QuestionRow> {
  return db.updateTable('questions').set({ ...set, version: row.version + 1, updated_at: now } as never)
    .where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
}

export interface QueueQuery {
  reach: Reach;
  status?: 'open' | 'answered' | 'rejected';
  overdue?: boolean;
  unitId?: string;
  q?: string;
  now: Date;
  cursor?: string;
  limit: number;
}

/** Open questions by target time (most urgent first); others newest first. */
export async function listQuestions(db: Db, query: QueueQuery) {
  const open = query.status === 'open';
  let qb = db.selectFrom('questions as q').innerJoin('units as u', 'u.id', 'q.unit_id').leftJoin('procedures as p', 'p.id', 'q.procedure_id')
    .selectAll('q').select(['u.full_name as unit_name', 'p.code as procedure_code'])
    .where(unitInReach('q.unit_id', query.reach));
  if (query.status) qb = qb.where('q.status', '=', query.status);
  if (query.unitId) qb = qb.where(sql<boolean>`q.unit_id in (select descendant_id from unit_closure where ancestor_id = ${query.unitId})`);
  if (query.overdue) qb = qb.where('q.status', '=', 'open').where('q.target_answer_at', '<', query.now);
  if (query.q) {
    const words = foldVietnamese(query.q).split(' ').filter(Boolean).slice(0, 8);
    for (const w of words) qb = qb.where(sql<boolean>`(lower(q.reference) like ${`%${w}%`} or lower(q.title) like ${`%${w}%`})`);
    qb = qb.modifyEnd(planForValues);
  }
  if (open) {
    const after = decodeCursor<[string, string]>(query.cursor, 2);
    if (after) qb = qb.where(sql<boolean>`(q.target_answer_at, q.id) > (${after[0]}::timestamptz, ${after[1]}::uuid)`);
    qb = qb.orderBy('q.target_answer_at').orderBy('q.id');
  } else {
    const after = decodeCursor<[string, string]>(query.cursor, 2);
    if (after) qb = qb.where(sql<boolean>`(q.asked_at, q.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
    qb = qb.orderBy('q.asked_at', 'desc').orderBy('q.id', 'desc');
  }
  const rows = await qb.limit(query.limit + 1).execute();
  return pageOf(rows, query.limit, (r) => [(open ? r.target_answer_at : r.asked_at).toISOString(), r.id]);
}

export async function queueCounts(db: Db, reach: Reach, now: Date, unitId?: string) {
  const row = await db.selectFrom('questions as q')
    .select([
      sql<number>`count(*) filter (where q.status = 'open')`.as('open'),
      sql<number>`count(*) filter (where q.status = 'open' and q.target_answer_at < ${now})`.as('overdue'),
      sql<number>`count(*) filter (where q.status = 'answered')`.as('answered'),
      sql<number>`count(*) filter (where q.published)`.as('published'),
    ])
    .where(unitInReach('q.unit_id', reach))
    .$if(!!unitId, (qb) => qb.where(sql<boolean>`q.unit_id in (select descendant_id from unit_closure where ancestor_id = ${unitId!})`))
    .executeTakeFirstOrThrow();
  return { open: Number(row.open), overdue: Number(row.overdue), answered: Number(row.answered), published: Number(row.published) };
}

/** Published FAQ entries; every folded word of `q` must appear (diacritics and case ignored). */
export async function searchFaq(db: Db, query: { q?: string; procedureId?: string; cursor?: string; limit: number }) {
  let qb = db.selectFrom('questions as q').innerJoin('units as u', 'u.id', 'q.unit_id').leftJoin('procedures as p', 'p.id', 'q.procedure_id')
    .select(['q.id', 'q.reference', 'q.faq_question', 'q.faq_answer', 'q.published_at', 'u.full_name as unit_name', 'p.code as procedure_code'])
    .where('q.published', '=', true)
    .modifyEnd(planForValues);
  for (const w of foldVietnamese(query.q ?? '').split(' ').filter(Boolean).slice(0, 10)) {
    qb = qb.where('q.faq_folded', 'like', `%${w.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  }
  if (query.procedureId) qb = qb.where('q.procedure_id', '=', query.procedureId);
  const after = decodeCursor<[string, string]>(query.cursor, 2);
  if (after) qb = qb.where(sql<boolean>`(q.published_at, q.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  const rows = await qb.orderBy('q.published_at', 'desc').orderBy('q.id', 'desc').limit(query.limit + 1).execute();
  return pageOf(rows, query.limit, (r) => [r.published_at!.toISOString(), r.id]);
}

/** The unit a question goes to when the asker names only a procedure: the unit that offers it, highest first. */
export async function offeringUnitOf(db: Db, procedureId: string): Promise<string | null> {
  const row = await sql<{ unit_id: string }>`
    select o.unit_id from procedure_offerings o where o.procedure_id = ${procedureId}
    order by (select count(*) from unit_closure c where c.descendant_id = o.unit_id), o.unit_id
    limit 1`.execute(db).then((r) => r.rows[0]);
  return row?.unit_id ?? null;
}

/** The top of the unit tree in force (the province): where a question about nothing in particular goes. */
export async function rootUnitOf(db: Db, date: string): Promise<string | null> {
  const row = await db.selectFrom('units').select('id').where('parent_id', 'is', null)
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', date)]))
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
    .orderBy('name_folded').limit(1).executeTakeFirst();
  return row?.id ?? null;
}

/** Units a citizen may address a question to: the province(s) and the communes and wards in force. */
export async function askableUnits(db: Db, date: string) {
  return db.selectFrom('units').select(['id', 'name', 'full_name', 'kind'])
    .where((eb) => eb.or([eb('kind', 'in', ['commune', 'ward', 'town', 'special_zone']), eb('parent_id', 'is', null)]))
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', date)]))
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
    .orderBy('name_folded').orderBy('id').limit(500).execute();
}
