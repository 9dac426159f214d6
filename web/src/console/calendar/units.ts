import type { User } from '../../api-types.ts';

/** The units where the user administers: whose own calendar they may change and view. */
export function adminUnits(user: User): Array<{ id: string; name: string }> {
  const grants = user.grants.filter((g) => g.role === 'system_admin' || g.role === 'unit_admin');
  return [...new Map(grants.map((g) => [g.unitId, { id: g.unitId, name: g.unitName }])).values()];
}
