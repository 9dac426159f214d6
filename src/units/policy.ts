import { definePolicy } from '../access/policy.ts';

// Reading the unit tree is public (citizens pick their commune); changing it is for administrators.
export const unitPolicy = definePolicy({
  manage: { roles: ['system_admin', 'unit_admin'] },
  /** Creating or changing a top-level unit (a province) is for system administrators only. */
  manageRoots: { roles: ['system_admin'] },
});
