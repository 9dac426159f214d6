import type { Db } from '../../../access/reach.ts';
import type { Role } from '../../../access/roles.ts';

/** The roles a caller holds over a unit: grants at the unit or any of its ancestors (system_admin everywhere). */
export async function rolesOver(db: Db, grants: { role: Role; unitId: string }[], unitId: string): Promise<Role[]> {
  if (!grants.length) return [];
  const ancestors = new Set(
    (await db.selectFrom('unit_closure').select('ancestor_id').where('descendant_id', '=', unitId).execute()).map((r) => r.ancestor_id),
  );
  return [...new Set(grants.filter((g) => g.role === 'system_admin' || ancestors.has(g.unitId)).map((g) => g.role))];
}
