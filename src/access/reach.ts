import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { planForValues } from '../platform/db/prepared.ts';
import type { Schema } from '../platform/db/schema.ts';

export type Db = Kysely<Schema> | Transaction<Schema>;
export type Reach = 'all' | string[];

/** SQL predicate: the unit in `column` is within reach (the grant units and everything below them). */
export function unitInReach(column: string, reach: Reach): RawBuilder<boolean> {
  if (reach === 'all') return sql<boolean>`true`;
  if (!reach.length) return sql<boolean>`false`;
  return unitUnder(column, reach);
}

/**
 * SQL predicate: the unit in `column` is one of `ancestors` or below them. Written `= any(array(…))` so the unit
 * list is computed once, before the scan, and an index led by the unit column can use it (with `in (select …)`
 * the planner joins instead and reads every unit's rows from a partial index). A commune and a province need
 * different plans, so the statement is planned for its values.
 */
export function unitUnder(column: string, ancestors: string[]): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} = any(array(select descendant_id from unit_closure where ancestor_id = any(${ancestors}::uuid[]))) ${planForValues}`;
}

/** Whether a reach holds a unit, given the unit's ancestry (its id and its ancestors' ids, as read with the unit). */
export function reachHolds(reach: Reach, ancestry: readonly string[]): boolean {
  return reach === 'all' || ancestry.some((id) => reach.includes(id));
}

export async function isUnitInReach(db: Db, reach: Reach, unitId: string): Promise<boolean> {
  if (reach === 'all') return true;
  if (!reach.length) return false;
  const row = await db
    .selectFrom('unit_closure')
    .select('ancestor_id')
    .where('descendant_id', '=', unitId)
    .where('ancestor_id', 'in', reach)
    .executeTakeFirst();
  return !!row;
}

/** The unit's id followed by its ancestors' ids, nearest first. */
export async function unitAncestry(db: Db, unitId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('unit_closure')
    .select('ancestor_id')
    .where('descendant_id', '=', unitId)
    .orderBy('depth')
    .execute();
  return rows.map((r) => r.ancestor_id);
}
