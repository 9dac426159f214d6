import { allows, definePolicy } from '../../access/policy.ts';
import type { RoleGrant } from '../../access/roles.ts';

// Reading the catalogue is public. Changing it is for administrators: the national catalogue and the shared
// workflows (no owner) only for system administrators; a unit's own procedures and workflows also for the unit
// administrators whose reach includes the owner unit. Offering a procedure at a unit needs that unit in reach.
export const catalogPolicy = definePolicy({
  manage: { roles: ['system_admin', 'unit_admin'] },
});

/** `ownerAncestry`: the owner unit's id and its ancestors' ids; null for the national catalogue. */
export function mayManageOwned(grants: readonly RoleGrant[], ownerAncestry: readonly string[] | null): boolean {
  if (ownerAncestry === null) return grants.some((g) => g.role === 'system_admin');
  return allows([...grants], catalogPolicy.manage, ownerAncestry);
}

/** `unitAncestry`: the unit's id and its ancestors' ids. */
export function mayOfferAt(grants: readonly RoleGrant[], unitAncestry: readonly string[]): boolean {
  return allows([...grants], catalogPolicy.manage, unitAncestry);
}

/** Whether the caller holds a catalogue-managing role anywhere (to see drafts and the admin lists). */
export function isCatalogManager(grants: readonly RoleGrant[]): boolean {
  return grants.some((g) => catalogPolicy.manage.roles.includes(g.role));
}
