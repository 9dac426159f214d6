// Catalogue search and browsing over the versions in force on a date. Text is folded (no diacritics, lower
// case, đ → d) in JavaScript on both sides, and searched with pg_trgm GIN indexes on the folded columns, so
// "dang ky khai sinh", "KHAI SINH" and "đăng ký khai sinh" all find "Thủ tục đăng ký khai sinh".
//
// Ranking tiers: 0 the procedure's code; 1 the name contains the phrase; 2 the name contains every word; 3 the
// phrase or every word is found in the name and body together (field, bodies, result, subjects, documents); 4
// the name is similar (word similarity, for typos). Within a tier shorter names come first: they are the more
// exact match.

import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../access/reach.ts';
import { planForValues } from '../../platform/db/prepared.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import { foldVietnamese } from '../../platform/text.ts';
import { formatProcessingTime, type DurationKind, type OnlineLevel, type ProcedureLevel, type ProcessingTime } from './domain/index.ts';
import { administrativeUnitOf } from './repository-offerings.ts';

export interface SearchQuery {
  q?: string;
  field?: string;
  level?: ProcedureLevel;
  online?: OnlineLevel;
  /** Only procedures this unit offers. */
  unitId?: string;
  /** 'YYYY-MM-DD': versions in force on this date. */
  at: string;
  cursor?: string;
  limit: number;
}

export interface ProcessingTimeSummary extends ProcessingTime {
  /** E.g. "20 ngày làm việc", "trong ngày". */
  label: string;
  /** The procedure's cases do not all take the same time; this is the first case's. */
  variesByCase: boolean;
}

export interface ProcedureListItem {
  id: string;
  code: string;
  versionId: string;
  name: string;
  field: string | null;
  /** The level as published, e.g. "Cấp xã". */
  level: string | null;
  levels: ProcedureLevel[];
  onlineLevel: OnlineLevel;
  onTheSpot: boolean;
  processingTime: ProcessingTimeSummary | null;
}

const FUZZY_MIN_LENGTH = 4;

export async function searchProcedures(db: Db, query: SearchQuery): Promise<{ items: ProcedureListItem[]; nextCursor: string | null }> {
  const { builder, searching } = await pageQuery(db, query);
  const rows = await builder.execute();
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > query.limit && last
    ? encodeCursor(searching ? [Number(last.tier), Number(last.len), last.name_folded, last.id] : [last.name_folded, last.id])
    : null;
  const times = await caseTimes(db, page.map((r) => r.version_id));
  return {
    items: page.map((r) => ({
      id: r.id, code: r.code, versionId: r.version_id, name: r.name, field: r.field, level: r.level_text,
      levels: r.levels as ProcedureLevel[], onlineLevel: r.online_level as OnlineLevel, onTheSpot: r.on_the_spot,
      processingTime: summarise(times.get(r.version_id) ?? []),
    })),
    nextCursor,
  };
}

/** The page's query, without running it (searchSql shows it, e.g. to EXPLAIN it). */
async function pageQuery(db: Db, query: SearchQuery) {
  const folded = foldVietnamese(query.q ?? '');
  const words = folded.split(/[^a-z0-9./-]+/).filter(Boolean);
  const searching = words.length > 0;
  const code = (query.q ?? '').trim();
  const filters = await filterPredicates(db, query);
  let inner = db.selectFrom('procedure_versions as v')
    .innerJoin('procedures as p', 'p.id', 'v.procedure_id')
    .select([
      'p.id', 'p.code', 'v.id as version_id', 'v.name', 'v.name_folded', 'v.field', 'v.level_text', 'v.levels',
      'v.online_level', 'v.on_the_spot',
      sql<number>`length(v.name_folded)`.as('len'),
      (searching ? tier(code, folded, words) : sql<number>`0`).as('tier'),
    ])
    .where(inForce('v', query.at))
    .where(searching ? matches(code, folded, words) : sql<boolean>`true`);
  for (const filter of filters) inner = inner.where(filter);

  let outer = db.selectFrom(inner.as('s')).selectAll('s');
  if (searching) {
    const after = decodeCursor<[number, number, string, string]>(query.cursor, 4);
    if (after) outer = outer.where(sql<boolean>`(s.tier, s.len, s.name_folded, s.id) > (${after[0]}, ${after[1]}, ${after[2]}, ${after[3]}::uuid)`);
    outer = outer.orderBy('s.tier').orderBy('s.len').orderBy('s.name_folded').orderBy('s.id');
  } else {
    const after = decodeCursor<[string, string]>(query.cursor, 2);
    if (after) outer = outer.where(sql<boolean>`(s.name_folded, s.id) > (${after[0]}, ${after[1]}::uuid)`);
    outer = outer.orderBy('s.name_folded').orderBy('s.id');
  }
  return { builder: outer.limit(query.limit + 1), searching };
}

/** The SQL a search runs, for query plans in tests and reviews. */
export async function searchSql(db: Db, query: SearchQuery): Promise<{ sql: string; parameters: readonly unknown[] }> {
  return (await pageQuery(db, query)).builder.compile();
}

export interface FieldCount {
  field: string;
  count: number;
}

/** Fields of the procedures in force, with how many each has, in Vietnamese alphabetical order of the folded name. */
export async function procedureFields(db: Db, at: string, level?: ProcedureLevel): Promise<FieldCount[]> {
  let qb = db.selectFrom('procedure_versions as v')
    .select(['v.field', sql<string>`min(v.field_folded)`.as('folded'), (eb) => eb.fn.countAll<number>().as('n')])
    .where(inForce('v', at)).where('v.field', 'is not', null);
  if (level) qb = qb.where(sql<boolean>`v.levels @> ${JSON.stringify([level])}::jsonb`);
  const rows = await qb.groupBy('v.field').orderBy(sql`min(v.field_folded)`).orderBy('v.field').execute();
  return rows.map((r) => ({ field: r.field!, count: Number(r.n) }));
}

export function inForce(alias: string, at: string): RawBuilder<boolean> {
  const v = sql.table(alias);
  return sql<boolean>`${v}.status = 'published' and ${v}.effective_from <= ${at}::date and (${v}.effective_to is null or ${v}.effective_to > ${at}::date)`;
}

async function filterPredicates(db: Db, query: SearchQuery): Promise<RawBuilder<boolean>[]> {
  const out: RawBuilder<boolean>[] = [];
  if (query.field) out.push(sql<boolean>`v.field_folded = ${foldVietnamese(query.field)}`);
  if (query.level) out.push(sql<boolean>`v.levels @> ${JSON.stringify([query.level])}::jsonb`);
  if (query.online) out.push(sql<boolean>`v.online_level = ${query.online}`);
  if (query.unitId) {
    const adminUnit = await administrativeUnitOf(db, query.unitId);
    out.push(sql<boolean>`exists (
      select 1 from procedure_offerings o
      join unit_closure c on c.ancestor_id = o.unit_id and c.descendant_id = ${query.unitId}::uuid
      where o.procedure_id = p.id and (o.include_descendants or o.unit_id = ${adminUnit}::uuid))`);
  }
  return out;
}

const like = (text: string) => `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

/** Every word is in the name or in the body: each test can use a trigram index (BitmapOr within BitmapAnd). */
function everyWord(words: string[]): RawBuilder<boolean> {
  return sql<boolean>`(${sql.join(words.map((w) => sql`(v.name_folded like ${like(w)} or v.body_folded like ${like(w)})`), sql` and `)})`;
}

function matches(q: string, folded: string, words: string[]): RawBuilder<boolean> {
  const fuzzy = folded.length >= FUZZY_MIN_LENGTH ? sql` or ${folded} <% v.name_folded` : sql``;
  // The code test is written on v (not p) so that the whole OR can be answered from indexes on procedure_versions.
  const byCode = sql`v.procedure_id = (select id from procedures where code = ${q})`;
  return sql<boolean>`(${byCode} or ${everyWord(words)}${fuzzy}) ${planForValues}`;
}

function tier(q: string, folded: string, words: string[]): RawBuilder<number> {
  const inName = sql.join(words.map((w) => sql`v.name_folded like ${like(w)}`), sql` and `);
  const inBoth = sql.join(words.map((w) => sql`(v.name_folded || ' ' || v.body_folded) like ${like(w)}`), sql` and `);
  return sql<number>`case
    when p.code = ${q} then 0
    when v.name_folded like ${like(folded)} then 1
    when ${inName} then 2
    when v.body_folded like ${like(folded)} or (${inBoth}) then 3
    else 4 end`;
}

async function caseTimes(db: Db, versionIds: string[]): Promise<Map<string, (ProcessingTime | null)[]>> {
  const out = new Map<string, (ProcessingTime | null)[]>();
  if (versionIds.length === 0) return out;
  const rows = await db.selectFrom('procedure_cases').select(['version_id', 'processing_amount', 'processing_kind'])
    .where('version_id', 'in', versionIds).orderBy('version_id').orderBy('position').execute();
  for (const r of rows) {
    const time = r.processing_kind === null ? null : { amount: Number(r.processing_amount), kind: r.processing_kind as DurationKind };
    out.set(r.version_id, [...(out.get(r.version_id) ?? []), time]);
  }
  return out;
}

function summarise(times: (ProcessingTime | null)[]): ProcessingTimeSummary | null {
  const first = times[0];
  if (!first) return null;
  const variesByCase = times.some((t) => t === null || t.amount !== first.amount || t.kind !== first.kind);
  return { ...first, label: formatProcessingTime(first), variesByCase };
}
