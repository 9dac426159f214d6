import type { Caller, Role, RoleGrant } from './roles.ts';

// Policies are small predicates: which roles may do an action, and where. A unit is within reach of a grant
// when the grant's unit is the unit itself or one of its ancestors. system_admin reaches every unit.

export interface Rule {
  roles: readonly Role[];
}

export type Policy<A extends string> = Record<A, Rule>;

export const anyOfficial: readonly Role[] = [
  'system_admin', 'unit_admin', 'desk_officer', 'specialist', 'leader', 'petition_handler', 'front_supervisor', 'report_viewer',
];

export function definePolicy<A extends string>(policy: Policy<A>): Policy<A> {
  return policy;
}

/** Grant units from which the caller may perform the rule's action; 'all' for a system administrator. */
export function reachOf(caller: Caller | null, rule: Rule): 'all' | string[] {
  if (!caller || caller.kind !== 'official') return [];
  if (rule.roles.includes('system_admin') && caller.grants.some((g) => g.role === 'system_admin')) return 'all';
  return [...new Set(caller.grants.filter((g) => rule.roles.includes(g.role)).map((g) => g.unitId))];
}

/** Pure check: `targetAncestry` is the target unit's id followed by its ancestors' ids. */
export function allows(grants: RoleGrant[], rule: Rule, targetAncestry: readonly string[]): boolean {
  return grants.some(
    (g) =>
      rule.roles.includes(g.role) && (g.role === 'system_admin' || targetAncestry.includes(g.unitId)),
  );
}

export function hasAnyRole(caller: Caller | null, rule: Rule): boolean {
  return !!caller && caller.kind === 'official' && caller.grants.some((g) => rule.roles.includes(g.role));
}
