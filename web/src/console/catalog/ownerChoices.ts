import type { User } from '../../api-types.ts';

export interface OwnerChoice {
  /** '' for the national catalogue (no owner unit). */
  id: string;
  name: string;
}

/**
 * Who may own what the user adds: the national catalogue for system administrators, and the units where the user
 * administers (a province's or commune's own procedures and workflows).
 */
export function ownerChoices(user: User): OwnerChoice[] {
  const admin = user.grants.filter((g) => g.role === 'system_admin' || g.role === 'unit_admin');
  const units = [...new Map(admin.map((g) => [g.unitId, { id: g.unitId, name: g.unitName }])).values()];
  return admin.some((g) => g.role === 'system_admin') ? [{ id: '', name: '' }, ...units] : units;
}
