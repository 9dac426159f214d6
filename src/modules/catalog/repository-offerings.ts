// SQL of which units offer which procedure. An offering attached to a unit covers that unit and its own bodies
// (its one-stop desk, departments); with include_descendants it also covers every unit below (all communes and
// wards of a province).

import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../access/reach.ts';
import { chunks } from './repository.ts';

const ADMINISTRATIVE_KINDS = ['province', 'district', 'commune', 'ward', 'town', 'special_zone'];

export interface Offering {
  unitId: string;
  unitName: string;
  unitKind: string;
  includeDescendants: boolean;
  regardlessOfBoundary: boolean;
}

export interface NewOffering {
  procedureId: string;
  unitId: string;
  includeDescendants: boolean;
  regardlessOfBoundary: boolean;
}

/** The unit itself when it is an administrative unit, else the nearest administrative unit above it. */
export async function administrativeUnitOf(db: Db, unitId: string): Promise<string> {
  const row = await db.selectFrom('unit_closure as c').innerJoin('units as u', 'u.id', 'c.ancestor_id')
    .select('c.ancestor_id').where('c.descendant_id', '=', unitId).where('u.kind', 'in', ADMINISTRATIVE_KINDS)
    .orderBy('c.depth').limit(1).executeTakeFirst();
  return row?.ancestor_id ?? unitId;
}

export async function listOfferings(db: Db, procedureId: string): Promise<Offering[]> {
  const rows = await db.selectFrom('procedure_offerings as o').innerJoin('units as u', 'u.id', 'o.unit_id')
    .select(['o.unit_id', 'u.full_name', 'u.kind', 'o.include_descendants', 'o.regardless_of_boundary'])
    .where('o.procedure_id', '=', procedureId).orderBy('u.name_folded').orderBy('o.unit_id').execute();
  return rows.map((r) => ({
    unitId: r.unit_id, unitName: r.full_name, unitKind: r.kind, includeDescendants: r.include_descendants,
    regardlessOfBoundary: r.regardless_of_boundary,
  }));
}

/**
 * Adds offerings; an existing one has its terms replaced when `replace`, else is left as it is (an import must
 * not undo the terms an administrator set). Returns how many rows were new.
 */
export async function upsertOfferings(db: Db, offerings: NewOffering[], now: Date, replace = true): Promise<number> {
  let created = 0;
  for (const batch of chunks(offerings, 1000)) {
    const rows = await db.insertInto('procedure_offerings').values(batch.map((o) => ({
      procedure_id: o.procedureId, unit_id: o.unitId, include_descendants: o.includeDescendants,
      regardless_of_boundary: o.regardlessOfBoundary, created_at: now,
    }))).onConflict((oc) => (replace
      ? oc.columns(['procedure_id', 'unit_id']).doUpdateSet((eb) => ({
        include_descendants: eb.ref('excluded.include_descendants'),
        regardless_of_boundary: eb.ref('excluded.regardless_of_boundary'),
      }))
      : oc.columns(['procedure_id', 'unit_id']).doNothing()))
      .returning(sql<boolean>`(xmax = 0)`.as('inserted')).execute();
    created += rows.filter((r) => r.inserted).length;
  }
  return created;
}

export async function deleteOffering(db: Db, procedureId: string, unitId: string): Promise<boolean> {
  const result = await db.deleteFrom('procedure_offerings').where('procedure_id', '=', procedureId)
    .where('unit_id', '=', unitId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * SQL: whether the unit (or the administrative unit it belongs to) offers the procedure in `procedureId`, and on
 * what terms, as `{ offered, regardlessOfBoundary }`. A fragment, so that intake reads it with the procedure.
 */
export function offeringSql(procedureId: RawBuilder<unknown>, unitId: string): RawBuilder<{ offered: boolean; regardlessOfBoundary: boolean }> {
  // The commune or ward the unit belongs to (or the unit itself), found in the same statement as the offerings.
  const adminUnit = sql<string>`coalesce((select c2.ancestor_id from unit_closure c2 join units u2 on u2.id = c2.ancestor_id
    where c2.descendant_id = ${unitId}::uuid and u2.kind in (${sql.join(ADMINISTRATIVE_KINDS.map((k) => sql.lit(k)))})
    order by c2.depth limit 1), ${unitId}::uuid)`;
  return sql`(select json_build_object('offered', count(*) > 0, 'regardlessOfBoundary', coalesce(bool_or(o.regardless_of_boundary), false))
    from procedure_offerings o join unit_closure c on c.ancestor_id = o.unit_id and c.descendant_id = ${unitId}::uuid
    where o.procedure_id = ${procedureId} and (o.include_descendants or o.unit_id = ${adminUnit}))`;
}
