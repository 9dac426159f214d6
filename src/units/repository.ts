import { sql } from 'kysely';
import type { Db } from '../access/reach.ts';
import { planForValues } from '../platform/db/prepared.ts';
import type { UnitRow } from '../platform/db/schema.ts';
import { decodeCursor, pageOf } from '../platform/http/cursor.ts';
import { foldVietnamese } from '../platform/text.ts';
import type { UnitKind } from './kinds.ts';

export interface Unit {
  id: string;
  code: string | null;
  agencyCode: string | null;
  kind: UnitKind;
  name: string;
  fullName: string;
  parentId: string | null;
  validFrom: string | null;
  validTo: string | null;
  version: number;
}

export function toUnit(row: UnitRow): Unit {
  return {
    id: row.id,
    code: row.code,
    agencyCode: row.agency_code,
    kind: row.kind as UnitKind,
    name: row.name,
    fullName: row.full_name,
    parentId: row.parent_id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    version: row.version,
  };
}

const validAt = (date: string) =>
  sql<boolean>`(valid_from is null or valid_from <= ${date}::date) and (valid_to is null or valid_to > ${date}::date)`;

export async function getUnit(db: Db, id: string): Promise<Unit | null> {
  const row = await db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUnit(row) : null;
}

/**
 * Resolves a statistics-office code or agency identifier at a date. Codes are reused over time, so the unit
 * valid on that date wins; for a code abolished before the date, the last unit that had it.
 */
export async function resolveUnitCode(db: Db, code: string, at: string): Promise<Unit | null> {
  const rows = await db
    .selectFrom('units')
    .selectAll()
    .where((eb) => eb.or([eb('code', '=', code), eb('agency_code', '=', code)]))
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', at)]))
    .orderBy(sql`valid_to desc nulls first`)
    .orderBy('valid_from', 'desc')
    .limit(1)
    .execute();
  return rows[0] ? toUnit(rows[0]) : null;
}

export interface UnitQuery {
  at: string;
  q?: string;
  parentId?: string;
  kind?: string;
  cursor?: string;
  limit: number;
}

export async function listUnits(db: Db, query: UnitQuery) {
  let qb = db.selectFrom('units').selectAll().where(validAt(query.at));
  if (query.parentId) qb = qb.where('parent_id', '=', query.parentId);
  else if (!query.q && !query.kind) qb = qb.where('parent_id', 'is', null);
  if (query.kind) qb = qb.where('kind', '=', query.kind);
  if (query.q) {
    const folded = foldVietnamese(query.q);
    qb = qb.where('name_folded', 'like', `%${folded.replace(/[%_\\]/g, (c) => `\\${c}`)}%`).modifyEnd(planForValues);
  }
  const after = decodeCursor<[string, string]>(query.cursor, 2);
  if (after) qb = qb.where(sql<boolean>`(name_folded, id) > (${after[0]}, ${after[1]}::uuid)`);
  const rows = await qb.orderBy('name_folded').orderBy('id').limit(query.limit + 1).execute();
  const page = pageOf(rows, query.limit, (r) => [r.name_folded, r.id]);
  return { items: page.items.map(toUnit), nextCursor: page.nextCursor };
}

export async function ancestorsOf(db: Db, id: string): Promise<Unit[]> {
  const rows = await db
    .selectFrom('unit_closure as c')
    .innerJoin('units as u', 'u.id', 'c.ancestor_id')
    .selectAll('u')
    .where('c.descendant_id', '=', id)
    .where('c.depth', '>', 0)
    .orderBy('c.depth', 'desc')
    .execute();
  return rows.map(toUnit);
}

export async function successionsOf(db: Db, id: string) {
  const successors = await db
    .selectFrom('unit_successions as s')
    .innerJoin('units as u', 'u.id', 's.successor_id')
    .select(['u.id', 'u.full_name', 'u.code', 's.effective_on'])
    .where('s.predecessor_id', '=', id)
    .execute();
  const predecessors = await db
    .selectFrom('unit_successions as s')
    .innerJoin('units as u', 'u.id', 's.predecessor_id')
    .select(['u.id', 'u.full_name', 'u.code', 's.effective_on'])
    .where('s.successor_id', '=', id)
    .orderBy('u.name_folded')
    .execute();
  const shape = (r: { id: string; full_name: string; code: string | null; effective_on: string }) => ({
    id: r.id, fullName: r.full_name, code: r.code, effectiveOn: r.effective_on,
  });
  return { successors: successors.map(shape), predecessors: predecessors.map(shape) };
}

export interface UnitInput {
  code: string | null;
  agencyCode: string | null;
  kind: UnitKind;
  name: string;
  fullName: string;
  parentId: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export async function insertUnit(db: Db, input: UnitInput): Promise<Unit> {
  const row = await db
    .insertInto('units')
    .values({
      code: input.code,
      agency_code: input.agencyCode,
      kind: input.kind,
      name: input.name,
      full_name: input.fullName,
      name_folded: foldVietnamese(input.name),
      parent_id: input.parentId,
      valid_from: input.validFrom,
      valid_to: input.validTo,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUnit(row);
}

/** Updates when `version` still matches; returns null on a stale version. */
export async function updateUnit(db: Db, id: string, version: number, input: Partial<UnitInput>, now: Date): Promise<Unit | null> {
  const set: Record<string, unknown> = { version: sql`version + 1`, updated_at: now };
  if (input.code !== undefined) set.code = input.code;
  if (input.agencyCode !== undefined) set.agency_code = input.agencyCode;
  if (input.kind !== undefined) set.kind = input.kind;
  if (input.name !== undefined) {
    set.name = input.name;
    set.name_folded = foldVietnamese(input.name);
  }
  if (input.fullName !== undefined) set.full_name = input.fullName;
  if (input.parentId !== undefined) set.parent_id = input.parentId;
  if (input.validFrom !== undefined) set.valid_from = input.validFrom;
  if (input.validTo !== undefined) set.valid_to = input.validTo;
  const row = await db.updateTable('units').set(set).where('id', '=', id).where('version', '=', version).returningAll().executeTakeFirst();
  return row ? toUnit(row) : null;
}

export async function lockUnit(db: Db, id: string): Promise<Unit | null> {
  const row = await db.selectFrom('units').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  return row ? toUnit(row) : null;
}

export async function addSuccession(db: Db, predecessorId: string, successorId: string, effectiveOn: string, note: string | null) {
  await db
    .insertInto('unit_successions')
    .values({ predecessor_id: predecessorId, successor_id: successorId, effective_on: effectiveOn, note })
    .onConflict((oc) => oc.columns(['predecessor_id', 'successor_id']).doUpdateSet({ effective_on: effectiveOn, note }))
    .execute();
}
